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

    private static Map<String, Object> queued(String code, String session, String direction, String nonce) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("session", session);
        body.put("direction", direction);
        body.put("deviceId", "offline-door");
        body.put("nonce", nonce);
        return body;
    }

    private static List<String> upload(String slug, List<Map<String, Object>> scans) {
        return asDoor().body(Map.of("scans", scans)).post("/api/v1/events/" + slug + "/scans/batch").then().statusCode(200)
                .extract().jsonPath().getList("results.result", String.class);
    }

    private static int stored(String slug) {
        return org.forumpass.Fixtures.asOrganizer().get("/api/v1/events/" + slug + "/stats").then().statusCode(200).extract()
                .jsonPath().getList("scansPerMinute.scans", Integer.class).stream().mapToInt(Integer::intValue).sum();
    }

    /** The code with its last two characters changed, so its signature no longer matches (never the code itself). */
    private static String forged(String code) {
        String tail = code.endsWith("AA") ? "BB" : "AA";
        return code.substring(0, code.length() - 2) + tail;
    }

    /** One upload is settled as one group: each scan sees what the scans before it in the upload changed. */
    @Test
    void theRulesHoldInsideOneUploadAndItsReplayStoresNothing() {
        String slug = forum(false);
        String withTalk = badge(slug, "TALK");
        String first = badge(slug);
        String second = badge(slug);
        List<Map<String, Object>> scans = List.of(
                queued(withTalk, "TALK", "IN", unique()),
                queued(first, "TALK", "IN", unique()),
                queued(first, "DIPLO", "IN", unique()),
                queued(first, "PLENARY", "IN", unique()),
                queued(first, "PLENARY", "IN", unique()),
                queued(first, "ROOM", "IN", unique()),
                queued(second, "ROOM", "IN", unique()),
                queued(first, "ROOM", "OUT", unique()),
                queued(second, "ROOM", "IN", unique()),
                queued(first, "ROOM", "IN", unique()),
                queued(second, "ROOM", "OUT", unique()),
                queued(first, "ROOM", "IN", unique()),
                queued(first, "ROOM", "IN", unique()),
                queued(first, null, "IN", unique()),
                queued(forged(first), null, "IN", unique()),
                queued("not a badge", null, "IN", unique()));
        List<String> expected = List.of("ACCEPTED", "NOT_REGISTERED_FOR_SESSION", "CATEGORY_NOT_ALLOWED", "ACCEPTED",
                "ALREADY_CHECKED_IN", "ACCEPTED", "SESSION_FULL", "ACCEPTED", "ACCEPTED", "SESSION_FULL", "ACCEPTED",
                "ACCEPTED", "ALREADY_CHECKED_IN", "ACCEPTED", "INVALID_CODE", "INVALID_CODE");
        assertEquals(expected, upload(slug, scans));
        assertEquals(scans.size(), stored(slug));
        assertEquals(expected, upload(slug, scans), "a device that sends its queue again gets the stored answers");
        assertEquals(scans.size(), stored(slug), "and nothing is stored twice");
        assertEquals("ALREADY_CHECKED_IN", scan(slug, first, "ROOM", "IN").getString("result"),
                "a door scan after the upload sees what it stored");
    }

    /** An upload goes to its device's lane, door scans to their badge's: when both admit one badge, one wins. */
    @Test
    void anUploadRacingDoorScansOfTheSameBadgesAdmitsEachOnce() throws Exception {
        String slug = forum(false);
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            codes.add(badge(slug));
        }
        List<Map<String, Object>> queue = codes.stream().map(c -> queued(c, "PLENARY", "IN", unique())).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.Future<List<String>> uploaded = pool.submit(() -> upload(slug, queue));
            List<java.util.concurrent.Future<String>> doors = new java.util.ArrayList<>();
            for (String c : codes) {
                doors.add(pool.submit(() -> scan(slug, c, "PLENARY", "IN").getString("result")));
            }
            List<String> fromUpload = uploaded.get(60, java.util.concurrent.TimeUnit.SECONDS);
            for (int i = 0; i < codes.size(); i++) {
                List<String> both = List.of(fromUpload.get(i), doors.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS));
                assertEquals(1, both.stream().filter("ACCEPTED"::equals).count(), "badge " + i + ": " + both);
                assertEquals(1, both.stream().filter("ALREADY_CHECKED_IN"::equals).count(), "badge " + i + ": " + both);
            }
        } finally {
            pool.shutdownNow();
        }
        int checkedIn = org.forumpass.Fixtures.asOrganizer().get("/api/v1/events/" + slug + "/stats").then().statusCode(200)
                .extract().jsonPath().getInt("sessions.find { it.code == 'PLENARY' }.checkedIn");
        assertEquals(codes.size(), checkedIn);
    }

    @Test
    void anUnknownSessionIsABadRequest() {
        String slug = forum(false);
        Map<String, Object> body = Map.of("code", badge(slug), "session", "NOPE", "deviceId", "d", "nonce", unique());
        asDoor().body(body).post("/api/v1/events/" + slug + "/scans").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
