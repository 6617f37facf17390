package org.forumpass.common;

import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.awaitRoomInWindow;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.unique;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign-in throttling and the registration limit, counted in the database (so across replicas). */
@QuarkusTest
@TestProfile(LimitsTest.Tight.class)
class LimitsTest {
    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Quarkus's own forwarding on, as deploy/ had it: it must not let a client choose its address
            return Map.of("forumpass.limits.registrations-per-minute", "3", "forumpass.limits.failed-sign-ins", "3",
                    "quarkus.http.proxy.proxy-address-forwarding", "true", "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Test
    void afterThreeWrongPasswordsTheAccountRefusesSignInEvenWithTheRightOne() {
        String user = "gate-" + unique();
        awaitRoomInWindow(Duration.ofMinutes(15), Duration.ofSeconds(15));
        asOrganizer().body(Map.of("username", user, "password", "door-password-7", "role", "door")).post("/api/v1/staff")
                .then().statusCode(201);
        for (int i = 0; i < 3; i++) {
            anonymous().body(Map.of("username", user, "password", "guess-" + i + "-xxxxxx")).post("/api/v1/auth/login")
                    .then().statusCode(401).body("code", is("auth.invalid_credentials"));
        }
        anonymous().body(Map.of("username", user, "password", "door-password-7")).post("/api/v1/auth/login")
                .then().statusCode(429).contentType("application/problem+json").body("code", is("auth.too_many_attempts"));
        anonymous().body(Map.of("username", "admin", "password", org.forumpass.Fixtures.ADMIN_PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200);
    }

    @Test
    void oneAddressRegistersAtMostThreeTimesAMinuteWhateverItsXForwardedForSays() {
        String slug = createEvent(event(slug()));
        awaitRoomInWindow(Duration.ofMinutes(1), Duration.ofSeconds(15));
        for (int i = 0; i < 3; i++) {
            anonymous().header("X-Forwarded-For", "198.51.100." + i).body(delegate(email()))
                    .post("/api/v1/events/" + slug + "/registrations").then().statusCode(201);
        }
        anonymous().header("X-Forwarded-For", "198.51.100.99").header("Forwarded", "for=203.0.113.5").body(delegate(email()))
                .post("/api/v1/events/" + slug + "/registrations").then().statusCode(429)
                .contentType("application/problem+json").body("code", is("registration.rate_limited"));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().body("total", is(3));
    }
}
