package org.forumpass.registration;

import static org.awaitility.Awaitility.await;
import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 17, the registration form's API: human messages, Latin names, transliteration, and the link sent again. */
@QuarkusTest
class RegistrationFormTest {
    @Inject
    MockMailbox mailbox;

    private static String forum() {
        return createEvent(event(slug()));
    }

    @Test
    void everyBadFieldIsSaidAsAPersonWouldWithItsCodeAndFieldKept() {
        String slug = forum();
        Map<String, Object> body = delegate("not-an-address");
        body.put("givenName", "");
        body.put("familyName", null);
        body.put("country", null);
        body.put("category", null);
        body.put("consent", false);
        String answer = anonymous().body(body).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .contentType("application/problem+json").body("code", is("request.invalid"))
                .body("violations.field", hasItems("givenName", "familyName", "email", "country", "category", "consent"))
                .extract().asString();
        Response r = anonymous().body(body).post("/api/v1/events/" + slug + "/registrations");
        Map<String, String> said = new java.util.HashMap<>();
        Map<String, String> codes = new java.util.HashMap<>();
        for (Map<String, Object> v : r.jsonPath().<Map<String, Object>>getList("violations")) {
            said.put((String) v.get("field"), (String) v.get("message"));
            codes.put((String) v.get("field"), (String) v.get("code"));
        }
        assertEquals("Enter your given name in Latin letters, as in your passport", said.get("givenName"));
        assertEquals("Enter your family name in Latin letters, as in your passport", said.get("familyName"));
        assertEquals("Enter an e-mail address like name@example.org", said.get("email"));
        assertEquals("Choose your country or region", said.get("country"));
        assertEquals("Choose your delegate category", said.get("category"));
        assertEquals("Tick the box to agree to the privacy notice: we cannot register you without it", said.get("consent"));
        assertEquals("required", codes.get("category"), "the rule's code is unchanged");
        assertEquals("email", codes.get("email"));
        assertTrue(!answer.contains("must not be null") && !answer.contains("must not be blank"), answer);
    }

    @Test
    void aNameInAnotherScriptIsRefusedWithItsLatinFormSuggested() {
        String slug = forum();
        Map<String, Object> body = delegate(email());
        body.put("givenName", "伟");
        body.put("familyName", "王");
        body.put("nativeName", "王伟");
        anonymous().body(body).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .body("violations.find { it.field == 'familyName' }.code", is("latin"))
                .body("violations.find { it.field == 'familyName' }.message", is("Write your family name in Latin letters, as in"
                        + " your passport, e.g. Wang. Put “王” in “Name in your own script”. Suggested Latin form: Wang."))
                .body("violations.find { it.field == 'givenName' }.message", containsString("Suggested Latin form: Wei."));

        body.put("givenName", "Wei");
        body.put("familyName", "Wang");
        Map<String, Object> ok = register(slug, body);
        assertEquals("CONFIRMED", ok.get("status"));
        Map<String, Object> accented = delegate(email());
        accented.put("givenName", "Đặng Thị");
        accented.put("familyName", "Nováková-O'Brien");
        register(slug, accented); // Latin letters with marks are Latin
    }

    @Test
    void aDelegateCannotChangeTheirLatinNameToAnotherScript() {
        String slug = forum();
        Map<String, Object> r = register(slug, delegate(email()));
        given((String) r.get("manageToken")).body(Map.of("familyName", "Новак"))
                .patch("/api/v1/registrations/" + r.get("id")).then().statusCode(400)
                .body("violations[0].field", is("familyName")).body("violations[0].code", is("latin"))
                .body("violations[0].message", containsString("Suggested Latin form: Novak."));
    }

    private static io.restassured.specification.RequestSpecification given(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    @Test
    void transliterationGivesPinyinAndSplitsChineseNames() {
        anonymous().queryParam("text", "王伟").get("/api/v1/transliterate").then().statusCode(200)
                .body("latin", is("Wang Wei")).body("familyName", is("Wang")).body("givenName", is("Wei")).body("script", is("Han"));
        anonymous().queryParam("text", "李肇星").get("/api/v1/transliterate").then().statusCode(200)
                .body("familyName", is("Li")).body("givenName", is("Zhaoxing"));
        anonymous().queryParam("text", "Anna").get("/api/v1/transliterate").then().statusCode(200).body("latin", nullValue());
        anonymous().queryParam("text", "王".repeat(201)).get("/api/v1/transliterate").then().statusCode(400)
                .body("violations[0].field", is("text"));
        anonymous().get("/api/v1/transliterate").then().statusCode(400).body("violations[0].code", is("required"));
    }

    @Test
    void namesOfSeveralScriptsHaveALatinForm() {
        assertSuggests("欧阳修", "Ouyang", "Xiu");
        assertSuggests("吕小女", "Lyu", "Xiaonyu");
        assertSuggests("曾国藩", "Zeng", "Guofan");
        assertSuggests("Иван Петров", "Petrov", "Ivan");
        assertSuggests("Щукин Жанна", "Zhanna", "Shchukin");
        assertSuggests("阿依古丽·买买提", "Maimaiti", "Ayiguli");
        assertTrue(LatinNames.suggest("محمد علي").latin().matches("[A-Za-z ]+"), LatinNames.suggest("محمد علي").latin());
        assertTrue(LatinNames.suggest("สมชาย ใจดี").latin().matches("[A-Za-z ]+"), LatinNames.suggest("สมชาย ใจดี").latin());
        assertNull(LatinNames.suggest("Anna Novák"));
        assertTrue(LatinNames.isLatin("Øster-Đặng O'Brien"));
        assertTrue(!LatinNames.isLatin("Wang 伟"));
    }

    private static void assertSuggests(String text, String family, String given) {
        LatinNames.Suggestion s = LatinNames.suggest(text);
        assertEquals(family, s.familyName(), text);
        assertEquals(given, s.givenName(), text);
    }

    @Test
    void theLinkIsSentAgainWithTheSameAnswerForAKnownAndAnUnknownAddress() {
        String slug = forum();
        String known = email();
        Map<String, Object> body = delegate(known);
        body.put("language", "zh");
        Map<String, Object> r = register(slug, body);
        String unknown = email();

        Response a = anonymous().body(Map.of("email", known.toUpperCase())).post("/api/v1/events/" + slug + "/registrations/resend-link");
        Response b = anonymous().body(Map.of("email", unknown)).post("/api/v1/events/" + slug + "/registrations/resend-link");
        assertEquals(202, a.statusCode());
        assertEquals(202, b.statusCode());
        assertEquals(a.asString(), b.asString(), "the same answer, registered or not");
        assertTrue(a.asString().contains("If this address is registered for this forum"), a.asString());

        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.getMailsSentTo(known).size() == 2);
        Mail link = mailbox.getMailsSentTo(known).get(1);
        assertTrue(link.getSubject().startsWith("您的报名链接"), "in the delegate's language: " + link.getSubject());
        assertTrue(link.getText().contains("/r/" + r.get("id") + "?t=" + r.get("manageToken")), link.getText());
        assertTrue(link.getText().contains("您请求再次发送报名链接"), link.getText());
        assertTrue(mailbox.getMailsSentTo(unknown).isEmpty(), "nothing is sent to an address that is not registered");

        anonymous().body(Map.of("email", "nope")).post("/api/v1/events/" + slug + "/registrations/resend-link").then()
                .statusCode(400).body("violations[0].field", is("email"))
                .body("violations[0].message", is("Enter an e-mail address like name@example.org"));
        anonymous().body(Map.of("email", known)).post("/api/v1/events/no-such-" + slug + "/registrations/resend-link").then()
                .statusCode(404);
    }

    @Test
    void sendingTheLinkAgainIsLimitedPerAddressWhetherOrNotItIsRegistered() {
        String slug = forum();
        String known = email();
        register(slug, delegate(known));
        for (String address : List.of(email(), known)) {
            for (int i = 0; i < 3; i++) {
                anonymous().body(Map.of("email", address)).post("/api/v1/events/" + slug + "/registrations/resend-link")
                        .then().statusCode(202);
            }
            anonymous().body(Map.of("email", address)).post("/api/v1/events/" + slug + "/registrations/resend-link").then()
                    .statusCode(429).contentType("application/problem+json").body("code", is("registration.rate_limited"))
                    .body("detail", not(containsString(address)));
        }
    }
}
