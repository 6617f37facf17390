package org.forumpass.checkin;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asDoor;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.doorToken;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.staffToken;
import static org.forumpass.Fixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a door offline admits what the server, when the queue arrives, refuses; the organizers see those scans
 * (both verdicts, in words), mark them handled, and the door is told right after its upload which of its scans they are.
 */
@QuarkusTest
class ConflictsTest {
    private static final String OFFLINE_DOOR = "tablet-offline";

    /** A delegate with a badge: [registration id, badge code, family name]. */
    private static String[] badged(String slug, String family) {
        Map<String, Object> d = delegate(email());
        d.put("familyName", family);
        Map<String, Object> r = register(slug, d);
        String code = given().auth().oauth2((String) r.get("manageToken")).get("/api/v1/registrations/" + r.get("id")).then()
                .statusCode(200).extract().path("badge.code");
        return new String[] {(String) r.get("id"), code, family};
    }

    private static Map<String, Object> scan(String code, String session, String direction, String device, String offline,
                                            int minutesAgo) {
        Map<String, Object> s = new HashMap<>();
        s.put("code", code);
        s.put("session", session);
        s.put("direction", direction);
        s.put("deviceId", device);
        s.put("nonce", unique());
        s.put("scannedAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(minutesAgo).toString());
        if (offline != null) {
            s.put("offlineResult", offline);
        }
        return s;
    }

    private static String online(String slug, String code, String session, String device) {
        Map<String, Object> s = scan(code, session, "IN", device, null, 0);
        return asDoor().body(s).post("/api/v1/events/" + slug + "/scans").then().statusCode(200).extract().path("result");
    }

    private static JsonPath upload(String slug, List<Map<String, Object>> scans) {
        return asDoor().body(Map.of("scans", scans)).post("/api/v1/events/" + slug + "/scans/batch").then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath conflicts(String slug, String query) {
        return asOrganizer().get("/api/v1/events/" + slug + "/scans/conflicts" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void scansAdmittedOfflineThatTheServerRefusesAreListedWithBothVerdictsAndCanBeResolved() {
        String slug = org.forumpass.Fixtures.doorRulesEvent(false);
        String[] revoked = badged(slug, "Revokova");
        String[] inside = badged(slug, "Insidova");
        String[] late = badged(slug, "Latova");
        String[] first = badged(slug, "Firstova");
        String[] fine = badged(slug, "Finova");

        // while the tablet was offline: a's badge was reissued (the old code revoked), b came in at another door,
        // and the one-person ROOM filled up
        asOrganizer().post("/api/v1/registrations/" + revoked[0] + "/badge/reissue").then().statusCode(200);
        assertEquals("ACCEPTED", online(slug, inside[1], "PLENARY", "door-online"));
        assertEquals("ACCEPTED", online(slug, first[1], "ROOM", "door-room"));

        List<Map<String, Object>> queue = new ArrayList<>();
        queue.add(scan(revoked[1], "PLENARY", "IN", OFFLINE_DOOR, "ACCEPTED", 9));
        queue.add(scan(inside[1], "PLENARY", "IN", OFFLINE_DOOR, "ACCEPTED", 8));
        queue.add(scan(late[1], "ROOM", "IN", OFFLINE_DOOR, "ACCEPTED", 7));
        queue.add(scan(fine[1], "PLENARY", "IN", OFFLINE_DOOR, "ACCEPTED", 6));
        queue.add(scan(fine[1], "PLENARY", "OUT", OFFLINE_DOOR, "ACCEPTED", 5)); // out, and the server agrees
        queue.add(scan(revoked[1], null, "IN", OFFLINE_DOOR, "REVOKED", 4)); // refused offline too: no conflict
        queue.add(scan(revoked[1], null, "IN", OFFLINE_DOOR, null, 3)); // an older door page: no verdict sent
        JsonPath answer = upload(slug, queue);
        assertEquals(List.of("REVOKED", "ALREADY_CHECKED_IN", "SESSION_FULL", "ACCEPTED", "ACCEPTED", "REVOKED", "REVOKED"),
                answer.getList("results.result"));
        assertEquals(List.of(true, true, true, false, false, false, false), answer.getList("results.conflict"));
        assertEquals("door-online", answer.getString("results[1].firstDeviceId"), "the existing fields are unchanged");

        JsonPath list = conflicts(slug, "");
        assertEquals(3, list.getInt("total"));
        assertEquals(3, list.getInt("unresolved"));
        // newest first: the order they arrived in, reversed
        assertEquals(List.of(late[2], inside[2], revoked[2]), list.getList("items.delegate.familyName"));
        assertEquals(List.of("ACCEPTED", "ACCEPTED", "ACCEPTED"), list.getList("items.offline.result"));
        assertEquals(List.of("Welcome", "Welcome", "Welcome"), list.getList("items.offline.message"));
        assertEquals(List.of("SESSION_FULL", "ALREADY_CHECKED_IN", "REVOKED"), list.getList("items.server.result"));
        assertEquals(List.of("ROOM", "PLENARY", "PLENARY"), list.getList("items.session"));
        assertEquals(List.of("Session ROOM", "Session PLENARY", "Session PLENARY"), list.getList("items.sessionTitle"));
        assertEquals(List.of(OFFLINE_DOOR, OFFLINE_DOOR, OFFLINE_DOOR), list.getList("items.deviceId"));
        assertEquals(List.of("IN", "IN", "IN"), list.getList("items.direction"));
        String doorUser = given().auth().oauth2(doorToken()).get("/api/v1/auth/me").then().statusCode(200).extract().path("username");
        assertEquals(doorUser, list.getString("items[0].staff"));

        assertEquals("The room is full", list.getString("items[0].server.message"));
        assertEquals(late[0], list.getString("items[0].delegate.id"));
        assertEquals("Anna", list.getString("items[0].delegate.givenName"));
        assertEquals("Czech Telecom Union", list.getString("items[0].delegate.organization"));
        assertEquals("INDUSTRY", list.getString("items[0].delegate.category"));
        String already = list.getString("items[1].server.message");
        assertTrue(already.matches("Already checked in at \\d\\d:\\d\\d \\(door-online\\)"), already);
        assertEquals("door-online", list.getString("items[1].server.firstDeviceId"));
        assertTrue(list.getString("items[1].server.firstScannedAt").endsWith("+08:00"), "in the event's zone");
        assertEquals("Badge revoked", list.getString("items[2].server.message"));
        assertTrue(list.getString("items[2].receivedAt").endsWith("+08:00"), "in the event's zone");
        assertTrue(list.getString("items[2].scannedAt").endsWith("+08:00"), "in the event's zone");
        assertNull(list.get("items[2].resolved"));

        // in Chinese, as the door words them
        JsonPath zh = given().auth().oauth2(org.forumpass.Fixtures.organizerToken()).header("Accept-Language", "zh-CN")
                .get("/api/v1/events/" + slug + "/scans/conflicts").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("会场已满", "已签到", "证件已作废"), zh.getList("items.server.message").stream()
                .map(m -> ((String) m).replaceAll("（.*", "")).toList());
        assertEquals("欢迎入场", zh.getString("items[0].offline.message"));

        // the same upload again (its answer was lost): nothing new is stored, the door is told the same
        JsonPath again = upload(slug, queue);
        assertEquals(answer.getList("results.result"), again.getList("results.result"));
        assertEquals(answer.getList("results.conflict"), again.getList("results.conflict"));
        assertEquals(3, conflicts(slug, "").getInt("total"));

        // paging: newest first, by limit and a cursor or an offset; one session
        JsonPath page = conflicts(slug, "?limit=2");
        assertEquals(3, page.getInt("total"));
        assertEquals(2, page.getList("items").size());
        long cursor = page.getLong("items[1].scanId");
        assertEquals(List.of(revoked[2]), conflicts(slug, "?before=" + cursor).getList("items.delegate.familyName"));
        assertEquals(List.of(revoked[2]), conflicts(slug, "?offset=2").getList("items.delegate.familyName"));
        JsonPath room = conflicts(slug, "?session=ROOM");
        assertEquals(1, room.getInt("total"));
        assertEquals(List.of(late[2]), room.getList("items.delegate.familyName"));

        // one is handled: a note, who and when; the open ones are two
        long insideScan = list.getLong("items[1].scanId");
        asOrganizer().body(Map.of("note", "Found in the hall; she had come in at the north gate"))
                .post("/api/v1/events/" + slug + "/scans/conflicts/" + insideScan + "/resolve").then().statusCode(200)
                .body("scanId", is((int) insideScan))
                .body("resolved.by", is("admin"))
                .body("resolved.note", is("Found in the hall; she had come in at the north gate"))
                .body("resolved.at", containsString("+08:00"));
        JsonPath open = conflicts(slug, "?resolved=false");
        assertEquals(2, open.getInt("total"));
        assertEquals(List.of(late[2], revoked[2]), open.getList("items.delegate.familyName"));
        JsonPath handled = conflicts(slug, "?resolved=true");
        assertEquals(List.of(inside[2]), handled.getList("items.delegate.familyName"));
        JsonPath all = conflicts(slug, "");
        assertEquals(3, all.getInt("total"));
        assertEquals(2, all.getInt("unresolved"));
        assertEquals("admin", all.getString("items[1].resolved.by"));

        // twice: the second is told who was first; a scan that is no conflict is not found
        asOrganizer().body(Map.of()).post("/api/v1/events/" + slug + "/scans/conflicts/" + insideScan + "/resolve").then()
                .statusCode(409).body("code", is("scan.conflict_already_resolved")).body("detail", containsString("admin"));
        asOrganizer().body(Map.of()).post("/api/v1/events/" + slug + "/scans/conflicts/" + (insideScan + 1_000_000) + "/resolve")
                .then().statusCode(404).body("code", is("scan.conflict_not_found"));
        asOrganizer().body(Map.of("note", "x".repeat(501)))
                .post("/api/v1/events/" + slug + "/scans/conflicts/" + list.getLong("items[0].scanId") + "/resolve").then()
                .statusCode(400).body("violations.field", contains("note"));

        // audited, with the note
        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=SCAN_CONFLICT_RESOLVED").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].subject", is(inside[0]))
                .body("items[0].detail", containsString("ALREADY_CHECKED_IN"))
                .body("items[0].detail", containsString("north gate"));
    }

    @Test
    void onlyTheEventsOrganizersSeeTheReportAndBadParametersAre400() {
        String slug = org.forumpass.Fixtures.doorRulesEvent(false);
        asDoor().get("/api/v1/events/" + slug + "/scans/conflicts").then().statusCode(403);
        asDoor().body(Map.of()).post("/api/v1/events/" + slug + "/scans/conflicts/1/resolve").then().statusCode(403);
        String elsewhere = staffToken("organizer", List.of(org.forumpass.Fixtures.doorRulesEvent(false)));
        given().auth().oauth2(elsewhere).get("/api/v1/events/" + slug + "/scans/conflicts").then().statusCode(403)
                .body("code", is("auth.event_not_in_scope"));
        given().get("/api/v1/events/" + slug + "/scans/conflicts").then().statusCode(401);

        asOrganizer().get("/api/v1/events/" + slug + "/scans/conflicts?limit=0&resolved=maybe&before=x&session=NOPE")
                .then().statusCode(400).body("violations.field", contains("before", "limit", "resolved"));
        asOrganizer().get("/api/v1/events/" + slug + "/scans/conflicts?session=NOPE").then().statusCode(400)
                .body("violations.field", contains("session"));
        asOrganizer().get("/api/v1/events/" + slug + "/scans/conflicts").then().statusCode(200)
                .body("total", is(0)).body("items", hasSize(0));
        asOrganizer().get("/api/v1/events/no-such-" + unique() + "/scans/conflicts").then().statusCode(404);
    }

    @Test
    void anUnknownOfflineVerdictIsRefusedWithItsField() {
        String slug = org.forumpass.Fixtures.doorRulesEvent(false);
        String[] a = badged(slug, "Badvalova");
        List<Map<String, Object>> queue = List.of(scan(a[1], "PLENARY", "IN", OFFLINE_DOOR, "ACCEPTED", 2),
                scan(a[1], "PLENARY", "IN", OFFLINE_DOOR, "PROBABLY_FINE", 1));
        asDoor().body(Map.of("scans", queue)).post("/api/v1/events/" + slug + "/scans/batch").then().statusCode(400)
                .body("code", is("request.invalid")).body("violations.field", contains("scans[1].offlineResult"))
                .body("violations[0].message", containsString("ACCEPTED"));
        asDoor().contentType(ContentType.JSON).body(scan(a[1], "PLENARY", "IN", "door-1", "MAYBE", 0))
                .post("/api/v1/events/" + slug + "/scans").then().statusCode(400)
                .body("violations.field", contains("offlineResult"));
        // nothing of the refused upload was stored; the single scan endpoint takes the field too
        Map<String, Object> single = scan(a[1], "PLENARY", "IN", "door-1", "ACCEPTED", 0);
        asDoor().body(single).post("/api/v1/events/" + slug + "/scans").then().statusCode(200)
                .body("result", is("ACCEPTED")).body("conflict", is(false));
        asDoor().body(scan(a[1], "PLENARY", "IN", "door-2", "ACCEPTED", 0)).post("/api/v1/events/" + slug + "/scans").then()
                .statusCode(200).body("result", is("ALREADY_CHECKED_IN")).body("conflict", is(true));
        asOrganizer().get("/api/v1/events/" + slug + "/scans/conflicts").then().statusCode(200)
                .body("total", is(1)).body("items[0].deviceId", is("door-2")).body("items[0].resolved", nullValue());
    }
}
