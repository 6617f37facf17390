package org.forumpass.seed;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoForumLoaderTest {
    @Inject
    DemoForumLoader loader;

    @Test
    void loadsBothForumsOnceWithTheirAgendasOnUpcomingDates() {
        List<String> first = loader.loadAll();
        List<String> second = loader.loadAll();
        assertTrue(first.isEmpty() || first.size() == 2, "first load creates both forums: " + first);
        assertEquals(List.of(), second, "loading again creates nothing");

        given().get("/api/v1/events").then().statusCode(200)
                .body("slug", hasItems("bri-ict-forum", "wic-digital-silk-road"));

        var bri = given().get("/api/v1/events/bri-ict-forum").then().statusCode(200)
                .body("name", is("Belt and Road Forum for ICT Industry International Cooperation"))
                .body("nameZh", is("“一带一路”信息通信产业国际合作论坛"))
                .body("venue", is("Marriott Shanghai Hotel Parkview"))
                .body("timeZone", is("Asia/Shanghai"))
                .body("sessions.code", containsInAnyOrder("OPENING", "KEYNOTE", "UNION", "CHINA-WELCOMES", "CONSULS",
                        "ROUND-TABLE", "MOT-EXPO", "B2B"))
                .extract().jsonPath();
        OffsetDateTime starts = OffsetDateTime.parse(bri.getString("startsAt"));
        assertTrue(starts.isAfter(OffsetDateTime.now()), "the demo copy starts in the future: " + starts);
        assertEquals(java.time.LocalTime.of(8, 30),
                starts.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalTime(), "local time of day is kept");

        // issue 16: the access zones, in order, with the sessions held in them; the exhibition's hours move with the forum
        var zones = org.forumpass.Fixtures.asOrganizer().get("/api/v1/events/bri-ict-forum/zones").then().statusCode(200)
                .body("code", contains("PLENARY", "VIP", "PRESS", "EXHIBITION"))
                .body("[0].categories", nullValue())
                .body("[1].name.zh", is("贵宾休息室"))
                .body("[1].categories", contains("GOVERNMENT", "DIPLOMATIC", "SPEAKER", "STAFF"))
                .body("[2].categories", contains("MEDIA", "STAFF"))
                .body("[3].color", is("#2E7D32"))
                .extract().jsonPath();
        OffsetDateTime opens = OffsetDateTime.parse(zones.getString("[3].from"));
        assertEquals(starts.toLocalDate(), opens.toLocalDate(), "the exhibition opens on the forum's day");
        assertEquals(java.time.LocalTime.of(8, 30), opens.toLocalTime());
        assertEquals("VIP", bri.getString("sessions.find { it.code == 'CONSULS' }.zone"));
        assertEquals("EXHIBITION", bri.getString("sessions.find { it.code == 'B2B' }.zone"));
        assertEquals("PLENARY", bri.getString("sessions.find { it.code == 'KEYNOTE' }.zone"));

        given().get("/api/v1/events/wic-digital-silk-road").then().statusCode(200)
                .body("theme", is("Connectivity and Shared Prosperity"))
                .body("city", is("Xi'an"))
                .body("sessions.code", containsInAnyOrder("OPENING", "SUB-CONNECT", "SUB-ECOMMERCE", "SUB-VILLAGES",
                        "MEMBERS", "INSTITUTE", "SEMINAR-ECOM", "WG-ECOM"))
                .body("sessions.find { it.code == 'SUB-CONNECT' }.zone", is("PLENARY"))
                .body("sessions.find { it.code == 'MEMBERS' }.zone", nullValue());
        org.forumpass.Fixtures.asDoor().get("/api/v1/events/wic-digital-silk-road/zones").then().statusCode(200)
                .body("code", contains("PLENARY", "VIP", "PRESS", "EXHIBITION"));
    }

    @Test
    void demoForumsHaveVipsWithRanksAndProtocolNotes() {
        loader.loadAll();
        org.forumpass.Fixtures.asOrganizer().get("/api/v1/events/bri-ict-forum/registrations?vip=true&size=50").then()
                .statusCode(200).body("items.familyName", hasItems("Zhaksybekov", "Tulegenov", "Chen"))
                .body("items.protocol.vip", org.hamcrest.Matchers.everyItem(is(true)))
                .body("items.find { it.familyName == 'Zhaksybekov' }.protocol.rank", is(2))
                .body("items.find { it.familyName == 'Zhaksybekov' }.protocol.note", is("Escort to front row, seat A3"));
        org.forumpass.Fixtures.asOrganizer().get("/api/v1/events/wic-digital-silk-road/registrations?vip=true&size=50").then()
                .statusCode(200).body("items.familyName", hasItems("Srisuk", "Boonmee"))
                .body("items.find { it.familyName == 'Srisuk' }.protocol.rank", is(1));
    }

    @Test
    void demoForumsTakeRegistrations() {
        loader.loadAll();
        Map<String, Object> body = delegate(email(), "ROUND-TABLE", "B2B");
        anonymous().body(body).post("/api/v1/events/bri-ict-forum/registrations").then().statusCode(201)
                .body("status", is("CONFIRMED"));

        Map<String, Object> wic = delegate(email(), "SUB-CONNECT", "WG-ECOM");
        anonymous().body(wic).post("/api/v1/events/wic-digital-silk-road/registrations").then().statusCode(201)
                .body("status", is("PENDING"));
    }
}
