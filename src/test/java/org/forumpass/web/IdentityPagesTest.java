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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Issue 14, identity: the registration page in 中文 takes a passport, the manage page shows it masked and replaces it. */
@QuarkusTest
class IdentityPagesTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    private static String forum() {
        Map<String, Object> e = event(slug());
        e.put("identityRequiredFor", List.of("GOVERNMENT"));
        return createEvent(e);
    }

    private static Map<String, String> form(String email, String number) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("givenName", "Zhaoxing");
        f.put("familyName", "Li");
        f.put("nativeName", "李肇星");
        f.put("email", email);
        f.put("country", "CN");
        f.put("organization", "外交部");
        f.put("category", "GOVERNMENT");
        f.put("language", "zh");
        f.put("consent", "true");
        f.put("identity.documentType", "PASSPORT");
        f.put("identity.number", number);
        f.put("identity.issuingCountry", "CN");
        f.put("identity.nationality", "CN");
        f.put("identity.expiresOn", LocalDate.now().plusYears(6).toString());
        f.put("identity.dateOfBirth", "1940-10-03");
        return f;
    }

    private static RequestSpecification page() {
        return given().redirects().follow(false).contentType(FORM);
    }

    private static String number() {
        return "G" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    @Test
    void theChinesePageAsksForTheDocumentAndSaysWhy() {
        String slug = forum();
        given().get("/events/" + slug + "?lang=zh").then().statusCode(200)
                .body(containsString("<legend>身份证件</legend>"))
                .body(containsString("加密保存"))
                .body(containsString("以下类别必须填写：政府"))
                .body(containsString("<label for=\"identity-number\">证件号码</label>"))
                .body(containsString("<label for=\"identity-nationality\">国籍</label>"))
                .body(containsString("<option value=\"PASSPORT\">护照</option>"))
                .body(containsString("id=\"identity-dateOfBirth\" name=\"identity.dateOfBirth\" type=\"date\""));
    }

    @Test
    void aDelegateRegistersInChineseWithAPassportAndSeesItMasked() {
        String slug = forum();
        String number = number();
        String spaced = number.substring(0, 3) + " " + number.substring(3);
        Response submitted = page().formParams(form(email(), spaced)).post("/events/" + slug + "/register?lang=zh");
        submitted.then().statusCode(303).header("Location", containsString("/r/"));
        String link = submitted.header("Location");
        String id = link.replaceAll(".*/r/([^?]+).*", "$1");
        Response opened = given().redirects().follow(false).get(link.substring(link.indexOf("/r/")));
        String cookie = opened.cookie("fp_m_" + id);
        assertTrue(cookie != null && !cookie.isBlank());

        String masked = number.substring(0, 3) + "*****" + number.charAt(number.length() - 1);
        given().cookie("fp_m_" + id, cookie).get("/r/" + id + "?lang=zh").then().statusCode(200)
                .body(containsString("护照 <span class=\"mono\">" + masked + "</span>"))
                .body(not(containsString(number))).body(not(containsString("1940-10-03")));
        asOrganizer().get("/api/v1/registrations/" + id + "/identity").then().statusCode(200)
                .body("number", is(number)).body("dateOfBirth", is("1940-10-03")).body("nationality", is("CN"));

        // the delegate replaces it on the manage page; a bad one comes back beside its field, in Chinese
        String replaced = number();
        Map<String, String> change = form(email(), replaced);
        change.remove("category");
        change.remove("consent");
        change.remove("email");
        change.put("identity.expiresOn", LocalDate.now().plusDays(3).toString());
        page().cookie("fp_m_" + id, cookie).formParams(change).post("/r/" + id + "?lang=zh").then().statusCode(400)
                .body(containsString("id=\"identity-expiresOn-error\">您的证件在论坛结束（"))
                .body(containsString("aria-describedby=\"identity-expiresOn-error\""));
        asOrganizer().get("/api/v1/registrations/" + id + "/identity").then().body("number", is(number));
        change.put("identity.expiresOn", LocalDate.now().plusYears(3).toString());
        change.put("identity.documentType", "TRAVEL_PERMIT");
        page().cookie("fp_m_" + id, cookie).formParams(change).post("/r/" + id + "?lang=zh").then().statusCode(303);
        asOrganizer().get("/api/v1/registrations/" + id + "/identity").then()
                .body("number", is(replaced)).body("documentType", is("TRAVEL_PERMIT"));
    }

    @Test
    void aGovernmentDelegateWithoutADocumentIsToldSoAndNothingIsStored() {
        String slug = forum();
        Map<String, String> f = form(email(), "");
        f.keySet().removeIf(k -> k.startsWith("identity."));
        page().formParams(f).post("/events/" + slug + "/register?lang=zh").then().statusCode(400)
                .body(containsString("id=\"identity-error\">请填写护照、身份证或通行证：您的代表类别须提供有效期至论坛结束的证件"))
                .body(containsString("<a href=\"#identity-fields\">请填写护照、身份证或通行证"));
        Map<String, String> bad = form(email(), "12");
        page().formParams(bad).post("/events/" + slug + "/register?lang=zh").then().statusCode(400)
                .body(containsString("id=\"identity-number-error\">请填写证件号码：5 至 20 位字母和数字（空格和连字符不计）"))
                .body(containsString("value=\"12\""));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().statusCode(200).body("total", is(0));
    }
}
