package org.forumpass.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Issue 17: the registration form's messages and summary, the privacy notice, the link sent again, and the manage page. */
@QuarkusTest
class RegistrationFormPagesTest {
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @Inject
    MockMailbox mailbox;

    private static String forum(Integer retentionDays) {
        Map<String, Object> e = event(slug());
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30);
        e.put("sessions", List.of(session("KEYNOTE", start)));
        e.put("retentionDays", retentionDays);
        return createEvent(e);
    }

    private static Map<String, String> form(String email) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("givenName", "Zhaoxing");
        f.put("familyName", "Li");
        f.put("nativeName", "李肇星");
        f.put("email", email);
        f.put("country", "CN");
        f.put("organization", "外交部");
        f.put("category", "GOVERNMENT");
        f.put("language", "en");
        f.put("consent", "true");
        return f;
    }

    private static RequestSpecification page() {
        return given().redirects().follow(false).contentType(FORM);
    }

    /** The summary's lines: the text of each link, top to bottom, and where it leads. */
    private static List<String> summary(String html) {
        String box = html.substring(html.indexOf("id=\"form-errors\""), html.indexOf("</div>", html.indexOf("id=\"form-errors\"")));
        Matcher m = Pattern.compile("<li><a href=\"#([^\"]+)\">([^<]+)</a></li>").matcher(box);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1) + " " + m.group(2));
        }
        return out;
    }

    @Test
    void theSummaryListsHumanMessagesInTheFormsOrderEachLinkingToItsField() {
        String slug = forum(null);
        Map<String, String> f = form("not-an-address");
        f.remove("givenName");
        f.remove("country");
        f.remove("consent");
        f.put("familyName", "李");
        String html = page().formParams(f).post("/events/" + slug + "/register?lang=en").then().statusCode(400).extract().asString();
        assertEquals(List.of(
                "givenName Enter your given name in Latin letters, as in your passport",
                "familyName Write your family name in Latin letters, as in your passport, e.g. Wang. Put “李” in “Name in your own script”.",
                "email Enter an e-mail address like name@example.org",
                "country Choose your country or region",
                "consent Tick the box to agree to the privacy notice: we cannot register you without it"), summary(html));
        assertTrue(html.contains("<p class=\"suggest\" id=\"familyName-suggest\">From your name in your own script, in Latin letters: Li"),
                "the Latin form of the native name is offered beside the family name");
        assertTrue(html.contains("data-suggest-for=\"familyName\" data-value=\"Li\""), html);
        assertTrue(html.contains("value=\"李\""), "what was typed is kept, not replaced");
        assertFalse(html.contains("must not be"), "no validator jargon");

        String zh = page().formParams(f).post("/events/" + slug + "/register?lang=zh").then().statusCode(400).extract().asString();
        assertEquals(List.of(
                "givenName 请按护照用拉丁字母填写名",
                "familyName 请按护照用拉丁字母填写姓，例如 Wang。“李”请填在“本国文字姓名”中。",
                "email 请按 name@example.org 的格式填写电子邮箱地址",
                "country 请选择国家或地区",
                "consent 请勾选同意隐私声明，否则无法为您报名"), summary(zh));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().body("total", org.hamcrest.Matchers.is(0));
    }

    @Test
    void theConsentLinksToThePrivacyNoticeWithTheEventsRetention() {
        String slug = forum(90);
        given().get("/events/" + slug + "?lang=en").then().statusCode(200)
                .body(containsString("href=\"/events/" + slug + "/privacy?lang=en\" target=\"_blank\" rel=\"noopener\" id=\"privacy-link\""))
                .body(containsString("href=\"/events/" + slug + "/link?lang=en\" id=\"resend-link\">Send me my link again</a>"));
        String en = given().get("/events/" + slug + "/privacy?lang=en").then().statusCode(200).extract().asString();
        assertTrue(en.contains("<h1>Privacy notice</h1>"), en);
        assertTrue(en.contains("id=\"privacy-version\">Test Forum " + slug + " · Version "), "the version the consent names");
        assertTrue(en.contains("Your personal data is erased 90 days after the forum ends, on "), en);
        String zh = given().get("/events/" + slug + "/privacy?lang=zh").then().statusCode(200).extract().asString();
        assertTrue(zh.contains("<h1>隐私声明</h1>") && zh.contains("您的个人数据将在论坛结束 90 天后"), zh);
        given().get("/events/" + forum(null) + "/privacy?lang=en").then().statusCode(200)
                .body(containsString("The organizers keep your personal data until they erase this forum"));
    }

    @Test
    void theLinkPageAnswersTheSameForAKnownAndAnUnknownAddressAndSendsTheLink() {
        String slug = forum(null);
        String known = email();
        Response submitted = page().formParams(form(known)).post("/events/" + slug + "/register?lang=en");
        String id = submitted.header("Location").replaceAll(".*/r/([^?]+).*", "$1");
        given().get("/events/" + slug + "/link?lang=en").then().statusCode(200)
                .body(containsString("<h1>Send me my link again</h1>")).body(containsString("id=\"email\""));
        String unknown = email();
        String a = page().formParam("email", known).post("/events/" + slug + "/link?lang=en").then().statusCode(200).extract().asString();
        String b = page().formParam("email", unknown).post("/events/" + slug + "/link?lang=en").then().statusCode(200).extract().asString();
        assertEquals(a.replace(known, "ADDRESS"), b.replace(unknown, "ADDRESS"), "the same page, registered or not");
        assertTrue(a.contains("<h1>Check your e-mail</h1>"), a);
        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.getMailsSentTo(known).size() == 2);
        assertTrue(mailbox.getMailsSentTo(known).get(1).getText().contains("/r/" + id + "?t="), "the mail carries the link");
        page().formParam("email", "nope").post("/events/" + slug + "/link?lang=en").then().statusCode(400)
                .body(containsString("id=\"email-error\">Enter an e-mail address like name@example.org"));
        // a link that no longer opens offers to send it again
        given().get("/r/" + id + "?lang=en").then().statusCode(403)
                .body(containsString("href=\"/events/" + slug + "/link?lang=en\" id=\"message-link\">Send me my link again"));
    }

    @Test
    void theManagePageNamesTheFullNameHasOneHeadingEachAndNoTokenInImageOrPdfUrls() throws Exception {
        String slug = forum(null);
        Response submitted = page().formParams(form(email())).post("/events/" + slug + "/register?lang=en");
        String link = submitted.header("Location");
        String id = link.replaceAll(".*/r/([^?]+).*", "$1");
        Response opened = given().redirects().follow(false).get(link.substring(link.indexOf("/r/")));
        String cookie = opened.cookie("fp_m_" + id);
        String setCookie = opened.header("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax") && setCookie.contains("Path=/r/" + id), setCookie);

        byte[] jpeg = jpeg();
        given().cookie("fp_m_" + id, cookie).contentType("image/jpeg").body(jpeg).put("/r/" + id + "/photo").then().statusCode(200);
        String html = given().cookie("fp_m_" + id, cookie).get("/r/" + id + "?lang=en").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<dt>Full name</dt><dd id=\"shown-name\">Zhaoxing Li</dd>"), "the full name row says so");
        assertEquals(1, count(html, "<h1"), "one h1");
        List<String> h2 = new ArrayList<>();
        Matcher m = Pattern.compile("<h2[^>]*>([^<]+)</h2>").matcher(html);
        while (m.find()) {
            h2.add(m.group(1));
        }
        assertEquals(h2.size(), h2.stream().distinct().count(), "no heading twice: " + h2);
        assertFalse(h2.contains("Your registration"), "the h1's words are not repeated by a section: " + h2);
        Matcher urls = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        while (urls.find()) {
            assertFalse(urls.group(1).matches(".*[?&](t|token)=.*"), "a token in a URL: " + urls.group(1));
        }
        assertTrue(html.contains("src=\"/r/" + id + "/badge.png\"") && html.contains("href=\"/r/" + id + "/badge.pdf\""), html);
        assertTrue(html.contains("src=\"/r/" + id + "/photo\""), "the photo by the cookie");

        given().cookie("fp_m_" + id, cookie).get("/r/" + id + "/badge.png").then().statusCode(200).contentType("image/png");
        byte[] pdf = given().cookie("fp_m_" + id, cookie).get("/r/" + id + "/badge.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        given().cookie("fp_m_" + id, cookie).get("/r/" + id + "/photo").then().statusCode(200).contentType("image/jpeg");
        given().get("/r/" + id + "/badge.png").then().statusCode(403);
        given().cookie("fp_m_" + id, "forged").get("/r/" + id + "/badge.pdf").then().statusCode(403);
        given().get("/r/" + id + "/photo").then().statusCode(403);
    }

    private static int count(String s, String what) {
        return s.split(Pattern.quote(what), -1).length - 1;
    }

    private static byte[] jpeg() throws Exception {
        BufferedImage img = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x3a6ea5));
        g.fillRect(0, 0, 600, 800);
        g.setColor(new Color(0xf1c27d));
        g.fillOval(150, 160, 300, 400);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }
}
