package org.forumpass.event;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.asDoor;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forumpass.Fixtures;
import org.junit.jupiter.api.Test;

/** Issue 16: an event's access zones through the API, and what the door answers at a session in a zone. */
@QuarkusTest
class ZoneApiTest {

    static Map<String, Object> zone(String code, String en, String zh, String color, List<String> categories, String from,
                                    String to) {
        Map<String, Object> z = new LinkedHashMap<>();
        z.put("code", code);
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("en", en);
        name.put("zh", zh);
        z.put("name", name);
        z.put("color", color);
        z.put("categories", categories);
        z.put("from", from);
        z.put("to", to);
        return z;
    }

    private static List<Map<String, Object>> twoZones() {
        return List.of(zone("PLENARY", "Plenary hall", "主会场", "#1565C0", null, null, null),
                zone("VIP", "VIP lounge", null, "#b8860b", List.of("GOVERNMENT", "DIPLOMATIC"),
                        "2030-07-01T08:00:00+08:00", "2030-07-01T18:00:00+08:00"));
    }

    @Test
    void organizersReplaceTheZonesAndOrganizersAndDoorStaffReadThem() {
        String slug = createEvent(event(slug()));
        asOrganizer().get("/api/v1/events/" + slug + "/zones").then().statusCode(200).body("size()", is(0));

        asOrganizer().body(twoZones()).put("/api/v1/events/" + slug + "/zones").then().statusCode(200)
                .body("code", contains("PLENARY", "VIP"))
                .body("[0].name.en", is("Plenary hall"))
                .body("[0].name.zh", is("主会场"))
                .body("[0].categories", nullValue())
                .body("[0].from", nullValue())
                .body("[1].name.zh", nullValue())
                .body("[1].color", is("#B8860B"))
                .body("[1].categories", contains("GOVERNMENT", "DIPLOMATIC"))
                .body("[1].from", is("2030-07-01T08:00:00+08:00"))
                .body("[1].to", is("2030-07-01T18:00:00+08:00"));

        asDoor().get("/api/v1/events/" + slug + "/zones").then().statusCode(200).body("code", contains("PLENARY", "VIP"));
        asOrganizer().get("/api/v1/events/" + slug).then().statusCode(200).body("zones.code", contains("PLENARY", "VIP"));
        asDoor().get("/api/v1/events/" + slug).then().statusCode(200).body("zones[1].categories", contains("GOVERNMENT", "DIPLOMATIC"));
        anonymous().get("/api/v1/events/" + slug).then().statusCode(200).body("zones", nullValue());

        // replaced as a whole, in the new order: VIP kept (changed), PLENARY dropped, PRESS added
        List<Map<String, Object>> next = List.of(zone("PRESS", "Press area", "媒体区", "#C62828", List.of("MEDIA", "STAFF"), null, null),
                zone("VIP", "VIP lounge", "贵宾区", "#B8860B", List.of("GOVERNMENT"), null, null));
        asOrganizer().body(next).put("/api/v1/events/" + slug + "/zones").then().statusCode(200)
                .body("code", contains("PRESS", "VIP"))
                .body("[1].name.zh", is("贵宾区"))
                .body("[1].categories", contains("GOVERNMENT"))
                .body("[1].from", nullValue());
        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=ZONES_CHANGED").then().statusCode(200)
                .body("items.detail", hasItem("2 zones: PRESS, VIP"));

        asOrganizer().body(List.of()).put("/api/v1/events/" + slug + "/zones").then().statusCode(200).body("size()", is(0));
    }

    @Test
    void everyBadFieldIsNamedWithItsRuleAndNothingIsStored() {
        String slug = createEvent(event(slug()));
        asOrganizer().body(twoZones()).put("/api/v1/events/" + slug + "/zones").then().statusCode(200);

        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(zone("vip lounge", "VIP", null, "#B8860B", null, null, null));
        bad.add(zone("PRESS", "Press", null, "red", null, null, null));
        bad.add(zone("PRESS", null, "媒体区", "#C62828", List.of("MEDIA", "ASTRONAUT"), null, null));
        bad.add(zone("EXPO", "Exhibition", null, "#2E7D32", null, "2030-07-01T18:00:00+08:00", "2030-07-01T08:00:00+08:00"));
        bad.add(zone("LATER", "Later", null, "#2E7D32", null, "tomorrow", null));
        asOrganizer().body(bad).put("/api/v1/events/" + slug + "/zones").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", is("request.invalid"))
                .body("violations.field", contains("zones[0].code", "zones[1].color", "zones[2].categories", "zones[2].code",
                        "zones[2].name.en", "zones[3].to", "zones[4].from"))
                .body("violations.code", contains("zone_code", "zone_color", "zone_category", "zone_code_taken", "required",
                        "zone_hours", "zone_time"))
                .body("violations.find { it.field == 'zones[2].categories' }.message", containsString("ASTRONAUT"));

        asOrganizer().get("/api/v1/events/" + slug + "/zones").then().statusCode(200).body("code", contains("PLENARY", "VIP"))
                .body("[1].name.en", is("VIP lounge"));
    }

    @Test
    void aZoneASessionTakesPlaceInCannotBeRemoved() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        OffsetDateTime start = OffsetDateTime.parse((String) e.get("startsAt"));
        Map<String, Object> dinner = session("DINNER", start);
        dinner.put("zone", "VIP");
        Map<String, Object> talks = session("TALKS", start.plusHours(2));
        talks.put("zone", "VIP");
        e.put("sessions", List.of(dinner, talks, session("OPENING", start)));
        e.put("zones", twoZones());
        createEvent(e);
        asOrganizer().get("/api/v1/events/" + slug).then().statusCode(200)
                .body("sessions.find { it.code == 'DINNER' }.zone", is("VIP"))
                .body("sessions.find { it.code == 'OPENING' }.zone", nullValue());

        List<Map<String, Object>> withoutVip = List.of(zone("PLENARY", "Plenary", null, "#1565C0", null, null, null),
                zone("PRESS", "Press", null, "#C62828", List.of("MEDIA"), null, null));
        asOrganizer().body(withoutVip).put("/api/v1/events/" + slug + "/zones").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", is("zone.in_use"))
                .body("detail", containsString("VIP (sessions DINNER, TALKS)"));
        asOrganizer().get("/api/v1/events/" + slug + "/zones").then().statusCode(200).body("code", contains("PLENARY", "VIP"))
                .body("[0].name.en", is("Plenary hall"));

        for (Map<String, Object> s : List.of(dinner, talks)) {
            s.put("zone", null);
            asOrganizer().body(s).put("/api/v1/events/" + slug + "/sessions/" + s.get("code")).then().statusCode(200)
                    .body("zone", nullValue());
        }
        asOrganizer().body(withoutVip).put("/api/v1/events/" + slug + "/zones").then().statusCode(200)
                .body("code", contains("PLENARY", "PRESS"));
    }

    @Test
    void sessionsNameOnlyZonesOfTheirEvent() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        OffsetDateTime start = OffsetDateTime.parse((String) e.get("startsAt"));
        Map<String, Object> lost = session("LOST", start);
        lost.put("zone", "NOWHERE");
        e.put("sessions", List.of(lost));
        e.put("zones", twoZones());
        asOrganizer().body(e).post("/api/v1/events").then().statusCode(400)
                .body("violations.field", contains("sessions[0].zone"))
                .body("violations[0].code", is("zone_unknown"));
        anonymous().get("/api/v1/events/" + slug).then().statusCode(404);

        e.put("sessions", List.of());
        createEvent(e);
        Map<String, Object> lounge = session("LOUNGE", start);
        lounge.put("zone", "VIP");
        asOrganizer().body(lounge).post("/api/v1/events/" + slug + "/sessions").then().statusCode(201).body("zone", is("VIP"));
        anonymous().get("/api/v1/events/" + slug).then().statusCode(200).body("sessions[0].zone", is("VIP"));

        lounge.put("zone", "PRESS");
        asOrganizer().body(lounge).put("/api/v1/events/" + slug + "/sessions/LOUNGE").then().statusCode(400)
                .body("violations.field", contains("zone"))
                .body("violations[0].code", is("zone_unknown"))
                .body("violations[0].message", is("is not an access zone of this event: PRESS"));
        Map<String, Object> other = session("OTHER", start);
        other.put("zone", "ELSEWHERE");
        asOrganizer().body(other).post("/api/v1/events/" + slug + "/sessions").then().statusCode(400)
                .body("violations.field", contains("zone"));
        asOrganizer().get("/api/v1/events/" + slug).then().statusCode(200)
                .body("sessions.code", contains("LOUNGE"))
                .body("sessions[0].zone", is("VIP"));
    }

    @Test
    void onlyTheEventsOrganizersChangeZonesAndItsStaffReadThem() {
        String slug = createEvent(event(slug()));
        String other = createEvent(event(slug()));
        String manageToken = (String) register(slug, delegate(email())).get("manageToken");

        anonymous().body(twoZones()).put("/api/v1/events/" + slug + "/zones").then().statusCode(401);
        anonymous().get("/api/v1/events/" + slug + "/zones").then().statusCode(401);
        given().contentType(ContentType.JSON).auth().oauth2(manageToken).body(twoZones())
                .put("/api/v1/events/" + slug + "/zones").then().statusCode(401);
        asDoor().body(twoZones()).put("/api/v1/events/" + slug + "/zones").then().statusCode(403);
        String outsider = Fixtures.staffToken("organizer", List.of(other));
        given().contentType(ContentType.JSON).auth().oauth2(outsider).body(twoZones())
                .put("/api/v1/events/" + slug + "/zones").then().statusCode(403).body("code", is("auth.event_not_in_scope"));
        String otherDoor = Fixtures.staffToken("door", List.of(other));
        given().auth().oauth2(otherDoor).get("/api/v1/events/" + slug + "/zones").then().statusCode(403);
        asOrganizer().get("/api/v1/events/" + slug + "/zones").then().statusCode(200).body("size()", is(0));
    }

    // ---- the door ------------------------------------------------------------------------------

    /**
     * An event happening now. Zones: VIP (government and diplomats), HALL (every category), CLOSED (every category,
     * closed an hour ago), WIDE (industry, open now). Sessions: LOUNGE (VIP), MAIN (HALL), LATE (CLOSED), EXPO (WIDE).
     */
    private static String zonedForum() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        e.put("startsAt", now.minusHours(3).toString());
        e.put("endsAt", now.plusDays(2).toString());
        e.put("zones", List.of(
                zone("VIP", "VIP lounge", "贵宾区", "#B8860B", List.of("GOVERNMENT", "DIPLOMATIC"), null, null),
                zone("HALL", "Plenary hall", null, "#1565C0", List.of(), null, null),
                zone("CLOSED", "Morning hall", null, "#2E7D32", null, now.minusHours(3).toString(), now.minusHours(1).toString()),
                zone("WIDE", "Exhibition", null, "#2E7D32", List.of("INDUSTRY"), now.minusHours(1).toString(),
                        now.plusHours(6).toString())));
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (String[] s : new String[][] {{"LOUNGE", "VIP"}, {"MAIN", "HALL"}, {"LATE", "CLOSED"}, {"EXPO", "WIDE"}}) {
            Map<String, Object> x = session(s[0], now.minusMinutes(10));
            x.put("capacity", null);
            x.put("zone", s[1]);
            sessions.add(x);
        }
        e.put("sessions", sessions);
        return createEvent(e);
    }

    private static Map<String, Object> registered(String slug, String category) {
        Map<String, Object> d = delegate(email());
        d.put("category", category);
        return register(slug, d);
    }

    private static String badge(Map<String, Object> r) {
        return given().auth().oauth2((String) r.get("manageToken")).get("/api/v1/registrations/" + r.get("id")).then()
                .statusCode(200).extract().path("badge.code");
    }

    private static Map<String, Object> scanBody(String code, String session, String direction) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("session", session);
        body.put("direction", direction);
        body.put("deviceId", "door-" + unique());
        body.put("nonce", unique());
        return body;
    }

    private static JsonPath scan(String slug, String code, String session, String direction) {
        return asDoor().body(scanBody(code, session, direction)).post("/api/v1/events/" + slug + "/scans").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void aBadgeIsLetIntoTheZonesItsCategoryOpensWhileTheyAreOpen() {
        String slug = zonedForum();
        String industry = badge(registered(slug, "INDUSTRY"));
        String minister = badge(registered(slug, "GOVERNMENT"));

        JsonPath refused = scan(slug, industry, "LOUNGE", "IN");
        assertEquals("ZONE_NOT_ALLOWED", refused.getString("result"));
        assertEquals("The badge does not open this zone (or the zone is closed now)", refused.getString("message"));
        assertEquals("Novák", refused.getString("delegate.familyName"), "the door sees whom it refused");
        asDoor().header("Accept-Language", "zh-CN").body(scanBody(industry, "LOUNGE", "IN"))
                .post("/api/v1/events/" + slug + "/scans").then().statusCode(200)
                .body("result", is("ZONE_NOT_ALLOWED"))
                .body("message", is("证件不能进入此区域（或区域当前未开放）"));
        assertEquals("ACCEPTED", scan(slug, minister, "LOUNGE", "IN").getString("result"));

        assertEquals("ACCEPTED", scan(slug, industry, "MAIN", "IN").getString("result"), "an empty list opens to everyone");
        assertEquals("ACCEPTED", scan(slug, industry, "EXPO", "IN").getString("result"), "open to industry, and open now");
        assertEquals("ZONE_NOT_ALLOWED", scan(slug, minister, "EXPO", "IN").getString("result"));

        assertEquals("ZONE_NOT_ALLOWED", scan(slug, industry, "LATE", "IN").getString("result"), "closed an hour ago");
        assertEquals("ACCEPTED", scan(slug, industry, "LATE", "OUT").getString("result"), "the way out is never closed");
    }

    @Test
    void uploadsFromAnOfflineDoorAndManualCheckInsKeepTheZoneRules() {
        String slug = zonedForum();
        Map<String, Object> industry = registered(slug, "INDUSTRY");
        String code = badge(industry);
        OffsetDateTime twoHoursAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2);

        Map<String, Object> lounge = scanBody(code, "LOUNGE", "IN");
        Map<String, Object> lateThen = scanBody(code, "LATE", "IN");
        lateThen.put("scannedAt", twoHoursAgo.toString()); // scanned offline while the morning hall was open
        Map<String, Object> expoThen = scanBody(code, "EXPO", "IN");
        expoThen.put("scannedAt", twoHoursAgo.toString()); // ... and before the exhibition opened
        List<String> results = asDoor().body(Map.of("scans", List.of(lounge, lateThen, expoThen)))
                .post("/api/v1/events/" + slug + "/scans/batch").then().statusCode(200)
                .extract().jsonPath().getList("results.result", String.class);
        assertEquals(List.of("ZONE_NOT_ALLOWED", "ACCEPTED", "ZONE_NOT_ALLOWED"), results);

        Map<String, Object> manual = new HashMap<>();
        manual.put("registrationId", industry.get("id"));
        manual.put("session", "LOUNGE");
        manual.put("direction", "IN");
        manual.put("deviceId", "desk-1");
        manual.put("nonce", unique());
        asOrganizer().body(manual).post("/api/v1/events/" + slug + "/checkin/manual").then().statusCode(200)
                .body("result", is("ZONE_NOT_ALLOWED"));
        manual.put("session", "LATE");
        manual.put("nonce", unique());
        asOrganizer().body(manual).post("/api/v1/events/" + slug + "/checkin/manual").then().statusCode(200)
                .body("result", is("ZONE_NOT_ALLOWED"));
        manual.put("session", "MAIN");
        manual.put("nonce", unique());
        asOrganizer().body(manual).post("/api/v1/events/" + slug + "/checkin/manual").then().statusCode(200)
                .body("result", is("ACCEPTED"));
    }
}
