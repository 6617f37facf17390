package org.forumpass.staff;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.unique;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.forumpass.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Staff scope (API.md, "Staff scope"): an organizer and a door account scoped to event A walk every secured
 * operation of the live OpenAPI document against event B (403 auth.event_not_in_scope) and against A (let in).
 */
@QuarkusTest
class ScopeWalkTest {
    /** Operations only an organizer of every event may use. */
    private static final Set<String> ALL_EVENTS_ONLY = Set.of("POST /api/v1/events", "GET /api/v1/staff", "POST /api/v1/staff",
            "PATCH /api/v1/staff/{username}");
    /** Under the scans' prefix but the organizers' own: the report of what doors admitted offline (issue 16). */
    private static final String CONFLICTS = "POST /api/v1/events/{slug}/scans/conflicts";
    private static final Set<String> DOOR_ALLOWED_PREFIXES = Set.of("POST /api/v1/events/{slug}/scans",
            "GET /api/v1/events/{slug}/checkin", "POST /api/v1/events/{slug}/checkin",
            "POST /api/v1/registrations/{id}/badge/collected", // issue 15: the accreditation desk hands badges out, one by one
            "POST /api/v1/delegations/{id}/badges/collected", // and a delegation's to its proxy
            "GET /api/v1/events/{slug}/zones", "GET /api/v1/events/{slug}/door-roster", // issue 16: the door offline
            "POST /api/v1/events/{slug}/door-roster/photos");

    /** {@code stream}: the operation answers server-sent events (issue 16's arrivals), which never end by themselves. */
    private record Op(String name, String method, String path, String type, boolean stream) {
    }

    private static List<Op> securedOperations() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        List<Op> ops = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            Iterator<Map.Entry<String, JsonNode>> it = p.getValue().fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> op = it.next();
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
                        || !op.getValue().has("security") || op.getValue().get("security").isEmpty()) {
                    continue;
                }
                String type = "application/json";
                JsonNode content = op.getValue().path("requestBody").path("content");
                if (content.isObject() && content.size() > 0 && !content.has("application/json")) {
                    type = content.fieldNames().next();
                }
                boolean stream = op.getValue().path("responses").path("200").path("content").has("text/event-stream");
                ops.add(new Op(method + " " + p.getKey(), method, p.getKey(), type, stream));
            }
        }
        return ops;
    }

    /** The ids of one event's things that paths name: a registration, and a delegation with a member. */
    private record Ids(String registration, String delegation, String member) {
        static Ids of(String slug) {
            String registration = (String) register(slug, delegate(email())).get("id");
            Map<String, Object> d = new java.util.LinkedHashMap<>();
            d.put("name", "Delegation " + slug);
            d.put("country", "KZ");
            d.put("organization", "Embassy");
            d.put("focalPoint", Map.of("name", "Focal Point", "email", email()));
            d.put("quotas", Map.of("INDUSTRY", 2));
            String delegation = Fixtures.asOrganizer().body(d).post("/api/v1/events/" + slug + "/delegations").then()
                    .statusCode(201).extract().path("id");
            String member = Fixtures.asOrganizer().body(delegate(email())).post("/api/v1/delegations/" + delegation + "/members")
                    .then().statusCode(201).extract().path("id");
            return new Ids(registration, delegation, member);
        }
    }

    private static Response call(String token, Op op, String slug, Ids ids) {
        boolean delegationPath = op.path().startsWith("/api/v1/delegations/");
        String url = op.path().replace("{slug}", slug).replace("{id}", delegationPath ? ids.delegation() : ids.registration())
                .replace("{registrationId}", ids.member()).replace("{scanId}", "0").replaceAll("\\{[^}]+}", "x-not-there");
        return given().contentType(op.type()).auth().oauth2(token).body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).request(op.method(), url);
    }

    /** The status a caller let in gets: a stream's is read from its headers, and the stream closed. */
    private static int statusLetIn(String token, Op op, String slug, Ids ids) throws Exception {
        if (!op.stream()) {
            return call(token, op, slug, ids).statusCode();
        }
        String url = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + op.path().replace("{slug}", slug)
                .replace("{id}", ids.registration());
        java.net.http.HttpResponse<java.io.InputStream> res = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Authorization", "Bearer " + token)
                        .method(op.method(), java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        res.body().close();
        return res.statusCode();
    }

    @Test
    void scopedOrganizerAndDoorAreRefusedEverythingOfAnotherEvent() throws Exception {
        String a = createEvent(event(slug()));
        String b = createEvent(event(slug()));
        Ids regA = Ids.of(a);
        Ids regB = Ids.of(b);
        String organizerA = Fixtures.staffToken("organizer", List.of(a));
        String doorA = Fixtures.staffToken("door", List.of(a));

        List<String> walked = new ArrayList<>();
        for (Op op : securedOperations()) {
            if (op.name().equals("GET /api/v1/auth/me")) {
                continue;
            }
            boolean eventOp = op.path().contains("{slug}") || op.path().contains("{id}");
            if (eventOp || ALL_EVENTS_ONLY.contains(op.name())) {
                call(organizerA, op, b, regB).then().statusCode(403).contentType("application/problem+json")
                        .body("code", is("auth.event_not_in_scope"));
            }
            if (eventOp && DOOR_ALLOWED_PREFIXES.stream().anyMatch(op.name()::startsWith) && !op.name().startsWith(CONFLICTS)) {
                call(doorA, op, b, regB).then().statusCode(403).body("code", is("auth.event_not_in_scope"));
                int in = statusLetIn(doorA, op, a, regA);
                assertFalse(in == 401 || in == 403, op.name() + " must let the door of A in at A, got " + in);
            } else {
                call(doorA, op, b, regB).then().statusCode(403);
            }
            walked.add(op.name());
        }
        // In scope, the organizer of A is let in everywhere an event is named (the walk's bodies are empty, so 400s)
        for (Op op : securedOperations()) {
            if (op.path().contains("{slug}") || op.path().contains("{id}")) {
                int in = statusLetIn(organizerA, op, a, regA);
                assertFalse(in == 401 || in == 403, op.name() + " must let the organizer of A in at A, got " + in);
            }
        }
        assertTrue(walked.contains("GET /api/v1/events/{slug}/stats") && walked.contains("GET /api/v1/registrations/{id}"),
                "walked " + walked);
        assertTrue(walked.size() >= 20, "walked " + walked);
    }

    @Test
    void scopedOrganizerReadsOnlyTheAuditOfItsEventsAndTheConsoleListsThem() {
        String a = createEvent(event(slug()));
        String b = createEvent(event(slug()));
        asOrganizer().get("/api/v1/events/" + b + "/registrations?q=x").then().statusCode(200);
        String organizerA = Fixtures.staffToken("organizer", List.of(a));
        given().auth().oauth2(organizerA).get("/api/v1/events/" + a + "/registrations?q=y").then().statusCode(200);
        given().auth().oauth2(organizerA).get("/api/v1/audit?size=500").then().statusCode(200)
                .body("items", not(hasSize(0)))
                .body("items.event", everyItem(is(a)));
        given().auth().oauth2(organizerA).get("/api/v1/audit?event=" + b).then().statusCode(403)
                .body("code", is("auth.event_not_in_scope"));
        given().auth().oauth2(organizerA).get("/api/v1/audit/export.csv").then().statusCode(200);
        given().auth().oauth2(organizerA).get("/api/v1/auth/me").then().statusCode(200).body("events", is(List.of(a)));
    }

    @Test
    void loginAnswersTheEventsAndStaffAcceptsThem() {
        String a = createEvent(event(slug()));
        String username = Fixtures.staff("door", List.of(a));
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", username + "-password"))
                .post("/api/v1/auth/login").then().statusCode(200)
                .body("token", notNullValue()).body("expiresAt", notNullValue()).body("role", is("door"))
                .body("events", is(List.of(a)));
        asOrganizer().body(Map.of("username", "x-" + unique(), "password", "long-enough-1", "role", "door",
                "events", List.of("no-such-event-" + unique()))).post("/api/v1/staff").then().statusCode(400)
                .body("violations[0].field", is("events[0]"));
        asOrganizer().body(Map.of("events", "everything")).patch("/api/v1/staff/" + username).then().statusCode(400)
                .body("violations[0].field", is("events"));
    }

    @Test
    void aDoorScopedElsewhereLearnsNothingFromAnotherEventsBadge() {
        String a = createEvent(event(slug()));
        String b = createEvent(event(slug()));
        String regB = (String) register(b, delegate(email())).get("id");
        String code = asOrganizer().get("/api/v1/registrations/" + regB).then().statusCode(200).extract().path("badge.code");
        String doorA = Fixtures.staffToken("door", List.of(a));
        given().contentType(ContentType.JSON).auth().oauth2(doorA)
                .body(Map.of("code", code, "deviceId", "gate-a", "nonce", unique()))
                .post("/api/v1/events/" + a + "/scans").then().statusCode(200)
                .body("result", is("WRONG_EVENT"))
                .body("delegate", nullValue());
    }

    @Test
    void doorSearchAnswersNoIdsAndNothingAboutEmails() {
        String a = createEvent(event(slug()));
        Map<String, Object> d = delegate(email());
        d.put("familyName", "Quist" + unique());
        String id = (String) register(a, d).get("id");
        String door = Fixtures.staffToken("door", List.of(a));
        given().auth().oauth2(door).get("/api/v1/events/" + a + "/checkin/search?q=" + d.get("email")).then().statusCode(200)
                .body("", hasSize(0));
        asOrganizer().get("/api/v1/events/" + a + "/checkin/search?q=" + d.get("email")).then().statusCode(200)
                .body("", hasSize(1)).body("[0].id", is(id));
        Response found = given().auth().oauth2(door).get("/api/v1/events/" + a + "/checkin/search?q=" + d.get("familyName"));
        found.then().statusCode(200).body("", hasSize(1)).body("[0].id", nullValue()).body("[0].ref", notNullValue());
        String ref = found.path("[0].ref");
        assertFalse(ref.contains(id), "the ref does not carry the registration id in clear");

        String other = Fixtures.staffToken("door", List.of(a));
        given().contentType(ContentType.JSON).auth().oauth2(other).body(Map.of("ref", ref, "deviceId", "d", "nonce", unique()))
                .post("/api/v1/events/" + a + "/checkin/manual").then().statusCode(400).body("violations[0].field", is("ref"));
        given().contentType(ContentType.JSON).auth().oauth2(door).body(Map.of("registrationId", id, "deviceId", "d", "nonce", unique()))
                .post("/api/v1/events/" + a + "/checkin/manual").then().statusCode(400)
                .body("violations[0].field", is("registrationId"));
        given().contentType(ContentType.JSON).auth().oauth2(door).body(Map.of("ref", ref, "deviceId", "d", "nonce", unique()))
                .post("/api/v1/events/" + a + "/checkin/manual").then().statusCode(200).body("result", is("ACCEPTED"));
        assertEquals(1, given().auth().oauth2(door).get("/api/v1/events/" + a + "/checkin/search?q=" + d.get("familyName"))
                .jsonPath().getList("").size());
    }
}
