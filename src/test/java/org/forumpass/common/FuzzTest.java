package org.forumpass.common;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asDoor;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.slug;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile input at the public and door endpoints: never a 500, always problem+json, never a partial record. */
@QuarkusTest
class FuzzTest {
    private static final List<String> BODIES = List.of("{", "[]", "null", "\"text\"", "42", "{\"givenName\": {}}",
            "{\"givenName\": [1,2], \"email\": 7, \"consent\": \"yes\"}", "{\"category\": \"ASTRONAUT\"}",
            "{\"givenName\": \"'; DROP TABLE registration; --\", \"familyName\": \"<script>alert(1)</script>\"}",
            "{\"sessions\": \"KEYNOTE\"}", "{\"scans\": {}}", "{\"code\": null, \"deviceId\": null}",
            "{\"email\": \"a@b.c\", \"" + "x".repeat(10_000) + "\": 1}", "\u0000\u0001", "{\"givenName\": \"\uD800\"}");

    private static byte[] invalidUtf8() {
        byte[] head = "{\"givenName\": \"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\", \"familyName\": \"X\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(head, head.length + 2 + tail.length);
        out[head.length] = (byte) 0xC3;
        out[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, out, head.length + 2, tail.length);
        return out;
    }

    private static void check(Response r, String what) {
        assertTrue(r.statusCode() < 500, what + " answered " + r.statusCode() + ": " + r.asString());
        if (r.statusCode() >= 400) {
            assertTrue(String.valueOf(r.contentType()).startsWith("application/problem+json"), what + ": " + r.contentType());
        }
    }

    @Test
    void hostileBodiesNeverBreakTheServerOrLeaveRecords() {
        String slug = createEvent(event(slug()));
        List<String> paths = List.of("/api/v1/events/" + slug + "/registrations", "/api/v1/auth/login",
                "/api/v1/events/" + slug + "/scans", "/api/v1/events/" + slug + "/scans/batch",
                "/api/v1/events/" + slug + "/checkin/manual", "/api/v1/events");
        List<Object> bodies = new ArrayList<>(BODIES);
        bodies.add(invalidUtf8());
        for (String path : paths) {
            boolean door = path.contains("/scans") || path.contains("/checkin");
            for (Object body : bodies) {
                RequestSpecification req = (door ? asDoor() : path.equals("/api/v1/events") ? asOrganizer() : given())
                        .contentType("application/json");
                Response r = body instanceof byte[] b ? req.body(b).post(path) : req.body((String) body).post(path);
                check(r, "POST " + path + " " + (body instanceof String s ? s.substring(0, Math.min(40, s.length())) : "bytes"));
            }
        }
        assertEquals(0, asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().extract().<Integer>path("total"),
                "no bad request left a registration behind");
    }

    @Test
    void aHugeBodyIsRefusedAsTooLarge() {
        String slug = createEvent(event(slug()));
        byte[] huge = new byte[21 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        try {
            Response r = given().contentType("application/json").body(huge).post("/api/v1/events/" + slug + "/registrations");
            assertEquals(413, r.statusCode(), "answered " + r.asString());
        } catch (Exception refusedMidway) {
            // the server answered 413 and closed the connection before the client had sent it all
            assertTrue(refusedMidway instanceof java.net.SocketException || refusedMidway.getCause() instanceof java.net.SocketException,
                    refusedMidway.toString());
        }
        given().get("/q/health/live").then().statusCode(200);
        assertEquals(0, asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().extract().<Integer>path("total"));
    }

    @Test
    void pathTricksAreNotFoundNotErrors() {
        for (String path : List.of("/api/v1/events/..%2F..%2Fetc%2Fpasswd", "/api/v1/events/%00", "/api/v1/events/" + "a".repeat(5000),
                "/api/v1/events/%E4%B8%AD%E6%96%87", "/api/v1/registrations/' OR 1=1 --", "/api/v1/events/x/badge-keys",
                "/r/%3Cscript%3E", "/events/%3Cscript%3Ealert(1)%3C%2Fscript%3E")) {
            Response r = given().urlEncodingEnabled(false).get(path.replace(" ", "%20").replace("'", "%27"));
            String shown = path.substring(0, Math.min(80, path.length()));
            assertTrue(r.statusCode() < 500, shown + " answered " + r.statusCode());
            assertTrue(!r.asString().contains("<script>alert(1)"), shown + " reflected a script");
            if (path.length() < 1000) { // an over-long request line is refused by the HTTP layer itself
                assertEquals("nosniff", r.header("X-Content-Type-Options"), shown);
            }
        }
    }
}
