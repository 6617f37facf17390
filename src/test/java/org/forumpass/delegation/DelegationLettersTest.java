package org.forumpass.delegation;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.visa.VisaFixtures.passportNumber;
import static org.forumpass.visa.VisaFixtures.visaEvent;
import static org.forumpass.visa.VisaFixtures.withPassport;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.forumpass.Fixtures;
import org.junit.jupiter.api.Test;

/** Issue 15: a focal point asks for its members' visa letters, organizers issue them for the delegation, one PDF holds them. */
@QuarkusTest
class DelegationLettersTest {
    @Test
    void aDelegationsLettersAreAskedIssuedAndPrintedTogether() throws Exception {
        String slug = visaEvent();
        Map<String, Object> created = asOrganizer().body(DelegationApiTest.delegation("Embassy of Egypt " + slug,
                        Map.of("DIPLOMATIC", 3)))
                .post("/api/v1/events/" + slug + "/delegations").then().statusCode(201).extract().jsonPath().getMap("");
        String id = (String) created.get("id");
        String token = (String) created.get("focalPointToken");
        String path = "/api/v1/delegations/" + id;
        String cairo = passportNumber();
        String moscow = passportNumber();
        String first = member(path, token, withPassport("Ahmed", "Hassan", "أحمد حسن", "EG", cairo));
        String second = member(path, token, withPassport("Olga", "Ivanova", "Ольга Иванова", "RU", moscow));
        String third = member(path, token, Fixtures.delegate(Fixtures.email())); // no passport on file

        // the focal point asks for each member's letter with its own link
        focal(token).post("/api/v1/registrations/" + first + "/visa-letter").then().statusCode(200).body("state", is("REQUESTED"));
        focal(token).post("/api/v1/registrations/" + second + "/visa-letter").then().statusCode(200);
        focal(token).post("/api/v1/registrations/" + third + "/visa-letter").then().statusCode(409)
                .body("code", is("visa_letter.passport_missing"));
        focal(token).get(path + "/visa-letters.pdf").then().statusCode(409).body("code", is("visa_letter.not_issued"));
        focal(token).get(path).then().body("members.find { it.id == '" + first + "' }.visaLetter.state", is("REQUESTED"))
                .body("members.find { it.id == '" + third + "' }.visaLetter", nullValue());

        // organizers issue them for the delegation at once; the focal point cannot
        focal(token).post(path + "/visa-letters/approve").then().statusCode(401);
        asOrganizer().post(path + "/visa-letters/approve").then().statusCode(200).body("issued", is(2));
        asOrganizer().post(path + "/visa-letters/approve").then().statusCode(200).body("issued", is(0));
        String reference = focal(token).get(path).then().body("members.find { it.id == '" + first + "' }.visaLetter.state", is("ISSUED"))
                .extract().path("members.find { it.id == '" + first + "' }.visaLetter.reference");

        // one PDF, a page per issued letter, each in both languages with its passport number
        byte[] pdf = focal(token).get(path + "/visa-letters.pdf").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(2, doc.getNumberOfPages());
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            String page1 = Normalizer.normalize(text.getText(doc), Normalizer.Form.NFKC);
            text.setStartPage(2);
            text.setEndPage(2);
            String page2 = Normalizer.normalize(text.getText(doc), Normalizer.Form.NFKC);
            assertTrue(page1.contains(cairo) && page1.contains("签证邀请函") && page1.contains("Ahmed Hassan"),
                    "page 1 should name Ahmed Hassan with passport " + cairo + ":\n" + page1);
            assertTrue(page2.contains(moscow) && page2.contains("Ольга Иванова"),
                    "page 2 should name Ольга Иванова with passport " + moscow + ":\n" + page2);
        }
        // another delegation's focal point gets none of it
        Map<String, Object> other = asOrganizer().body(DelegationApiTest.delegation("Embassy of Peru " + slug, Map.of("DIPLOMATIC", 1)))
                .post("/api/v1/events/" + slug + "/delegations").then().statusCode(201).extract().jsonPath().getMap("");
        focal((String) other.get("focalPointToken")).get(path + "/visa-letters.pdf").then().statusCode(403);
        focal((String) other.get("focalPointToken")).get("/api/v1/registrations/" + first + "/visa-letter.pdf").then().statusCode(403);

        // an embassy checks the letter; once the member is withdrawn it is no longer valid
        anonymous().get("/api/v1/visa-letters/" + reference).then().statusCode(200).body("valid", is(true))
                .body("passportNumberLast4", is(cairo.substring(cairo.length() - 4))).body("holder", is("A. H."));
        focal(token).delete(path + "/members/" + first).then().statusCode(200);
        anonymous().get("/api/v1/visa-letters/" + reference).then().statusCode(200).body("valid", is(false))
                .body("state", is("REVOKED"));
        try (PDDocument doc = Loader.loadPDF(focal(token).get(path + "/visa-letters.pdf").then().statusCode(200)
                .extract().asByteArray())) {
            assertEquals(1, doc.getNumberOfPages(), "the withdrawn member's letter is left out");
        }
    }

    private static String member(String path, String token, Map<String, Object> body) {
        body.put("category", "DIPLOMATIC");
        return focal(token).body(body).post(path + "/members").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.specification.RequestSpecification focal(String token) {
        return given().contentType(ContentType.JSON).auth().oauth2(token);
    }

}
