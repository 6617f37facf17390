package org.forumpass.checkin;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asDoor;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every session rule through real badge codes, the way door devices send them. */
@QuarkusTest
class BadgeScanRulesTest {
    private static String forum(boolean windows) {
        return org.forumpass.Fixtures.doorRulesEvent(windows);
    }

    private static String badge(String slug, String... sessions) {
        Map<String, Object> r = register(slug, delegate(email(), sessions));
        return given().auth().oauth2((String) r.get("manageToken")).get("/api/v1/registrations/" + r.get("id")).then()
                .statusCode(200).extract().path("badge.code");
    }

    private static JsonPath scan(String slug, String code, String session, String direction) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("session", session);
        body.put("direction", direction);
        body.put("deviceId", "door-" + unique());
        body.put("nonce", unique());
        return asDoor().body(body).post("/api/v1/events/" + slug + "/scans").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void sessionRulesHoldForBadgeScans() {
        String slug = forum(false);
        String withTalk = badge(slug, "TALK");
        String without = badge(slug);
        assertEquals("ACCEPTED", scan(slug, withTalk, "TALK", "IN").getString("result"));
        assertEquals("NOT_REGISTERED_FOR_SESSION", scan(slug, without, "TALK", "IN").getString("result"));
        assertEquals("CATEGORY_NOT_ALLOWED", scan(slug, without, "DIPLO", "IN").getString("result"));
        JsonPath open = scan(slug, without, "PLENARY", "IN");
        assertEquals("ACCEPTED", open.getString("result"));
        assertEquals("Novák", open.getString("delegate.familyName"));
        JsonPath again = scan(slug, without, "PLENARY", "IN");
        assertEquals("ALREADY_CHECKED_IN", again.getString("result"));
        assertNotNull(again.getString("firstScannedAt"));
        assertEquals("ACCEPTED", scan(slug, without, null, "IN").getString("result"), "the venue entrance is a door of its own");
    }

    @Test
    void aFullRoomAdmitsTheNextOneWhenSomeoneLeavesAndReEntryIsAccepted() {
        String slug = forum(false);
        String first = badge(slug);
        String second = badge(slug);
        assertEquals("ACCEPTED", scan(slug, first, "ROOM", "IN").getString("result"));
        assertEquals("SESSION_FULL", scan(slug, second, "ROOM", "IN").getString("result"));
        assertEquals("ACCEPTED", scan(slug, first, "ROOM", "OUT").getString("result"));
        assertEquals("ACCEPTED", scan(slug, second, "ROOM", "IN").getString("result"));
        assertEquals("SESSION_FULL", scan(slug, first, "ROOM", "IN").getString("result"));
        assertEquals("ACCEPTED", scan(slug, second, "ROOM", "OUT").getString("result"));
        assertEquals("ACCEPTED", scan(slug, first, "ROOM", "IN").getString("result"), "re-entry after an exit");
        assertEquals("ALREADY_CHECKED_IN", scan(slug, first, "ROOM", "IN").getString("result"));
    }

    @Test
    void timeWindowsRefuseSessionsThatAreNotOpen() {
        String slug = forum(true);
        String code = badge(slug);
        assertEquals("OUTSIDE_SESSION_WINDOW", scan(slug, code, "LATER", "IN").getString("result"));
        assertEquals("ACCEPTED", scan(slug, code, "PLENARY", "IN").getString("result"));
    }

    @Test
    void anUnknownSessionIsABadRequest() {
        String slug = forum(false);
        Map<String, Object> body = Map.of("code", badge(slug), "session", "NOPE", "deviceId", "d", "nonce", unique());
        asDoor().body(body).post("/api/v1/events/" + slug + "/scans").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
