package org.forumpass.identity;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.unique;
import static org.forumpass.identity.IdentityFixtures.passport;
import static org.forumpass.identity.IdentityFixtures.passportNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.forumpass.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Door staff, and an organizer of another event, walk every operation of the live OpenAPI document against an
 * event whose delegate gave a passport: no answer carries the document's number (in any spelling) or date of birth.
 */
@QuarkusTest
class IdentityWalkTest {
    private static final String BORN = "1961-11-07";

    private record Op(String method, String path, String type) {
    }

    @Test
    void doorStaffAndOrganizersOfAnotherEventNeverSeeTheDocument() throws Exception {
        String a = createEvent(event(slug()));
        String b = createEvent(event(slug()));
        String number = passportNumber();
        Map<String, Object> d = delegate(email());
        d.put("familyName", "Walker" + unique());
        Map<String, Object> doc = passport(number);
        doc.put("dateOfBirth", BORN);
        d.put("identity", doc);
        String id = (String) register(a, d).get("id");
        String code = asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200).extract().path("badge.code");
        String door = Fixtures.staffToken("door", null);
        String doorOfA = Fixtures.staffToken("door", List.of(a));
        String organizerOfB = Fixtures.staffToken("organizer", List.of(b));

        List<String> walked = new ArrayList<>();
        for (Op op : operations()) {
            for (String token : List.of(door, doorOfA, organizerOfB)) {
                String url = op.path().replace("{slug}", a).replace("{id}", id).replaceAll("\\{[^}]+}", "x-not-there");
                String query = "?q=" + d.get("familyName") + "&documentNumber=" + number + "&includeIdentity=true";
                for (String u : List.of(url, url + query)) {
                    Response r = given().contentType(op.type()).auth().oauth2(token).body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).request(op.method(), u);
                    assertClean(op.method() + " " + u, r, number);
                }
            }
            walked.add(op.method() + " " + op.path());
        }
        // what the door really does: scan the badge, look the delegate up by name, check in by hand
        for (String token : List.of(door, doorOfA)) {
            Response scan = given().contentType("application/json").auth().oauth2(token)
                    .body(Map.of("code", code, "deviceId", "gate-1", "nonce", unique())).post("/api/v1/events/" + a + "/scans");
            assertEquals(200, scan.statusCode());
            assertTrue(scan.asString().contains((String) d.get("familyName")), "the scan names the delegate: " + scan.asString());
            assertClean("scan", scan, number);
            Response found = given().auth().oauth2(token).get("/api/v1/events/" + a + "/checkin/search?q=" + d.get("familyName"));
            assertEquals(200, found.statusCode());
            assertClean("door search", found, number);
            Response byNumber = given().auth().oauth2(token).get("/api/v1/events/" + a + "/checkin/search?q=" + number);
            assertEquals("[]", byNumber.asString().replace(" ", ""), "the door cannot find a delegate by document number");
        }
        assertTrue(walked.contains("GET /api/v1/registrations/{id}/identity"), "walked " + walked);
        assertTrue(walked.size() >= 20, "walked " + walked);
        // the walk's key was right: the organizer of the event does read the document
        asOrganizer().get("/api/v1/registrations/" + id + "/identity").then().statusCode(200);
    }

    private static void assertClean(String what, Response r, String number) {
        String body = r.asString();
        assertFalse(body.contains(BORN), what + " answered the date of birth: " + body);
        assertFalse(body.toUpperCase().replaceAll("[\\s-]", "").contains(number), what + " answered the number: " + body);
    }

    private static List<Op> operations() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        List<Op> ops = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            Iterator<Map.Entry<String, JsonNode>> it = p.getValue().fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> op = it.next();
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String type = "application/json";
                JsonNode content = op.getValue().path("requestBody").path("content");
                if (content.isObject() && content.size() > 0 && !content.has("application/json")) {
                    type = content.fieldNames().next();
                }
                ops.add(new Op(method, p.getKey(), type));
            }
        }
        return ops;
    }
}
