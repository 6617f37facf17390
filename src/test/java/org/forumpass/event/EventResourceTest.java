package org.forumpass.event;

import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.forumpass.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventResourceTest {

    @Test
    void createsEventWithSessionsAndShowsItInTheCatalogue() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        OffsetDateTime start = OffsetDateTime.parse((String) e.get("startsAt"));
        Map<String, Object> keynote = session("KEYNOTE", start);
        keynote.put("type", "KEYNOTE");
        keynote.put("capacity", 800);
        Map<String, Object> consuls = session("CONSULS", start.plusHours(2));
        consuls.put("restrictedTo", List.of("DIPLOMATIC", "GOVERNMENT"));
        consuls.put("requiresRegistration", true);
        e.put("sessions", List.of(keynote, consuls));
        e.put("approvalRequiredFor", List.of("MEDIA"));

        asOrganizer().body(e).post("/api/v1/events").then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/events/" + slug))
                .body("slug", is(slug))
                .body("timeZone", is("Asia/Shanghai"))
                .body("approvalRequiredFor", contains("MEDIA"))
                .body("sessions", hasSize(2));

        anonymous().get("/api/v1/events/" + slug).then().statusCode(200)
                .body("name", is("Test Forum " + slug))
                .body("nameZh", is("测试论坛"))
                .body("startsAt", endsWith("+08:00"))
                .body("registrationOpen", is(true))
                .body("capacity", is(100))
                .body("seatsLeft", is(100))
                .body("sessions.code", contains("KEYNOTE", "CONSULS"))
                .body("sessions[0].type", is("KEYNOTE"))
                .body("sessions[0].restrictedTo", nullValue())
                .body("sessions[0].requiresRegistration", is(false))
                .body("sessions[0].seatsLeft", is(800))
                .body("sessions[1].restrictedTo", contains("GOVERNMENT", "DIPLOMATIC"))
                .body("sessions[1].requiresRegistration", is(true));

        anonymous().get("/api/v1/events").then().statusCode(200)
                .body("slug", hasItem(slug))
                .body("find { it.slug == '" + slug + "' }.city", is("Shanghai"))
                .body("find { it.slug == '" + slug + "' }.registrationOpen", is(true));
    }

    @Test
    void givesTimesInTheEventsOwnZone() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("timeZone", "Europe/Budapest");
        e.put("startsAt", "2030-07-01T07:00:00Z");
        e.put("endsAt", "2030-07-01T15:00:00Z");
        Fixtures.createEvent(e);
        anonymous().get("/api/v1/events/" + slug).then().statusCode(200)
                .body("startsAt", is("2030-07-01T09:00:00+02:00"))
                .body("endsAt", is("2030-07-01T17:00:00+02:00"));
    }

    @Test
    void rejectsDuplicateSlug() {
        String slug = slug();
        Fixtures.createEvent(event(slug));
        asOrganizer().body(event(slug)).post("/api/v1/events").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", is("event.slug_taken"))
                .body("status", is(409));
    }

    @Test
    void namesEveryBadFieldAndStoresNothing() {
        String slug = "Bad Slug!";
        Map<String, Object> e = event(slug);
        e.put("name", " ");
        e.put("timeZone", "Mars/Olympus");
        e.put("endsAt", "2020-01-01T00:00:00+08:00");
        e.put("capacity", 0);
        Map<String, Object> badSession = session("lower case", OffsetDateTime.now(ZoneOffset.UTC));
        e.put("sessions", List.of(badSession));

        asOrganizer().body(e).post("/api/v1/events").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", is("request.invalid"))
                .body("violations.field", hasItems("slug", "name", "timeZone", "endsAt", "capacity", "sessions[0].code"));

        anonymous().get("/api/v1/events").then().body("slug", org.hamcrest.Matchers.not(hasItem(slug)));
    }

    @Test
    void rejectsRegistrationWindowThatClosesBeforeItOpens() {
        Map<String, Object> e = event(slug());
        e.put("registrationOpensAt", "2030-01-10T00:00:00+08:00");
        e.put("registrationClosesAt", "2030-01-01T00:00:00+08:00");
        asOrganizer().body(e).post("/api/v1/events").then().statusCode(400)
                .body("violations.field", contains("registrationClosesAt"));
    }

    private static final java.time.format.DateTimeFormatter ISO = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    /** Issue 17: the display fields the console's Events tab edits go through PUT and back, and are checked. */
    @Test
    void theConsolesDisplayFieldsRoundTripAndAreChecked() {
        Map<String, Object> e = event(slug());
        String slug = Fixtures.createEvent(e);
        e.put("theme", "Digital Silk Road");
        e.put("themeZh", "数字丝绸之路");
        e.put("description", "Two days of panels.");
        e.put("descriptionZh", "为期两天的论坛。");
        e.put("cityZh", "上海");
        e.put("venueZh", "大宴会厅");
        OffsetDateTime start = OffsetDateTime.parse((String) e.get("startsAt"));
        e.put("registrationOpensAt", start.minusDays(20).toString());
        e.put("registrationClosesAt", start.minusDays(1).toString());
        asOrganizer().body(e).put("/api/v1/events/" + slug).then().statusCode(200);
        anonymous().get("/api/v1/events/" + slug).then().statusCode(200)
                .body("theme", is("Digital Silk Road")).body("themeZh", is("数字丝绸之路"))
                .body("description", is("Two days of panels.")).body("descriptionZh", is("为期两天的论坛。"))
                .body("cityZh", is("上海")).body("venueZh", is("大宴会厅"))
                .body("registrationOpensAt", is(start.minusDays(20).format(ISO)))
                .body("registrationClosesAt", is(start.minusDays(1).format(ISO)));

        e.put("themeZh", "长".repeat(301));
        e.put("cityZh", "城".repeat(101));
        e.put("registrationClosesAt", start.plusDays(2).toString());
        asOrganizer().body(e).put("/api/v1/events/" + slug).then().statusCode(400)
                .body("violations.field", hasItems("themeZh", "cityZh", "registrationClosesAt"))
                .body("violations.find { it.field == 'themeZh' }.code", is("size"));
        anonymous().get("/api/v1/events/" + slug).then().body("themeZh", is("数字丝绸之路")).body("cityZh", is("上海"));

        // emptied: the English names stand alone again
        e.put("themeZh", null);
        e.put("cityZh", null);
        e.put("registrationOpensAt", null);
        e.put("registrationClosesAt", null);
        asOrganizer().body(e).put("/api/v1/events/" + slug).then().statusCode(200);
        anonymous().get("/api/v1/events/" + slug).then().body("themeZh", nullValue()).body("cityZh", nullValue())
                .body("registrationClosesAt", nullValue()).body("registrationOpen", is(true));
    }

    @Test
    void explainsAnUnknownEnumValueAsABadField() {
        Map<String, Object> e = event(slug());
        e.put("approvalRequiredFor", List.of("ASTRONAUT"));
        asOrganizer().body(e).post("/api/v1/events").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", is("request.invalid"))
                .body("violations[0].field", is("approvalRequiredFor[0]"))
                .body("violations[0].message", containsString("GOVERNMENT"));
    }

    @Test
    void rejectsMalformedJson() {
        asOrganizer().body("{\"slug\": ").post("/api/v1/events").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", is("request.malformed"));
    }

    @Test
    void answersNotFoundForUnknownEvent() {
        anonymous().get("/api/v1/events/no-such-event").then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", is("event.not_found"));
    }

    @Test
    void closesRegistrationOutsideItsWindow() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("registrationOpensAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).toString());
        Fixtures.createEvent(e);
        anonymous().get("/api/v1/events/" + slug).then().body("registrationOpen", is(false));

        String past = slug();
        Map<String, Object> p = event(past);
        p.put("startsAt", "2019-11-12T08:30:00+08:00");
        p.put("endsAt", "2019-11-12T18:00:00+08:00");
        Fixtures.createEvent(p);
        anonymous().get("/api/v1/events/" + past).then().body("registrationOpen", is(false));
    }

    @Test
    void updatesAnEventButNotItsSlug() {
        String slug = slug();
        Fixtures.createEvent(event(slug));
        Map<String, Object> e = event(slug);
        e.put("name", "Renamed Forum");
        e.put("capacity", null);
        asOrganizer().body(e).put("/api/v1/events/" + slug).then().statusCode(200)
                .body("name", is("Renamed Forum"))
                .body("capacity", nullValue())
                .body("seatsLeft", nullValue());

        e.put("slug", "another-slug");
        asOrganizer().body(e).put("/api/v1/events/" + slug).then().statusCode(400)
                .body("violations[0].field", is("slug"));
        asOrganizer().body(event("whatever")).put("/api/v1/events/no-such-event").then().statusCode(404)
                .body("code", is("event.not_found"));
    }

    @Test
    void managesSessions() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        Fixtures.createEvent(e);
        OffsetDateTime start = OffsetDateTime.parse((String) e.get("startsAt"));

        asOrganizer().body(session("T1", start)).post("/api/v1/events/" + slug + "/sessions").then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/events/" + slug + "/sessions/T1"))
                .body("code", is("T1"))
                .body("seatsLeft", is(10));
        asOrganizer().body(session("T1", start)).post("/api/v1/events/" + slug + "/sessions").then()
                .statusCode(409).body("code", is("session.code_taken"));

        Map<String, Object> changed = session("T1", start.plusHours(3));
        changed.put("title", "Digital Villages and Sustainable Development");
        changed.put("titleZh", "数字乡村与可持续发展");
        changed.put("type", "SUB_FORUM");
        changed.put("restrictedTo", List.of("ACADEMIC"));
        asOrganizer().body(changed).put("/api/v1/events/" + slug + "/sessions/T1").then().statusCode(200)
                .body("titleZh", is("数字乡村与可持续发展"))
                .body("type", is("SUB_FORUM"))
                .body("restrictedTo", contains("ACADEMIC"));

        asOrganizer().body(session("T2", start)).post("/api/v1/events/" + slug + "/sessions").then().statusCode(201);
        asOrganizer().body(session("T2", start)).put("/api/v1/events/" + slug + "/sessions/T1").then()
                .statusCode(409).body("code", is("session.code_taken"));

        Map<String, Object> empty = session("T3", start);
        empty.put("restrictedTo", List.of());
        asOrganizer().body(empty).post("/api/v1/events/" + slug + "/sessions").then().statusCode(400)
                .body("violations[0].field", is("restrictedTo"));

        asOrganizer().delete("/api/v1/events/" + slug + "/sessions/T1").then().statusCode(204);
        asOrganizer().delete("/api/v1/events/" + slug + "/sessions/T1").then().statusCode(404)
                .body("code", is("session.not_found"));
        anonymous().get("/api/v1/events/" + slug).then().body("sessions.code", contains("T2"));
    }

    @Test
    void keepsNamesInEveryScriptExactly() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("name", "  Форум «Цифровой Шёлковый путь» — منتدى طريق الحرير  ");
        e.put("venue", "<script>alert(1)</script>");
        Fixtures.createEvent(e);
        anonymous().get("/api/v1/events/" + slug).then()
                .body("name", is("Форум «Цифровой Шёлковый путь» — منتدى طريق الحرير"))
                .body("venue", is("<script>alert(1)</script>"));
    }
}
