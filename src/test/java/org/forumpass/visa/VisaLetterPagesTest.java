package org.forumpass.visa;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.visa.VisaFixtures.passportNumber;
import static org.forumpass.visa.VisaFixtures.visaEvent;
import static org.forumpass.visa.VisaFixtures.withPassport;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Issue 15: the manage page's visa letter section, its Request form and its cookie-checked download. */
@QuarkusTest
class VisaLetterPagesTest {
    /** Follows the e-mailed link as a browser does; answers the manage cookie. */
    private static String open(String id, String token) {
        String cookie = given().redirects().follow(false).get("/r/" + id + "?t=" + token).then().statusCode(303)
                .extract().cookie("fp_m_" + id);
        assertTrue(cookie != null && !cookie.isBlank());
        return cookie;
    }

    private static String page(String id, String cookie, String lang) {
        return given().cookie("fp_m_" + id, cookie).get("/r/" + id + "?lang=" + lang).then().statusCode(200)
                .extract().asString();
    }

    private static void has(String html, String... parts) {
        for (String part : parts) {
            assertTrue(html.contains(part), part + " in the page:\n" + section(html));
        }
    }

    /** The visa section of the page (for messages). */
    private static String section(String html) {
        int at = html.indexOf("id=\"visa\"");
        return at < 0 ? "(no visa section)" : html.substring(at, Math.min(html.length(), at + 2500));
    }

    @Test
    void theDelegateRequestsOnTheirPageAndDownloadsTheIssuedLetterWithTheirCookie() throws Exception {
        String slug = visaEvent();
        String number = passportNumber();
        Map<String, Object> d = register(slug, withPassport("Mei", "Wang", "王梅", "CN", number));
        String id = (String) d.get("id");
        String cookie = open(id, (String) d.get("manageToken"));

        String before = page(id, cookie, "zh");
        has(before, "<h2 id=\"visa-title\">签证邀请函</h2>", "id=\"visa-state\" data-state=\"NONE\">未申请<",
                "<button type=\"submit\" id=\"visa-request\">申请邀请函</button>");

        given().redirects().follow(false).cookie("fp_m_" + id, cookie).post("/r/" + id + "/visa-letter?lang=zh").then()
                .statusCode(303).header("Location", is("/r/" + id + "?visa=requested&lang=zh#visa"));
        String requested = given().cookie("fp_m_" + id, cookie).get("/r/" + id + "?visa=requested&lang=zh")
                .then().statusCode(200).extract().asString();
        has(requested, "data-state=\"REQUESTED\"", "id=\"visa-requested\">您的申请已提交给主办方。<");
        assertTrue(!requested.contains("id=\"visa-request\""), "no button while the letter waits");
        given().cookie("fp_m_" + id, cookie).get("/r/" + id + "/visa-letter.pdf").then().statusCode(409)
                .body("code", is("visa_letter.not_issued"));

        String reference = asOrganizer().post("/api/v1/registrations/" + id + "/visa-letter/approve").then().statusCode(200)
                .extract().path("reference");
        String issued = page(id, cookie, "en");
        has(issued, "data-state=\"ISSUED\">Issued<", "id=\"visa-reference\">" + reference + "<",
                "href=\"/r/" + id + "/visa-letter.pdf\" id=\"visa-pdf\""); // no token in the link
        byte[] pdf = given().cookie("fp_m_" + id, cookie).get("/r/" + id + "/visa-letter.pdf").then()
                .statusCode(200).contentType("application/pdf").header("Content-Disposition", containsString("attachment"))
                .extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(new PDFTextStripper().getText(doc).contains(number));
        }
        // without the cookie, or with another registration's, nothing
        given().get("/r/" + id + "/visa-letter.pdf").then().statusCode(403).body(not(containsString(number)));
        Map<String, Object> other = register(slug, withPassport("Ola", "Nordmann", null, "NO", passportNumber()));
        String otherCookie = open((String) other.get("id"), (String) other.get("manageToken"));
        given().cookie("fp_m_" + id, otherCookie).get("/r/" + id + "/visa-letter.pdf").then().statusCode(403);
        given().redirects().follow(false).cookie("fp_m_" + id, otherCookie).post("/r/" + id + "/visa-letter").then().statusCode(403);
        // a form sent from another site's page is refused
        given().redirects().follow(false).cookie("fp_m_" + id, cookie).header("Origin", "https://evil.example")
                .post("/r/" + id + "/visa-letter").then().statusCode(403);
    }

    @Test
    void theButtonSaysWhyALetterCannotBeAskedForAndEventsWithoutLettersShowNoSection() {
        String slug = visaEvent("GOVERNMENT");
        Map<String, Object> bare = register(slug, delegate(email()));
        String id = (String) bare.get("id");
        String cookie = open(id, (String) bare.get("manageToken"));
        String page = page(id, cookie, "en");
        has(page, "id=\"visa-refusal\">To request a letter, first add your passport as your identity document below.<",
                "id=\"visa-request\" disabled aria-describedby=\"visa-refusal\">Request a letter<");
        // the form is refused all the same if sent: back to the page, which still says why
        given().redirects().follow(false).cookie("fp_m_" + id, cookie).post("/r/" + id + "/visa-letter?lang=en").then()
                .statusCode(303).header("Location", endsWith("/r/" + id + "?lang=en#visa"));

        Map<String, Object> gov = withPassport("Amina", "Diallo", null, "SN", passportNumber());
        gov.put("category", "GOVERNMENT");
        Map<String, Object> pending = register(slug, gov);
        String pid = (String) pending.get("id");
        has(page(pid, open(pid, (String) pending.get("manageToken")), "zh"), "id=\"visa-refusal\">报名确认后方可申请邀请函。<");

        String plain = createEvent(event(slug()));
        Map<String, Object> other = register(plain, withPassport("Ana", "Silva", null, "BR", passportNumber()));
        String oid = (String) other.get("id");
        String none = page(oid, open(oid, (String) other.get("manageToken")), "en");
        assertTrue(none.contains("id=\"photo\"") && !none.contains("id=\"visa\""), "no visa section where the event issues no letters");
    }
}
