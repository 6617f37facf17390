package org.forumpass.common;

import static io.restassured.RestAssured.given;
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
 * Walks every operation of the live OpenAPI document: an operation that declares a security
 * requirement answers 401 to an anonymous caller, and an operation door staff may not use
 * answers them 403. Operations without a requirement must be in the public list of API.md.
 */
@QuarkusTest
class OpenApiSecurityTest {
    /** Public by the contract (API.md, "Who may call what"). */
    private static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/events",
            "GET /api/v1/events/{slug}",
            "POST /api/v1/auth/login",
            "POST /api/v1/events/{slug}/registrations",
            "GET /api/v1/events/{slug}/badge-keys",
            "GET /api/v1/events/{slug}/form", // issue 14: the form is public (the registration page shows it)
            "GET /api/v1/visa-letters/{reference}", // issue 15: a consulate verifies a letter without an account
            "POST /api/v1/events/{slug}/registrations/resend-link", // issue 17: a delegate who lost the e-mail
            "GET /api/v1/transliterate"); // issue 17: the Latin form of a native name, offered on the form
    /** Operations door staff may use besides organizer ones (API.md: scanning and door look-up). */
    /** Under the scans' prefix but the organizers' own: the report of what doors admitted offline (issue 16). */
    private static final String CONFLICTS = "POST /api/v1/events/{slug}/scans/conflicts";
    private static final Set<String> DOOR_ALLOWED_PREFIXES = Set.of(
            "GET /api/v1/auth/me",
            "POST /api/v1/events/{slug}/scans",
            "GET /api/v1/events/{slug}/checkin",
            "POST /api/v1/events/{slug}/checkin",
            "GET /api/v1/registrations/{id}/photo.jpg", // issue 14: the thumbnail, to compare faces
            "POST /api/v1/registrations/{id}/badge/collected", // issue 15: the accreditation desk hands badges out, one by one
            "POST /api/v1/delegations/{id}/badges/collected", // and a delegation's to its proxy
            "GET /api/v1/events/{slug}/zones", // issue 16: the access zones the door applies (read only)
            "GET /api/v1/events/{slug}/door-roster", // and what it needs to judge badges offline
            "POST /api/v1/events/{slug}/door-roster/photos");

    @Test
    void everyOperationIsGuardedAsTheContractSays() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        List<String> checked = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String name = method + " " + p.getKey();
                boolean secured = op.getValue().has("security") && !op.getValue().get("security").isEmpty();
                String url = p.getKey().replaceAll("\\{[^}]+}", "x-not-there");
                if (!secured) {
                    assertTrue(PUBLIC.contains(name), name + " has no security requirement but is not public by the contract");
                    continue;
                }
                String type = "application/json";
                JsonNode content = op.getValue().path("requestBody").path("content");
                if (content.isObject() && content.size() > 0 && !content.has("application/json")) {
                    type = content.fieldNames().next();
                }
                Response anon = given().contentType(type).body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).request(method, url);
                assertEquals(401, anon.statusCode(), name + " must answer 401 to an anonymous caller");
                assertEquals("application/problem+json", anon.contentType(), name);
                boolean doorMay = DOOR_ALLOWED_PREFIXES.stream().anyMatch(name::startsWith) && !name.startsWith(CONFLICTS);
                Response door = given().contentType(type).auth().oauth2(Fixtures.doorToken()).body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .request(method, url);
                if (doorMay) {
                    assertFalse(door.statusCode() == 401 || door.statusCode() == 403, name + " must let door staff in");
                } else {
                    assertEquals(403, door.statusCode(), name + " must answer 403 to door staff");
                }
                checked.add(name);
            }
        }
        assertTrue(checked.contains("POST /api/v1/events"), "the walk found the secured operations: " + checked);
        assertTrue(checked.size() >= 6, "walked " + checked);
    }
}
