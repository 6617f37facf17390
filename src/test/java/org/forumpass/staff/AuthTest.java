package org.forumpass.staff;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.asDoor;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.unique;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.forumpass.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthTest {

    @Test
    void firstOrganizerSignsInWithTheConfiguredPassword() {
        anonymous().body(Map.of("username", "admin", "password", Fixtures.ADMIN_PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200)
                .body("token", startsWith("fp1."))
                .body("role", is("organizer"))
                .body("expiresAt", notNullValue());
        given().auth().oauth2(Fixtures.organizerToken()).get("/api/v1/auth/me").then().statusCode(200)
                .body("username", is("admin")).body("role", is("organizer"));
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownUserAlike() {
        anonymous().body(Map.of("username", "admin", "password", "wrong-password"))
                .post("/api/v1/auth/login").then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", is("auth.invalid_credentials"));
        anonymous().body(Map.of("username", "nobody-" + unique(), "password", "wrong-password"))
                .post("/api/v1/auth/login").then().statusCode(401)
                .body("code", is("auth.invalid_credentials"));
        anonymous().body(Map.of("username", "admin"))
                .post("/api/v1/auth/login").then().statusCode(400)
                .body("violations[0].field", is("password"));
    }

    @Test
    void organizerCreatesDoorStaffWhoMayNotManageEvents() {
        String username = "door-" + unique();
        asOrganizer().body(Map.of("username", username, "password", "scan-all-day-1", "role", "door", "displayName", "Door 3"))
                .post("/api/v1/staff").then().statusCode(201)
                .body("username", is(username)).body("role", is("door")).body("active", is(true));
        asOrganizer().body(Map.of("username", username, "password", "scan-all-day-1", "role", "door"))
                .post("/api/v1/staff").then().statusCode(409).body("code", is("staff.username_taken"));
        asOrganizer().get("/api/v1/staff?size=500").then().statusCode(200).body("items.username", hasItem(username));

        String token = Fixtures.login(username, "scan-all-day-1");
        given().contentType(ContentType.JSON).auth().oauth2(token).body(event(slug()))
                .post("/api/v1/events").then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", is("auth.forbidden"));
        given().auth().oauth2(token).get("/api/v1/auth/me").then().statusCode(200).body("role", is("door"));
    }

    @Test
    void disabledStaffCannotSignIn() {
        String username = "temp-" + unique();
        asOrganizer().body(Map.of("username", username, "password", "temporary-pass-1", "role", "organizer"))
                .post("/api/v1/staff").then().statusCode(201);
        asOrganizer().body(Map.of("active", false)).patch("/api/v1/staff/" + username).then().statusCode(200)
                .body("active", is(false));
        anonymous().body(Map.of("username", username, "password", "temporary-pass-1"))
                .post("/api/v1/auth/login").then().statusCode(401);
        asOrganizer().body(Map.of("active", true, "password", "a-new-password-2")).patch("/api/v1/staff/" + username)
                .then().statusCode(200);
        Fixtures.login(username, "a-new-password-2");
    }

    @Test
    void rejectsWeakPasswordsAndBadUsernames() {
        asOrganizer().body(Map.of("username", "Has Space", "password", "short", "role", "janitor"))
                .post("/api/v1/staff").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("role"));
        asOrganizer().body(Map.of("username", "Has Space", "password", "short", "role", "door"))
                .post("/api/v1/staff").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("username", "password"));
    }

    @Test
    void anonymousCallersGet401WithAChallenge() {
        anonymous().body(event(slug())).post("/api/v1/events").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("code", is("auth.unauthorized"));
    }

    @Test
    void tamperedOrForeignTokensGet401() {
        String token = Fixtures.organizerToken();
        // One character inside the signature: the last one carries unused bits, and changing only those is no change
        int i = token.lastIndexOf('.') + 10;
        String tampered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
        given().contentType(ContentType.JSON).auth().oauth2(tampered).body(event(slug()))
                .post("/api/v1/events").then().statusCode(401).body("code", is("auth.unauthorized"));
        given().contentType(ContentType.JSON).auth().oauth2("some-delegate-manage-token").body(event(slug()))
                .post("/api/v1/events").then().statusCode(401);
        String forged = "fp1." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("admin\norganizer\n9999999999".getBytes()) + ".AAAA";
        given().auth().oauth2(forged).get("/api/v1/staff").then().statusCode(401);
    }

    @Test
    void doorStaffMayNotListStaff() {
        asDoor().get("/api/v1/staff").then().statusCode(403).body("code", is("auth.forbidden"));
    }
}
