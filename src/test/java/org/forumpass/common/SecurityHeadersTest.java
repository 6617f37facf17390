package org.forumpass.common;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a browser is told about every answer: where scripts may come from, and not to keep personal data. */
@QuarkusTest
class SecurityHeadersTest {

    private static void privatePage(io.restassured.response.Response response) {
        ValidatableResponse r = response.then();
        r.statusCode(200).header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Cache-Control", is("no-store"))
                .header("Strict-Transport-Security", nullValue());
    }

    /** The manage link moves its token into a cookie (a 303 that must not be stored either), then the page. */
    private static io.restassured.response.Response managePage(String id, String token) {
        io.restassured.response.Response link = given().redirects().follow(false).get("/r/" + id + "?t=" + token);
        link.then().statusCode(303).header("Cache-Control", is("no-store"))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        return given().cookie("fp_m_" + id, link.cookie("fp_m_" + id)).get("/r/" + id);
    }

    @Test
    void pagesAndPersonalAnswersCarryThePolicyAndAreNotStored() {
        String slug = createEvent(event(slug()));
        Map<String, Object> reg = register(slug, delegate(email()));
        String id = (String) reg.get("id");
        String token = (String) reg.get("manageToken");

        privatePage(given().get("/"));
        privatePage(given().get("/events/" + slug));
        privatePage(given().get("/admin"));
        privatePage(given().get("/door"));
        privatePage(managePage(id, token));
        privatePage(given().auth().oauth2(token).get("/api/v1/registrations/" + id));
        privatePage(asOrganizer().get("/api/v1/events/" + slug + "/registrations"));
        privatePage(asOrganizer().get("/api/v1/events/" + slug + "/exports/delegates.csv"));
        privatePage(asOrganizer().get("/api/v1/events/" + slug + "/exports/delegates.xlsx"));
        anonymous().get("/api/v1/registrations/" + id).then().statusCode(401)
                .header("Cache-Control", is("no-store")).header("Content-Security-Policy", containsString("default-src 'self'"));
    }

    @Test
    void theSiteOwnScriptsMayBeCachedAndNoPageHasInlineScript() {
        given().get("/door/door.js").then().statusCode(200).header("Cache-Control", not(is("no-store")));
        String slug = createEvent(event(slug()));
        Map<String, Object> reg = register(slug, delegate(email()));
        for (String page : new String[] {"/", "/events/" + slug, "/admin", "/door", "manage"}) {
            io.restassured.response.Response r = page.equals("manage")
                    ? managePage((String) reg.get("id"), (String) reg.get("manageToken")) : given().get(page);
            String html = r.then().statusCode(200).extract().asString();
            // a JSON data block (the scripts' texts) is data the browser never runs; any other <script> needs a src
            org.junit.jupiter.api.Assertions.assertFalse(html.matches("(?s).*<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>.*"),
                    page + " has an inline script");
            org.junit.jupiter.api.Assertions.assertFalse(html.matches("(?s).*\\son[a-z]+=\".*"), page + " has an inline event handler");
            org.junit.jupiter.api.Assertions.assertFalse(html.matches("(?s).*\\sstyle=\".*"), page + " has an inline style");
            org.junit.jupiter.api.Assertions.assertFalse(html.contains("javascript:"), page + " has a javascript: URL");
        }
    }

    @Test
    void withAnHttpPublicUrlThereIsNoHsts() {
        given().get("/").then().statusCode(200).header("Strict-Transport-Security", nullValue());
    }
}
