package org.forumpass.checkin;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asDoor;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.organizerToken;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.unique;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.forumpass.Fixtures;
import org.junit.jupiter.api.Test;

/** Issue 16: the VIP arrivals board's stream, as a protocol officer's console reads it. */
@QuarkusTest
class ArrivalsTest {
    private static final String NOTE = "Escort to front row, seat A3";

    @TestHTTPResource("/")
    URL root;
    @Inject
    Arrivals arrivals;

    /** An open stream: its events as they come ({@code event: arrival} only), read on a thread of its own. */
    private static final class Board implements AutoCloseable {
        final int status;
        final String contentType;
        final List<JsonNode> arrivals = new CopyOnWriteArrayList<>();
        final List<String> ids = new CopyOnWriteArrayList<>();
        private final InputStream body;

        Board(URL root, String slug, String token) throws Exception {
            HttpRequest req = HttpRequest.newBuilder(URI.create(root + "api/v1/events/" + slug + "/arrivals"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
            HttpResponse<InputStream> res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofInputStream());
            status = res.statusCode();
            contentType = res.headers().firstValue("content-type").orElse("");
            body = res.body();
            Thread reader = new Thread(this::read, "arrivals-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            ObjectMapper json = new ObjectMapper();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String id = null;
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isEmpty()) {
                        if ("arrival".equals(name)) {
                            ids.add(id);
                            arrivals.add(json.readTree(data.toString()));
                        }
                        id = null;
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = value(line);
                    } else if (line.startsWith("event:")) {
                        name = value(line);
                    } else if (line.startsWith("data:")) {
                        data.append(data.isEmpty() ? "" : "\n").append(value(line));
                    }
                }
            } catch (Exception e) {
                // closed by the test
            }
        }

        private static String value(String line) {
            String v = line.substring(line.indexOf(':') + 1);
            return v.startsWith(" ") ? v.substring(1) : v;
        }

        JsonNode of(String registrationId) {
            return arrivals.stream().filter(a -> registrationId.equals(a.get("registrationId").asText())).findFirst().orElse(null);
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    private static String[] delegateWithBadge(String slug, String family) {
        Map<String, Object> d = delegate(email());
        d.put("familyName", family);
        Map<String, Object> r = register(slug, d);
        String code = given().auth().oauth2((String) r.get("manageToken")).get("/api/v1/registrations/" + r.get("id")).then()
                .statusCode(200).extract().path("badge.code");
        return new String[] {(String) r.get("id"), code};
    }

    private static JsonPath scan(String slug, String code, String session, String device) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("session", session);
        body.put("direction", "IN");
        body.put("deviceId", device);
        body.put("nonce", unique());
        return asDoor().body(body).post("/api/v1/events/" + slug + "/scans").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aVipsFirstEntranceReachesTheBoardOnceAndABoardOpenedLateHasItAtOnce() throws Exception {
        String slug = Fixtures.doorRulesEvent(false);
        String[] minister = delegateWithBadge(slug, "Ministrova");
        String[] ambassador = delegateWithBadge(slug, "Velvyslanec");
        String[] guest = delegateWithBadge(slug, "Hostova");
        asOrganizer().body(Map.of("vip", true, "rank", 1, "note", "  " + NOTE + " "))
                .put("/api/v1/registrations/" + minister[0] + "/protocol").then().statusCode(200)
                .body("protocol.vip", is(true)).body("protocol.rank", is(1)).body("protocol.note", is(NOTE));
        asOrganizer().body(Map.of("protocol", Map.of("vip", true, "rank", 2)))
                .patch("/api/v1/registrations/" + ambassador[0]).then().statusCode(200).body("protocol.rank", is(2));

        try (Board board = new Board(root, slug, organizerToken())) {
            assertEquals(200, board.status);
            assertTrue(board.contentType.startsWith("text/event-stream"), board.contentType);

            JsonPath in = scan(slug, minister[1], null, "gate-1");
            assertEquals("ACCEPTED", in.getString("result"));
            assertEquals(true, in.getBoolean("delegate.vip"));
            assertEquals(1, in.getInt("delegate.vipRank"));
            assertEquals(NOTE, in.getString("delegate.protocolNote"));
            JsonPath other = scan(slug, guest[1], null, "gate-1");
            assertEquals("ACCEPTED", other.getString("result"));
            assertEquals(false, other.getBoolean("delegate.vip"));
            assertNull(other.get("delegate.protocolNote"));
            assertEquals("ACCEPTED", scan(slug, minister[1], "PLENARY", "hall-2").getString("result"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> board.of(minister[0]) != null);
            // the ambassador comes last: once the board has them, it has everything scanned before
            assertEquals("ACCEPTED", scan(slug, ambassador[1], null, "gate-3").getString("result"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> board.of(ambassador[0]) != null);

            assertEquals(List.of(minister[0], ambassador[0]), board.ids, "one arrival per VIP, none for the guest");
            JsonNode m = board.of(minister[0]);
            assertEquals("Anna", m.get("givenName").asText());
            assertEquals("Ministrova", m.get("familyName").asText());
            assertEquals("Anna Nováková", m.get("nativeName").asText());
            assertEquals("Czech Telecom Union", m.get("organization").asText());
            assertEquals("CZ", m.get("country").asText());
            assertEquals("INDUSTRY", m.get("category").asText());
            assertEquals(1, m.get("rank").asInt());
            assertEquals(NOTE, m.get("note").asText());
            assertTrue(m.get("session").isNull(), "the venue entrance");
            assertTrue(m.get("sessionTitle").isNull());
            assertEquals("gate-1", m.get("deviceId").asText());
            assertEquals("+08:00", OffsetDateTime.parse(m.get("at").asText()).getOffset().getId(), "in the event's time zone");
            assertTrue(board.of(ambassador[0]).get("note").isNull());

            // a board opened after the arrivals has them at once
            try (Board late = new Board(root, slug, organizerToken())) {
                Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> late.ids.size() == 2);
                assertEquals(List.of(minister[0], ambassador[0]), late.ids);
                assertEquals(NOTE, late.of(minister[0]).get("note").asText());
            }
            assertTrue(arrivals.polls(slug), "the first board still follows the event");
        }
        // the last board closed: this replica stops polling the event
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !arrivals.polls(slug));
        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=VIEW_ARRIVALS").then().statusCode(200)
                .body("total", is(2)).body("items.actor", hasItems("admin"));
    }

    @Test
    void aVipsFirstCheckInAtASessionDoorNamesTheSessionAndALaterEntranceDoesNotMoveIt() throws Exception {
        String slug = Fixtures.doorRulesEvent(false);
        String[] speaker = delegateWithBadge(slug, "Recnikova");
        asOrganizer().body(Map.of("vip", true, "rank", 3, "note", "Seat on the podium"))
                .put("/api/v1/registrations/" + speaker[0] + "/protocol").then().statusCode(200);
        // checked in by hand at a session's door: the answer tells the door too
        Map<String, Object> manual = new HashMap<>();
        manual.put("registrationId", speaker[0]);
        manual.put("session", "PLENARY");
        manual.put("deviceId", "hall-1");
        manual.put("nonce", unique());
        asOrganizer().body(manual).post("/api/v1/events/" + slug + "/checkin/manual").then().statusCode(200)
                .body("result", is("ACCEPTED")).body("delegate.vip", is(true)).body("delegate.vipRank", is(3))
                .body("delegate.protocolNote", is("Seat on the podium"));
        assertEquals("ACCEPTED", scan(slug, speaker[1], null, "gate-9").getString("result"));
        try (Board board = new Board(root, slug, organizerToken())) {
            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> board.of(speaker[0]) != null);
            JsonNode a = board.of(speaker[0]);
            assertEquals("PLENARY", a.get("session").asText());
            assertEquals("Session PLENARY", a.get("sessionTitle").asText());
            assertEquals("hall-1", a.get("deviceId").asText());
            assertEquals(3, a.get("rank").asInt());
        }
    }

    @Test
    void onlyOrganizersOfTheEventFollowIt() {
        String slug = createEvent(event(slug()));
        Map<String, Object> r = register(slug, delegate(email()));
        String path = "/api/v1/events/" + slug + "/arrivals";
        asDoor().accept("text/event-stream").get(path).then().statusCode(403).contentType("application/problem+json")
                .body("code", is("auth.forbidden"));
        given().auth().oauth2((String) r.get("manageToken")).accept("text/event-stream").get(path).then().statusCode(401)
                .body("code", is("auth.unauthorized"));
        given().accept("text/event-stream").get(path).then().statusCode(401);
        String elsewhere = Fixtures.staffToken("organizer", List.of(createEvent(event(slug()))));
        given().auth().oauth2(elsewhere).accept("text/event-stream").get(path).then().statusCode(403)
                .contentType("application/problem+json").body("code", is("auth.event_not_in_scope"));
        asOrganizer().accept("text/event-stream").get("/api/v1/events/no-such-" + unique() + "/arrivals").then().statusCode(404)
                .body("code", is("event.not_found"));
        assertFalse(arrivals.polls(slug), "nobody was let in, nothing is polled");
    }
}
