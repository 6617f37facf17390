package org.forumpass.staff;

import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.awaitRoomInWindow;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.forumpass.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Wrong passwords lock out the (username, address) pair that sent them, with a back-off that doubles, not
 * the account; a ceiling per username over all addresses stops a guesser with many addresses. The client
 * address comes from X-Forwarded-For here (the test client is a trusted proxy, as a load balancer would be).
 */
@QuarkusTest
@TestProfile(SignInLockoutTest.Profile.class)
class SignInLockoutTest {
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("forumpass.limits.failed-sign-ins", "3", "forumpass.limits.sign-in-backoff", "1S",
                    "forumpass.limits.sign-in-ceiling", "12", "forumpass.limits.sign-in-window", "15M",
                    "forumpass.trusted-proxies", "127.0.0.0/8,::1");
        }
    }

    private static RequestSpecification from(String address) {
        return anonymous().header("X-Forwarded-For", address);
    }

    private static int signIn(String address, String username, String password) {
        return from(address).body(Map.of("username", username, "password", password)).post("/api/v1/auth/login").statusCode();
    }

    @Test
    void failuresFromOneAddressDoNotLockOutAnother() {
        String user = Fixtures.staff("organizer", null);
        for (int i = 0; i < 3; i++) {
            from("198.51.100.7").body(Map.of("username", user, "password", "guess-" + i + "-xxxxxx")).post("/api/v1/auth/login")
                    .then().statusCode(401).body("code", is("auth.invalid_credentials"));
        }
        from("198.51.100.7").body(Map.of("username", user, "password", user + "-password")).post("/api/v1/auth/login")
                .then().statusCode(429).contentType("application/problem+json").body("code", is("auth.too_many_attempts"));
        from("203.0.113.9").body(Map.of("username", "  " + user.toUpperCase() + " ", "password", user + "-password"))
                .post("/api/v1/auth/login").then().statusCode(200).body("username", is(user));
    }

    @Test
    void theBackOffDoublesWithEachFurtherFailure() {
        String user = Fixtures.staff("door", null);
        String address = "198.51.100.21";
        for (int i = 0; i < 3; i++) {
            assertTrue(signIn(address, user, "wrong-password-" + i) == 401);
        }
        long first = waitUntilLetIn(address, user); // 1 s after the third failure; this try is the fourth
        long second = waitUntilLetIn(address, user); // 2 s after the fourth; this is the fifth
        long third = waitUntilLetIn(address, user); // 4 s
        assertTrue(first >= 900 && second >= 1900 && third >= 3900 && second > first && third > second,
                "waits " + first + ", " + second + ", " + third + " ms");
    }

    /** Tries a wrong password until it is judged (401) rather than refused (429); answers how long that took. */
    private static long waitUntilLetIn(String address, String user) {
        long start = System.nanoTime();
        assertTrue(signIn(address, user, "wrong-password-x") == 429, "locked right after a failure past the free ones");
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> signIn(address, user, "wrong-password-x") == 401);
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void manyAddressesTogetherHitTheCeilingOfTheUsername() {
        awaitRoomInWindow(Duration.ofMinutes(15), Duration.ofSeconds(30));
        String user = Fixtures.staff("door", null);
        for (int i = 0; i < 12; i++) {
            assertTrue(signIn("192.0.2." + (i / 2 + 1), user, "wrong-password-" + i) == 401);
        }
        from("192.0.2.200").body(Map.of("username", user, "password", user + "-password")).post("/api/v1/auth/login")
                .then().statusCode(429).body("code", is("auth.too_many_attempts"));
        assertTrue(signIn("192.0.2.201", "admin", Fixtures.ADMIN_PASSWORD) == 200, "other usernames are not affected");
    }

    @Test
    void usernamesAreNormalisedWhenCreatedChangedAndLookedUp() {
        String name = "Mixed." + Fixtures.unique();
        Fixtures.asOrganizer().body(Map.of("username", " " + name + " ", "password", "mixed-password-1", "role", "door"))
                .post("/api/v1/staff").then().statusCode(201).body("username", is(name.toLowerCase()));
        Fixtures.asOrganizer().body(Map.of("displayName", "Gate 2")).patch("/api/v1/staff/" + name.toUpperCase())
                .then().statusCode(200).body("username", is(name.toLowerCase())).body("displayName", is("Gate 2"));
        Fixtures.asOrganizer().body(Map.of("username", name.toUpperCase(), "password", "mixed-password-1", "role", "door"))
                .post("/api/v1/staff").then().statusCode(409).body("code", is("staff.username_taken"));
        Fixtures.login(" " + name.toUpperCase(), "mixed-password-1");
    }
}
