package org.forumpass.registration;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Invisible format characters (a right-to-left override that turns "Anna" into a name that reads otherwise,
 * zero-width spaces, tag characters) are refused in every name-like field, wherever it is typed; NUL and
 * line separators are refused in e-mail addresses.
 */
@QuarkusTest
class InvisibleCharactersTest {
    private static final List<String> INVISIBLE = List.of("\u202E", "\u200B", "\uDB40\uDC41"); // RLO, ZWSP, TAG LATIN CAPITAL A
    private static final List<String> NAME_FIELDS = List.of("givenName", "familyName", "nativeName", "organization", "jobTitle");

    @Test
    void theApiRefusesEachInvisibleCharacterInEachNameField() {
        String slug = createEvent(event(slug()));
        for (String field : NAME_FIELDS) {
            for (String c : INVISIBLE) {
                Map<String, Object> body = delegate(email());
                body.put(field, "Ann" + c + "a");
                anonymous().body(body).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                        .contentType("application/problem+json").body("code", is("request.invalid"))
                        .body("violations.field", hasItem(field));
            }
        }
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().statusCode(200).body("total", is(0));
    }

    @Test
    void joinersInsideAWordStayAllowedForScriptsThatNeedThem() {
        String slug = createEvent(event(slug()));
        Map<String, Object> body = delegate(email());
        body.put("nativeName", "\u0DC1\u0DCA\u200D\u0DBB\u0DD3 \u0DBD\u0D82\u0D9A\u0DCF"); // ශ්‍රී ලංකා, with a zero-width joiner
        register(slug, body);
    }

    @Test
    void anUpdateRefusesThemToo() {
        String slug = createEvent(event(slug()));
        Map<String, Object> r = register(slug, delegate(email()));
        String id = (String) r.get("id");
        for (String field : NAME_FIELDS) {
            given().contentType("application/json").auth().oauth2((String) r.get("manageToken"))
                    .body(Map.of(field, "Ann\u202Ea")).patch("/api/v1/registrations/" + id).then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem(field));
        }
        asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200).body("givenName", is("Anna"));
    }

    @Test
    void anEmailWithANulOrALineSeparatorIsRefused() {
        String slug = createEvent(event(slug()));
        String tag = unique();
        for (String bad : List.of("a" + tag + "\u0000@example.org", "a" + tag + "@example.org\u2028", "a\u2028" + tag + "@example.org",
                "a" + tag + "@exam\u200Bple.org")) {
            Map<String, Object> body = delegate(bad);
            anonymous().body(body).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("email"));
        }
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().statusCode(200).body("total", is(0));
    }

    @Test
    void theRegistrationPageRefusesThemBesideTheField() {
        String slug = createEvent(event(slug()));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("givenName", "Ann\u202Ea").formParam("familyName", "Li").formParam("email", email())
                .formParam("country", "CN").formParam("organization", "MFA").formParam("category", "GOVERNMENT")
                .formParam("language", "en").formParam("consent", "true")
                .post("/events/" + slug + "/register?lang=en").then().statusCode(400)
                .body(containsString("id=\"givenName-error\""));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().statusCode(200).body("total", is(0));
    }

    @Test
    void anImportLineWithThemIsReportedInvalid() {
        String slug = createEvent(event(slug()));
        String tag = unique();
        String csv = "givenName,familyName,organization,country,email,category\r\n"
                + "Wei,Zhang,MIIT,CN,wei." + tag + "@gov.example,GOVERNMENT\r\n"
                + "Ann\u202Ea,Li,MFA,CN,ann." + tag + "@gov.example,GOVERNMENT\r\n"
                + "Bo,Wu\u200B,MFA,CN,bo." + tag + "@gov.example,GOVERNMENT\r\n"
                + "Cy,Ma,MFA\uDB40\uDC41,CN,cy." + tag + "@gov.example,GOVERNMENT\r\n";
        asOrganizer().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events/" + slug + "/registrations/import").then().statusCode(200)
                .body("created", is(1)).body("invalid", is(3))
                .body("report[1].errors.field", hasItem("givenName"))
                .body("report[2].errors.field", hasItem("familyName"))
                .body("report[3].errors.field", hasItem("organization"));
    }
}
