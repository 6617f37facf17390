package org.forumpass.web;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The delegate's forms accept only posts from this service's own pages; links and cookies do not trust the request. */
@QuarkusTest
class FormSafetyTest {
    private static final String EVIL = "https://evil.example";

    private static String forum() {
        Map<String, Object> e = event(slug());
        e.put("retentionDays", 10);
        return createEvent(e);
    }

    private static Map<String, String> form(String email) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("givenName", "Mohammed");
        f.put("familyName", "Hassan");
        f.put("email", email);
        f.put("country", "EG");
        f.put("organization", "Cairo University");
        f.put("category", "ACADEMIC");
        f.put("language", "en");
        f.put("consent", "true");
        return f;
    }

    private static RequestSpecification post() {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    private static String sameOrigin() {
        return "http://localhost:" + RestAssured.port;
    }

    /** Registers through the page from its own origin and opens the link; answers {id, cookie, Set-Cookie}. */
    private static String[] registerAndOpen(String slug) {
        Response submitted = post().header("Origin", sameOrigin()).formParams(form(email()))
                .post("/events/" + slug + "/register?lang=en");
        submitted.then().statusCode(303);
        String link = submitted.header("Location");
        String id = link.replaceAll(".*/r/([^?]+).*", "$1");
        Response opened = given().redirects().follow(false).get(link.substring(link.indexOf("/r/")));
        opened.then().statusCode(303);
        return new String[] {id, opened.cookie("fp_m_" + id), opened.header("Set-Cookie")};
    }

    @Test
    void aRegistrationFormPostedFromAnotherSiteIsRefusedAndStoresNothing() {
        String slug = forum();
        post().header("Origin", EVIL).formParams(form(email())).post("/events/" + slug + "/register?lang=en").then()
                .statusCode(403).contentType(containsString("text/html"))
                .body(containsString("This form was sent from another site"));
        post().header("Referer", EVIL + "/prize.html").formParams(form(email())).post("/events/" + slug + "/register")
                .then().statusCode(403);
        post().header("Origin", "null").formParams(form(email())).post("/events/" + slug + "/register").then().statusCode(403);
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().body("total", is(0));
    }

    @Test
    void aRegistrationFormPostedFromTheServicesOwnPageIsAccepted() {
        String slug = forum();
        post().header("Origin", sameOrigin()).formParams(form(email())).post("/events/" + slug + "/register").then()
                .statusCode(303).header("Location", containsString("/r/"));
        post().header("Referer", sameOrigin() + "/events/" + slug).formParams(form(email()))
                .post("/events/" + slug + "/register").then().statusCode(303);
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().body("total", is(2));
    }

    @Test
    void aCancelPostedFromAnotherSiteIsRefusedAndTheSameFromTheManagePageWorks() {
        String slug = forum();
        String[] d = registerAndOpen(slug);
        post().cookie("fp_m_" + d[0], d[1]).header("Origin", EVIL).formParam("action", "cancel").formParam("confirm", "on")
                .post("/r/" + d[0]).then().statusCode(403).body(containsString("This form was sent from another site"));
        asOrganizer().get("/api/v1/registrations/" + d[0]).then().body("status", is("CONFIRMED"));

        post().cookie("fp_m_" + d[0], d[1]).header("Origin", sameOrigin()).formParam("action", "cancel")
                .formParam("confirm", "on").post("/r/" + d[0]).then().statusCode(303);
        asOrganizer().get("/api/v1/registrations/" + d[0]).then().body("status", is("CANCELLED"));
    }

    @Test
    void theManageCookieLastsUntilTheEventsDataIsErasedAndIsNotSecureOverPlainHttp() {
        String slug = forum();
        String setCookie = registerAndOpen(slug)[2];
        Matcher m = Pattern.compile("(?i)Max-Age=(\\d+)").matcher(setCookie);
        assertTrue(m.find(), setCookie);
        long maxAge = Long.parseLong(m.group(1));
        // the event ends about 30 days from now and keeps its delegates' data 10 days more
        assertTrue(maxAge > 39L * 86400 && maxAge <= 41L * 86400, "Max-Age " + maxAge);
        assertFalse(setCookie.toLowerCase().contains("secure"), setCookie);
    }

    @Test
    void theManageLinkOnThePageComesFromTheConfiguredAddressNotFromAForgedHostHeader() {
        String slug = forum();
        String[] d = registerAndOpen(slug);
        given().header("Host", "evil.example").cookie("fp_m_" + d[0], d[1]).get("/r/" + d[0] + "?lang=en").then()
                .statusCode(200)
                .body(containsString("://localhost:"))
                .body(containsString("/r/" + d[0] + "?t="))
                .body(not(containsString("evil.example")));
    }
}
