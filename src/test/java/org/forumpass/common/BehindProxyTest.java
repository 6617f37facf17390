package org.forumpass.common;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.awaitRoomInWindow;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.doorToken;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.organizerToken;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A deployment behind a TLS proxy on the loopback network: https public URL, the proxy trusted, the
 * operations endpoints private.
 */
@QuarkusTest
@TestProfile(BehindProxyTest.Proxied.class)
class BehindProxyTest {
    static final String METRICS_TOKEN = "mT4q9ZxV2bLw8RkPn3YcHs7Ud6FjGa1eQoK5tWiE0Br";

    public static class Proxied implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("forumpass.public-url", "https://register.example.org",
                    "forumpass.trusted-proxies", "127.0.0.0/8,::1,10.0.0.0/8",
                    "forumpass.limits.registrations-per-minute", "3",
                    "forumpass.ops.private-endpoints", "true",
                    "forumpass.ops.metrics-token", METRICS_TOKEN);
        }
    }

    /** An address of the documentation range, new for each test run, so the fixed window is its own. */
    private static String client() {
        return "2001:db8:" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff) + "::" + Integer.toHexString(
                (int) (System.nanoTime() & 0xffff));
    }

    @Test
    void theRightMostHopBeforeTheTrustedProxiesIsTheClientTheLimitCounts() {
        String slug = createEvent(event(slug()));
        String client = client();
        String other = client();
        awaitRoomInWindow(Duration.ofMinutes(1), Duration.ofSeconds(15));
        for (int i = 0; i < 3; i++) {
            // the client writes anything on the left; the proxies append what they saw on the right
            anonymous().header("X-Forwarded-For", "198.51.100." + i + ", " + client + ", 10.0.0.7").body(delegate(email()))
                    .post("/api/v1/events/" + slug + "/registrations").then().statusCode(201);
        }
        anonymous().header("X-Forwarded-For", "203.0.113.200, " + client).body(delegate(email()))
                .post("/api/v1/events/" + slug + "/registrations").then().statusCode(429)
                .contentType("application/problem+json").body("code", is("registration.rate_limited"));
        anonymous().header("X-Forwarded-For", client + ", " + other).body(delegate(email()))
                .post("/api/v1/events/" + slug + "/registrations").then().statusCode(201);
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().body("total", is(4));
    }

    @Test
    void httpsPublicUrlSendsHsts() {
        given().get("/").then().statusCode(200).header("Strict-Transport-Security", containsString("max-age="));
        anonymous().get("/api/v1/events").then().statusCode(200).header("Strict-Transport-Security", containsString("max-age="));
    }

    @Test
    void metricsAndApiDocsAnswerOnlyOrganizersAndThePrometheusToken() {
        for (String path : new String[] {"/q/metrics", "/q/openapi", "/q/swagger-ui/"}) {
            given().get(path).then().statusCode(401).contentType("application/problem+json").body("code", is("auth.unauthorized"));
            given().auth().oauth2(doorToken()).get(path).then().statusCode(401);
            given().auth().oauth2(organizerToken()).get(path).then().statusCode(200);
        }
        given().auth().oauth2(METRICS_TOKEN).get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        given().auth().oauth2(METRICS_TOKEN).get("/q/openapi").then().statusCode(401);
        given().auth().oauth2(METRICS_TOKEN + "x").get("/q/metrics").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
