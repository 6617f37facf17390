package org.forumpass.web;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistrationPagesTest {
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private static String forum() {
        Map<String, Object> e = event(slug());
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30);
        Map<String, Object> diplo = session("DIPLO", start);
        diplo.put("restrictedTo", List.of("DIPLOMATIC", "GOVERNMENT"));
        diplo.put("title", "Consuls-general session");
        diplo.put("titleZh", "总领事专场");
        e.put("sessions", List.of(session("KEYNOTE", start), diplo));
        return createEvent(e);
    }

    private static Map<String, String> form(String email) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("givenName", "Zhaoxing");
        f.put("familyName", "Li");
        f.put("nativeName", "李肇星");
        f.put("email", email);
        f.put("phone", "+86 138 0013 8000");
        f.put("country", "CN");
        f.put("organization", "外交部");
        f.put("category", "GOVERNMENT");
        f.put("language", "zh");
        f.put("consent", "true");
        return f;
    }

    private static RequestSpecification page() {
        return given().redirects().follow(false).contentType(FORM);
    }

    /** Submits the form and follows the manage link the way a browser does; answers the id and its cookie. */
    private static String[] register(String slug, Map<String, String> form, String... sessions) {
        RequestSpecification req = page().formParams(form);
        if (sessions.length > 0) {
            req = req.formParam("sessions", (Object[]) sessions);
        }
        Response submitted = req.post("/events/" + slug + "/register?lang=zh");
        submitted.then().statusCode(303).header("Location", containsString("/r/"));
        String link = submitted.header("Location");
        Response opened = given().redirects().follow(false).get(link.substring(link.indexOf("/r/")));
        opened.then().statusCode(303).header("Location", not(containsString("t=")));
        String id = link.replaceAll(".*/r/([^?]+).*", "$1");
        String cookie = opened.cookie("fp_m_" + id);
        assertTrue(cookie != null && !cookie.isBlank(), "the manage token moves into a cookie");
        assertTrue(opened.header("Set-Cookie").contains("HttpOnly") && opened.header("Set-Cookie").contains("SameSite=Lax"),
                opened.header("Set-Cookie"));
        return new String[] {id, cookie};
    }

    @Test
    void formListsCountriesAndSessionsInThePageLanguage() {
        String slug = forum();
        given().get("/events/" + slug + "?lang=zh").then().statusCode(200)
                .body(containsString("<option value=\"HU\">匈牙利</option>"))
                .body(containsString("<option value=\"CN\">中国</option>"))
                .body(containsString("name=\"sessions\" value=\"DIPLO\""))
                .body(containsString("data-restricted=\"GOVERNMENT DIPLOMATIC\""))
                .body(containsString("总领事专场"))
                .body(containsString("隐私声明版本"));
        given().header("Accept-Language", "en-GB").get("/events/" + slug).then().statusCode(200)
                .body(containsString("<option value=\"HU\">Hungary</option>"))
                .body(containsString("Consuls-general session"));
    }

    @Test
    void badFormComesBackWithEachErrorBesideItsFieldAndStoresNothing() {
        String slug = forum();
        Map<String, String> f = form("not-an-address");
        f.remove("consent");
        f.put("phone", "12");
        page().formParams(f).post("/events/" + slug + "/register?lang=zh").then().statusCode(400)
                .body(containsString("id=\"email-error\">请按 name@example.org 的格式填写电子邮箱地址"))
                .body(containsString("id=\"consent-error\">请勾选同意隐私声明，否则无法为您报名"))
                .body(containsString("id=\"phone-error\">"))
                .body(containsString("aria-describedby=\"email-error\""))
                .body(containsString("value=\"李肇星\""))
                .body(containsString("id=\"form-errors\""));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().statusCode(200).body("total", is(0));
    }

    @Test
    void aDelegateRegistersSeesTheStatusChangesDetailsAndCancels() {
        String slug = forum();
        String[] reg = register(slug, form(email()), "KEYNOTE", "DIPLO");
        String id = reg[0];
        String cookie = reg[1];

        given().cookie("fp_m_" + id, cookie).get("/r/" + id + "?new=1&lang=zh").then().statusCode(200)
                .body(containsString("谢谢！我们已收到您的报名。"))
                .body(containsString("data-status=\"CONFIRMED\">已确认"))
                .body(containsString("李肇星"))
                .body(containsString("总领事专场"))
                .body(containsString("/r/" + id + "?t="))
                .body(containsString("id=\"badge-code\">FP2."))
                .body(containsString("href=\"/r/" + id + "/badge.pdf\""))
                .body(not(containsString("badge.pdf?t=")));

        Map<String, String> change = form(email());
        change.put("action", "update");
        change.put("phone", "+86 139 1234 5678");
        page().cookie("fp_m_" + id, cookie).formParams(change).formParam("sessions", "KEYNOTE")
                .post("/r/" + id).then().statusCode(303);
        String after = given().cookie("fp_m_" + id, cookie).get("/r/" + id + "?saved=1&lang=en").then().statusCode(200)
                .body(containsString("Your changes are saved."))
                .body(containsString("id=\"shown-phone\">+8613912345678"))
                .extract().asString();
        String seats = after.substring(after.indexOf("<ul class=\"seats\">"), after.indexOf("</ul>", after.indexOf("<ul class=\"seats\">")));
        assertTrue(seats.contains("Session KEYNOTE") && !seats.contains("Consuls-general session"), seats);

        page().cookie("fp_m_" + id, cookie).formParam("action", "cancel").post("/r/" + id + "?lang=en").then()
                .statusCode(400).body(containsString("id=\"confirm-error\">Tick the box"));
        page().cookie("fp_m_" + id, cookie).formParam("action", "cancel").formParam("confirm", "true").post("/r/" + id)
                .then().statusCode(303);
        given().cookie("fp_m_" + id, cookie).get("/r/" + id + "?lang=en").then().statusCode(200)
                .body(containsString("data-status=\"CANCELLED\">Cancelled"))
                .body(containsString("This registration is cancelled."));
        asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200).body("status", is("CANCELLED"));
    }

    @Test
    void aWrongOrMissingTokenShowsNothingOfTheRegistration() {
        String slug = forum();
        String id = register(slug, form(email()))[0];
        given().redirects().follow(false).get("/r/" + id + "?t=forged&lang=en").then().statusCode(403)
                .body(containsString("This link is not valid")).body(not(containsString("李肇星")));
        given().get("/r/" + id).then().statusCode(403).body(not(containsString("李肇星")));
        given().cookie("fp_m_" + id, "forged").get("/r/" + id).then().statusCode(403);
        page().cookie("fp_m_" + id, "forged").formParam("action", "cancel").formParam("confirm", "true")
                .post("/r/" + id).then().statusCode(403);
        asOrganizer().get("/api/v1/registrations/" + id).then().body("status", is("CONFIRMED"));
    }

    @Test
    void htmlTypedIntoAFieldIsShownAsTextNeverRun() {
        String slug = forum();
        Map<String, String> f = form(email());
        f.put("nativeName", "<script>alert(1)</script>");
        f.put("organization", "<img src=x onerror=alert(2)>");
        String[] reg = register(slug, f);
        given().cookie("fp_m_" + reg[0], reg[1]).get("/r/" + reg[0]).then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script>alert(1)")))
                .body(not(containsString("<img src=x")));
    }

    @Test
    void aSecondRegistrationWithTheSameEmailIsExplainedOnTheForm() {
        String slug = forum();
        String mail = email();
        register(slug, form(mail));
        page().formParams(form(mail.toUpperCase())).post("/events/" + slug + "/register?lang=en").then().statusCode(409)
                .body(containsString("This e-mail address is already registered for this forum."));
    }
}
