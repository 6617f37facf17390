package org.forumpass.staff;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.unique;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.forumpass.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A token ends when its account is disabled, demoted, re-scoped or given a new password (on every replica
 * within 5 s: here the test waits at most that long), and a token of an account that does not exist or with
 * an expiry beyond its lifetime is refused even when genuinely signed.
 */
@QuarkusTest
class RevocationTest {
    @Inject
    TokenService tokens;
    @ConfigProperty(name = "forumpass.token.ttl")
    Duration ttl;

    private static void awaitRevoked(String token) {
        Awaitility.await("the old token is refused").atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(token).get("/api/v1/auth/me").statusCode() == 401);
        given().auth().oauth2(token).get("/api/v1/auth/me").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("code", is("auth.token_revoked"));
    }

    private static String signIn(String username) {
        return Fixtures.login(username, username + "-password");
    }

    private static void patch(String username, Map<String, Object> body) {
        asOrganizer().body(body).patch("/api/v1/staff/" + username).then().statusCode(200);
    }

    @Test
    void aDisabledOrganizersTokenCanNeitherCreateStaffNorReEnableItself() {
        String username = Fixtures.staff("organizer", null);
        String token = signIn(username);
        given().auth().oauth2(token).get("/api/v1/auth/me").then().statusCode(200).body("username", is(username));
        patch(username, Map.of("active", false));
        awaitRevoked(token);
        given().contentType(ContentType.JSON).auth().oauth2(token)
                .body(Map.of("username", "evil-" + unique(), "password", "evil-password-1", "role", "organizer"))
                .post("/api/v1/staff").then().statusCode(401).body("code", is("auth.token_revoked"));
        given().contentType(ContentType.JSON).auth().oauth2(token).body(Map.of("active", true))
                .patch("/api/v1/staff/" + username).then().statusCode(401);
        asOrganizer().get("/api/v1/staff?size=500").then().statusCode(200)
                .body("items.find { it.username == '" + username + "' }.active", is(false));
    }

    @Test
    void aDemotedOrganizersTokenEnds() {
        String username = Fixtures.staff("organizer", null);
        String token = signIn(username);
        patch(username, Map.of("role", "door"));
        awaitRevoked(token);
        given().auth().oauth2(signIn(username)).get("/api/v1/auth/me").then().statusCode(200).body("role", is("door"));
    }

    @Test
    void aNewPasswordEndsTheTokensGivenBefore() {
        String username = Fixtures.staff("door", null);
        String token = signIn(username);
        patch(username, Map.of("password", "another-password-9"));
        awaitRevoked(token);
        given().auth().oauth2(Fixtures.login(username, "another-password-9")).get("/api/v1/auth/me").then().statusCode(200);
    }

    @Test
    void newEventsEndTheTokensGivenBeforeButANewNameDoesNot() {
        String a = createEvent(event(slug()));
        String username = Fixtures.staff("organizer", List.of(a));
        String token = signIn(username);
        patch(username, Map.of("displayName", "Desk " + unique()));
        given().auth().oauth2(token).get("/api/v1/auth/me").then().statusCode(200).body("events", is(List.of(a)));
        Map<String, Object> all = new HashMap<>();
        all.put("events", null);
        patch(username, all);
        awaitRevoked(token);
        given().auth().oauth2(signIn(username)).get("/api/v1/auth/me").then().statusCode(200).body("events", is((Object) null));
    }

    @Test
    void aGenuinelySignedTokenOfAnUnknownUserIsRefused() {
        Instant now = Instant.now();
        String ghost = tokens.sign("ghost-" + unique(), "organizer", 0, now, now.plus(Duration.ofHours(1)));
        given().auth().oauth2(ghost).get("/api/v1/auth/me").then().statusCode(401).body("code", is("auth.token_revoked"));
    }

    @Test
    void aTokenWhoseExpiryIsBeyondItsLifetimeIsRefused() {
        Instant now = Instant.now();
        String fair = tokens.sign("admin", "organizer", 0, now, now.plus(ttl).minusSeconds(60));
        given().auth().oauth2(fair).get("/api/v1/auth/me").then().statusCode(200).body("username", is("admin"));
        String forged = tokens.sign("admin", "organizer", 0, now, now.plus(ttl).plus(Duration.ofDays(30)));
        given().auth().oauth2(forged).get("/api/v1/auth/me").then().statusCode(401).body("code", is("auth.unauthorized"));
        String fromTheFuture = tokens.sign("admin", "organizer", 0, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));
        given().auth().oauth2(fromTheFuture).get("/api/v1/auth/me").then().statusCode(401);
    }
}
