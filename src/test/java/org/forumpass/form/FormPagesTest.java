package org.forumpass.form;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asOrganizer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** issue 14, item 1: the event's own fields on the registration page and the manage page. */
@QuarkusTest
class FormPagesTest {
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private static Map<String, String> form(String email) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("givenName", "Zhaoxing");
        f.put("familyName", "Li");
        f.put("email", email);
        f.put("country", "CN");
        f.put("organization", "外交部");
        f.put("category", "INDUSTRY");
        f.put("language", "zh");
        f.put("consent", "true");
        return f;
    }

    @Test
    void thePublicFormDrawsEachFieldByTypeInThePageLanguage() {
        String slug = FormApiTest.eventWithForm(FormApiTest.everyType());
        String zh = given().get("/events/" + slug + "?lang=zh").then().statusCode(200).extract().asString();
        assertTrue(zh.contains("<label for=\"answer-diet\">饮食需求 *</label>"), "required for everyone is marked");
        assertTrue(zh.contains("<option value=\"vegetarian\">素食</option>"), "options in Chinese");
        assertTrue(zh.contains("<p class=\"hint\" id=\"answer-diet-hint\">供餐饮安排</p>"), "help text");
        assertTrue(zh.contains("以下类别必填：政府"), "required for some categories is said so: " + zh.substring(zh.indexOf("answer-passport_name")));
        assertTrue(zh.contains("name=\"answers.topics\" value=\"cloud\""), "a checkbox per option");
        assertTrue(zh.contains("type=\"date\"") && zh.contains("name=\"answers.arrival\""), "a date input");
        assertTrue(zh.contains("type=\"radio\" id=\"answer-visa\" name=\"answers.visa\" value=\"true\""), "yes/no as radios");
        assertTrue(zh.contains("<textarea id=\"answer-bio\" name=\"answers.bio\""), "long text as a text area");
        assertTrue(zh.contains("<select id=\"answer-home\" name=\"answers.home\"") && zh.contains("<option value=\"CZ\">捷克</option>"),
                "countries in the page language");
        assertTrue(zh.contains("type=\"email\"") && zh.contains("name=\"answers.assistant_phone\" type=\"tel\""), "e-mail and phone inputs");
        given().get("/events/" + slug + "?lang=en").then().statusCode(200)
                .body(containsString("<label for=\"answer-diet\">Dietary needs *</label>"))
                .body(containsString("Required for: Government"));
    }

    @Test
    void aBadAnswerComesBackBesideItsFieldAndAGoodOneReachesTheManagePage() {
        String slug = FormApiTest.eventWithForm(FormApiTest.everyType());
        String email = "page-" + org.forumpass.Fixtures.unique() + "@example.org";
        Response refused = given().redirects().follow(false).contentType(FORM).formParams(form(email))
                .formParam("answers.diet", "caviar").formParam("answers.arrival", "next week")
                .post("/events/" + slug + "/register?lang=zh");
        refused.then().statusCode(400);
        String html = refused.asString();
        assertTrue(html.contains("<p class=\"error\" id=\"answer-diet-error\">请为“饮食需求”选择所给选项之一</p>"), "the option error beside diet");
        assertTrue(html.contains("aria-describedby=\"answer-diet-hint answer-diet-error\""), "the error is linked to the select");
        assertTrue(html.contains("id=\"answer-arrival-error\""), "the date error beside arrival");
        assertTrue(html.contains("<a href=\"#answer-diet\">请为“饮食需求”选择所给选项之一</a>"), "the summary names the field by its label and links to it");
        assertTrue(html.contains("value=\"next week\""), "what was typed stays");

        Response accepted = given().redirects().follow(false).contentType(FORM).formParams(form(email))
                .formParam("answers.diet", "halal").formParam("answers.topics", "ai", "cloud")
                .formParam("answers.visa", "true").formParam("answers.arrival", "2026-05-14")
                .post("/events/" + slug + "/register?lang=zh");
        accepted.then().statusCode(303);
        String link = accepted.header("Location");
        String id = link.replaceAll(".*/r/([^?]+).*", "$1");
        Response opened = given().redirects().follow(false).get(link.substring(link.indexOf("/r/")));
        String cookie = opened.cookie("fp_m_" + id);
        asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200)
                .body("answers.diet", org.hamcrest.Matchers.is("halal"))
                .body("answers.visa", org.hamcrest.Matchers.is(true));

        String manage = given().cookie("fp_m_" + id, cookie).get("/r/" + id + "?lang=en").then().statusCode(200)
                .extract().asString();
        assertTrue(manage.contains("<dt>Dietary needs</dt><dd class=\"answer\" dir=\"auto\">Halal</dd>"), "answers shown");
        assertTrue(manage.contains("<option value=\"halal\" selected>Halal</option>"), "the answer is chosen in the form");
        assertTrue(manage.contains("name=\"answers.topics\" value=\"cloud\" checked"), "multi-choice answers ticked");

        // the delegate changes the answer on the manage page; a bad one is refused beside its field
        Map<String, String> change = new LinkedHashMap<>(form(email));
        change.remove("consent");
        change.remove("category");
        change.put("action", "update");
        given().redirects().follow(false).contentType(FORM).cookie("fp_m_" + id, cookie).formParams(change)
                .formParam("answers.diet", "").post("/r/" + id + "?lang=en").then().statusCode(400)
                .body(containsString("<p class=\"error\" id=\"answer-diet-error\">Answer “Dietary needs”</p>"));
        given().redirects().follow(false).contentType(FORM).cookie("fp_m_" + id, cookie).formParams(change)
                .formParam("answers.diet", "vegetarian").formParam("answers.visa", "false")
                .post("/r/" + id + "?lang=en").then().statusCode(303);
        asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200)
                .body("answers.diet", org.hamcrest.Matchers.is("vegetarian"))
                .body("answers.visa", org.hamcrest.Matchers.is(false))
                .body("answers.topics", not(org.hamcrest.Matchers.hasItem("ai")));
        assertEquals(200, given().get("/events/" + slug).statusCode());
    }
}
