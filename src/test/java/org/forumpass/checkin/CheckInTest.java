package org.forumpass.checkin;

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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckInTest {

    private static String forum(boolean windows) {
        return org.forumpass.Fixtures.doorRulesEvent(windows);
    }

    private static Map<String, Object> manual(String registrationId, String session, String direction, String device, String nonce) {
        Map<String, Object> m = new HashMap<>();
        m.put("registrationId", registrationId);
        m.put("session", session);
        m.put("direction", direction);
        m.put("deviceId", device);
        m.put("nonce", nonce);
        return m;
    }

    private static JsonPath checkIn(String slug, Map<String, Object> body) {
        return asOrganizer().body(body).post("/api/v1/events/" + slug + "/checkin/manual").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void firstCheckInIsAcceptedThenAlreadyWithWhenAndWhere() {
        String slug = forum(false);
        String id = (String) register(slug, delegate(email(), "TALK")).get("id");
        JsonPath first = checkIn(slug, manual(id, "PLENARY", "IN", "door-1", unique()));
        assertEquals("ACCEPTED", first.getString("result"));
        assertEquals(id, first.getString("delegate.id"));
        assertEquals("Novák", first.getString("delegate.familyName"));
        assertEquals("PLENARY", first.getString("session"));

        asOrganizer().header("Accept-Language", "zh-CN").body(manual(id, "PLENARY", "IN", "door-2", unique()))
                .post("/api/v1/events/" + slug + "/checkin/manual").then().statusCode(200)
                .body("result", is("ALREADY_CHECKED_IN"))
                .body("firstScannedAt", notNullValue())
                .body("firstDeviceId", is("door-1"))
                .body("message", containsString("已签到"))
                .body("message", containsString("door-1"));

        // the venue entrance is its own place
        assertEquals("ACCEPTED", checkIn(slug, manual(id, null, "IN", "gate", unique())).getString("result"));
    }

    @Test
    void exitAndReEntryKeepInsideNow() {
        String slug = forum(false);
        String a = (String) register(slug, delegate(email())).get("id");
        String b = (String) register(slug, delegate(email())).get("id");
        assertEquals("ACCEPTED", checkIn(slug, manual(a, "ROOM", "IN", "d", unique())).getString("result"));
        assertEquals("SESSION_FULL", checkIn(slug, manual(b, "ROOM", "IN", "d", unique())).getString("result"));
        assertEquals("ACCEPTED", checkIn(slug, manual(a, "ROOM", "OUT", "d", unique())).getString("result"));
        assertEquals("ACCEPTED", checkIn(slug, manual(b, "ROOM", "IN", "d", unique())).getString("result"));
        assertEquals("SESSION_FULL", checkIn(slug, manual(a, "ROOM", "IN", "d", unique())).getString("result"));
        assertEquals("ACCEPTED", checkIn(slug, manual(b, "ROOM", "OUT", "d", unique())).getString("result"));
        JsonPath back = checkIn(slug, manual(a, "ROOM", "IN", "d", unique()));
        assertEquals("ACCEPTED", back.getString("result"), "re-entry after an exit");
    }

    @Test
    void sessionRulesRefuseWhoMayNotEnter() {
        String slug = forum(false);
        String industry = (String) register(slug, delegate(email())).get("id");
        Map<String, Object> d = delegate(email(), "TALK", "DIPLO");
        d.put("category", "DIPLOMATIC");
        String diplomat = (String) register(slug, d).get("id");
        assertEquals("CATEGORY_NOT_ALLOWED", checkIn(slug, manual(industry, "DIPLO", "IN", "d", unique())).getString("result"));
        assertEquals("NOT_REGISTERED_FOR_SESSION", checkIn(slug, manual(industry, "TALK", "IN", "d", unique())).getString("result"));
        assertEquals("ACCEPTED", checkIn(slug, manual(industry, "PLENARY", "IN", "d", unique())).getString("result"));
        assertEquals("ACCEPTED", checkIn(slug, manual(diplomat, "DIPLO", "IN", "d", unique())).getString("result"));
        assertEquals("ACCEPTED", checkIn(slug, manual(diplomat, "TALK", "IN", "d", unique())).getString("result"));
    }

    @Test
    void cancelledDelegatesAreNotConfirmed() {
        String slug = forum(false);
        Map<String, Object> r = register(slug, delegate(email()));
        asOrganizer().delete("/api/v1/registrations/" + r.get("id")).then().statusCode(200);
        JsonPath answer = checkIn(slug, manual((String) r.get("id"), "PLENARY", "IN", "d", unique()));
        assertEquals("NOT_CONFIRMED", answer.getString("result"));
        assertEquals(r.get("id"), answer.getString("delegate.id"));
    }

    @Test
    void timeWindowsWhenTheEventSwitchesThemOn() {
        String slug = forum(true);
        String id = (String) register(slug, delegate(email())).get("id");
        assertEquals("OUTSIDE_SESSION_WINDOW", checkIn(slug, manual(id, "LATER", "IN", "d", unique())).getString("result"));
        assertEquals("ACCEPTED", checkIn(slug, manual(id, "PLENARY", "IN", "d", unique())).getString("result"));
        String open = forum(false);
        String other = (String) register(open, delegate(email())).get("id");
        assertEquals("ACCEPTED", checkIn(open, manual(other, "LATER", "IN", "d", unique())).getString("result"));
    }

    @Test
    void unknownCodesAreInvalidAndStillAnswer200() {
        String slug = forum(false);
        String nonce = unique();
        Map<String, Object> scan = Map.of("code", "HELLO-NOT-A-BADGE", "session", "PLENARY", "direction", "IN",
                "deviceId", "door-9", "nonce", nonce);
        asDoor().body(scan).post("/api/v1/events/" + slug + "/scans").then().statusCode(200)
                .body("result", is("INVALID_CODE")).body("delegate", nullValue()).body("message", is("Invalid code"));
        asDoor().body(scan).post("/api/v1/events/" + slug + "/scans").then().statusCode(200)
                .body("result", is("INVALID_CODE"));
        asDoor().body(Map.of("code", "x", "deviceId", "d")).post("/api/v1/events/" + slug + "/scans").then()
                .statusCode(400).body("violations.field", contains("nonce"));
        asDoor().body(Map.of("code", "x", "session", "NOPE", "deviceId", "d", "nonce", unique()))
                .post("/api/v1/events/" + slug + "/scans").then().statusCode(400).body("violations.field", contains("session"));
    }

    @Test
    void aReplayedNonceAnswersWhatTheFirstAnswered() {
        String slug = forum(false);
        String id = (String) register(slug, delegate(email())).get("id");
        Map<String, Object> body = manual(id, "PLENARY", "IN", "door-5", unique());
        JsonPath first = checkIn(slug, body);
        JsonPath again = checkIn(slug, body);
        assertEquals("ACCEPTED", first.getString("result"));
        assertEquals("ACCEPTED", again.getString("result"), "a replay answers what the first answered");
        assertEquals(first.getString("firstScannedAt"), again.getString("firstScannedAt"));
        assertEquals("ALREADY_CHECKED_IN", checkIn(slug, manual(id, "PLENARY", "IN", "door-5", unique())).getString("result"));
    }

    @Test
    void concurrentReplaysOfOneNonceStoreOneScan() throws Exception {
        String slug = forum(false);
        String id = (String) register(slug, delegate(email())).get("id");
        Map<String, Object> body = manual(id, "ROOM", "IN", "door-6", unique());
        List<String> results = race(16, i -> checkIn(slug, body).getString("result"));
        assertEquals(16, results.stream().filter("ACCEPTED"::equals).count(), "every replay answers as the first: " + results);
        // the room holds one person and that person is inside once: a second delegate finds it full
        String other = (String) register(slug, delegate(email())).get("id");
        assertEquals("SESSION_FULL", checkIn(slug, manual(other, "ROOM", "IN", "d", unique())).getString("result"));
    }

    @Test
    void sixtyFourDoorsScanningOneBadgeAtOnceAcceptOnce() throws Exception {
        String slug = forum(false);
        String id = (String) register(slug, delegate(email())).get("id");
        List<String> results = race(64, i -> checkIn(slug, manual(id, "PLENARY", "IN", "door-" + i, unique())).getString("result"));
        assertEquals(1, results.stream().filter("ACCEPTED"::equals).count(), results.toString());
        assertEquals(63, results.stream().filter("ALREADY_CHECKED_IN"::equals).count(), results.toString());
    }

    @Test
    void batchAnswersInOrderAndReplaysStoreNothingNew() {
        String slug = forum(false);
        String nonceA = unique();
        List<Map<String, Object>> scans = new ArrayList<>();
        scans.add(Map.of("code", "JUNK-1", "deviceId", "phone-7", "nonce", nonceA, "scannedAt", "2026-01-01T09:00:00+08:00"));
        scans.add(Map.of("code", "JUNK-2", "session", "PLENARY", "deviceId", "phone-7", "nonce", unique()));
        scans.add(Map.of("code", "JUNK-1", "deviceId", "phone-7", "nonce", nonceA));
        asDoor().body(Map.of("scans", scans)).post("/api/v1/events/" + slug + "/scans/batch").then().statusCode(200)
                .body("results", hasSize(3))
                .body("results.result", contains("INVALID_CODE", "INVALID_CODE", "INVALID_CODE"))
                .body("results[1].session", is("PLENARY"))
                .body("results[2].session", nullValue());
    }

    @Test
    void batchNamingAnUnknownSessionIsRefusedWholeAndStoresNothing() {
        String slug = forum(false);
        List<Map<String, Object>> scans = new ArrayList<>();
        scans.add(Map.of("code", "JUNK-1", "session", "PLENARY", "deviceId", "phone-8", "nonce", unique()));
        scans.add(Map.of("code", "JUNK-2", "session", "NO-SUCH", "deviceId", "phone-8", "nonce", unique()));
        asDoor().body(Map.of("scans", scans)).post("/api/v1/events/" + slug + "/scans/batch").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", is("request.invalid"))
                .body("violations.field", contains("scans[1].session"));
        List<Integer> perMinute = asOrganizer().get("/api/v1/events/" + slug + "/stats").then().statusCode(200)
                .extract().jsonPath().getList("scansPerMinute.scans", Integer.class);
        assertEquals(0, perMinute.stream().mapToInt(Integer::intValue).sum(), "no scan of the refused batch was kept");
    }

    @Test
    void batchLargerThanOneChunkAnswersEveryScanInOrder() {
        String slug = forum(false);
        List<Map<String, Object>> scans = new ArrayList<>();
        String repeated = unique();
        for (int i = 0; i < 600; i++) {
            scans.add(Map.of("code", "JUNK-" + i, "session", i % 2 == 0 ? "PLENARY" : "ROOM", "deviceId", "phone-9",
                    "nonce", i == 599 ? repeated : (i == 4 ? repeated : "n-" + i)));
        }
        JsonPath answer = asDoor().body(Map.of("scans", scans)).post("/api/v1/events/" + slug + "/scans/batch").then()
                .statusCode(200).body("results", hasSize(600)).extract().jsonPath();
        assertEquals("PLENARY", answer.getString("results[0].session"));
        assertEquals("ROOM", answer.getString("results[3].session"));
        assertEquals("PLENARY", answer.getString("results[4].session"));
        assertEquals("PLENARY", answer.getString("results[599].session"), "a replayed nonce answers what its first scan answered");
        List<Integer> perMinute = asOrganizer().get("/api/v1/events/" + slug + "/stats").then().statusCode(200)
                .extract().jsonPath().getList("scansPerMinute.scans", Integer.class);
        assertEquals(599, perMinute.stream().mapToInt(Integer::intValue).sum(), "the replayed nonce stored nothing new");
    }

    @Test
    void doorSearchHidesContactDetailsFromDoorStaff() {
        String slug = forum(false);
        Map<String, Object> d = delegate(email());
        d.put("familyName", "Šťastný" + unique());
        register(slug, d);
        String family = (String) d.get("familyName");
        asDoor().get("/api/v1/events/" + slug + "/checkin/search?q=" + family).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].familyName", is(family))
                .body("[0].email", nullValue())
                .body("[0].phone", nullValue());
        asOrganizer().get("/api/v1/events/" + slug + "/checkin/search?q=" + family).then().statusCode(200)
                .body("[0].email", is(d.get("email")));
    }

    private interface Call {
        String run(int i) throws Exception;
    }

    private static List<String> race(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.run(k);
                }));
            }
            start.countDown();
            List<String> out = new ArrayList<>();
            for (Future<String> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
