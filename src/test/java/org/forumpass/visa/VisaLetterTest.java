package org.forumpass.visa;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.asDoor;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.visa.VisaFixtures.passportNumber;
import static org.forumpass.visa.VisaFixtures.settings;
import static org.forumpass.visa.VisaFixtures.visaEvent;
import static org.forumpass.visa.VisaFixtures.withPassport;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.text.Normalizer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.forumpass.Fixtures;
import org.forumpass.common.PublicUrl;
import org.junit.jupiter.api.Test;

/** Issue 15, visa invitation letters: settings, request, decision, the PDF, verification, revocation, access. */
@QuarkusTest
class VisaLetterTest {
    private static final String REFERENCE = "FPV-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}";

    @Inject
    PublicUrl publicUrl;
    @Inject
    MockMailbox mailbox;
    @Inject
    VisaLetterService letters;

    private static String letterPath(String id) {
        return "/api/v1/registrations/" + id + "/visa-letter";
    }

    @Test
    void theWholeLifeOfALetter() throws Exception {
        String slug = visaEvent("GOVERNMENT");
        // no passport on file: refused with the reason
        Map<String, Object> bare = register(slug, delegate(email()));
        given().auth().oauth2((String) bare.get("manageToken")).post(letterPath((String) bare.get("id"))).then().statusCode(409)
                .body("code", is("visa_letter.passport_missing"));
        // a registration waiting for approval: not yet
        Map<String, Object> gov = withPassport("Amina", "Diallo", null, "SN", passportNumber());
        gov.put("category", "GOVERNMENT");
        Map<String, Object> pending = register(slug, gov);
        assertEquals("PENDING", pending.get("status"));
        given().auth().oauth2((String) pending.get("manageToken")).post(letterPath((String) pending.get("id"))).then()
                .statusCode(409).body("code", is("visa_letter.not_confirmed"));

        // a confirmed delegate with a passport asks; asking again changes nothing
        String number = passportNumber();
        Map<String, Object> li = register(slug, withPassport("Zhaoxing", "Li", "李肇星", "CN", number));
        String id = (String) li.get("id");
        String token = (String) li.get("manageToken");
        String requestedAt = given().auth().oauth2(token).post(letterPath(id)).then().statusCode(200)
                .body("state", is("REQUESTED")).body("reference", nullValue()).body("registrationId", is(id))
                .extract().path("requestedAt");
        given().auth().oauth2(token).post(letterPath(id)).then().statusCode(200)
                .body("state", is("REQUESTED")).body("requestedAt", is(requestedAt));
        given().auth().oauth2(token).get(letterPath(id)).then().statusCode(200).body("state", is("REQUESTED"));
        given().auth().oauth2(token).get(letterPath(id) + ".pdf").then().statusCode(409).body("code", is("visa_letter.not_issued"));

        // only organizers decide
        asDoor().post(letterPath(id) + "/approve").then().statusCode(403);
        given().auth().oauth2(token).post(letterPath(id) + "/approve").then().statusCode(401);
        String reference = asOrganizer().post(letterPath(id) + "/approve").then().statusCode(200)
                .body("state", is("ISSUED")).body("reference", matchesPattern(REFERENCE)).body("issuedAt", notNullValue())
                .extract().path("reference");
        asOrganizer().post(letterPath(id) + "/approve").then().statusCode(200).body("reference", is(reference));
        given().auth().oauth2(token).post(letterPath(id)).then().statusCode(200).body("state", is("ISSUED"))
                .body("reference", is(reference));

        // the delegate is told, in their language, with the link to their page
        String to = (String) asOrganizer().get("/api/v1/registrations/" + id).then().extract().path("email");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.getMailsSentTo(to).stream()
                .anyMatch(m -> m.getSubject().startsWith("Your visa invitation letter")));
        Mail mail = mailbox.getMailsSentTo(to).stream().filter(m -> m.getSubject().startsWith("Your visa invitation letter"))
                .findFirst().orElseThrow();
        assertTrue(mail.getText().contains(reference) && mail.getText().contains("/r/" + id + "?t="), mail.getText());

        // the letter: one A4 page, both languages, the passport's details, the names as entered, the QR of the verification URL
        byte[] pdf = given().auth().oauth2(token).get(letterPath(id) + ".pdf").then().statusCode(200)
                .contentType("application/pdf").header("Cache-Control", containsString("no-store")).extract().asByteArray();
        String url = publicUrl.base() + "/api/v1/visa-letters/" + reference;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 0.5);
            assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 0.5);
            String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFKC);
            for (String want : List.of("Invitation Letter for a Visa Application", "签证邀请函", "Passport number", "护照号码",
                    number, "Zhaoxing Li", "李肇星", "23 April 1979", "1979年4月23日", "Organizing Committee of the Test Forum",
                    "测试论坛组委会", "Chen Hua", "Secretary-General", "秘书长", "Test Forum " + slug, "测试论坛",
                    "Grand Ballroom", "plenary sessions", "参加论坛全体会议", reference, "China", "中国")) {
                assertTrue(text.contains(want), want + " in the letter's text:\n" + text);
            }
            assertEquals(url, qr(new PDFRenderer(doc).renderImageWithDPI(0, 200)), "the printed QR code");
        }

        // the public verification: initials and the last four only
        String answer = anonymous().get("/api/v1/visa-letters/" + reference).then().statusCode(200)
                .body("valid", is(true)).body("state", is("ISSUED")).body("reference", is(reference))
                .body("holder", is("Z. L.")).body("passportNumberLast4", is(number.substring(number.length() - 4)))
                .body("event.name", is("Test Forum " + slug)).body("event.nameZh", is("测试论坛"))
                .body("issuedOn", notNullValue())
                .extract().asString();
        assertFalse(answer.contains(number) || answer.contains("Zhaoxing") || answer.contains("李肇星") || answer.contains("1979"),
                answer);
        anonymous().get("/api/v1/visa-letters/" + reference.toLowerCase()).then().statusCode(200).body("valid", is(true));

        // organizers' downloads are audited
        asOrganizer().get(letterPath(id) + ".pdf").then().statusCode(200);
        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=VISA_LETTER_DOWNLOADED").then().statusCode(200)
                .body("total", is(1)).body("items[0].subject", is(id)).body("items[0].actor", is("admin"));
        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=VISA_LETTER_ISSUED").then().statusCode(200)
                .body("total", is(1)).body("items[0].detail", is(reference));
        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=VISA_LETTER_REQUESTED").then().statusCode(200)
                .body("total", is(1)).body("items[0].actor", is("delegate"));

        // the registration is cancelled: the letter is revoked
        given().auth().oauth2(token).delete("/api/v1/registrations/" + id).then().statusCode(200);
        anonymous().get("/api/v1/visa-letters/" + reference).then().statusCode(200)
                .body("valid", is(false)).body("state", is("REVOKED")).body("holder", is("Z. L."));
        asOrganizer().get(letterPath(id)).then().statusCode(200).body("state", is("REVOKED")).body("revokedAt", notNullValue());
        asOrganizer().get(letterPath(id) + ".pdf").then().statusCode(409).body("code", is("visa_letter.not_issued"));
    }

    @Test
    void aRejectedLetterCanBeAskedForAgain() {
        String slug = visaEvent();
        Map<String, Object> d = register(slug, withPassport("Ivan", "Petrov", "Иван Петров", "RU", passportNumber()));
        String id = (String) d.get("id");
        String token = (String) d.get("manageToken");
        asOrganizer().post(letterPath(id) + "/approve").then().statusCode(404).body("code", is("visa_letter.not_found"));
        given().auth().oauth2(token).post(letterPath(id)).then().statusCode(200).body("state", is("REQUESTED"));

        asOrganizer().body(Map.of("reason", " ")).post(letterPath(id) + "/reject").then().statusCode(400)
                .body("violations[0].field", is("reason")).body("violations[0].code", is("required"));
        asOrganizer().body(Map.of("reason", "x".repeat(501))).post(letterPath(id) + "/reject").then().statusCode(400)
                .body("violations[0].code", is("size"));
        asDoor().body(Map.of("reason", "No")).post(letterPath(id) + "/reject").then().statusCode(403);
        asOrganizer().body(Map.of("reason", "The dates of your passport do not cover the forum")).post(letterPath(id) + "/reject")
                .then().statusCode(200).body("state", is("REJECTED"))
                .body("rejectionReason", is("The dates of your passport do not cover the forum")).body("reference", nullValue());
        given().auth().oauth2(token).get(letterPath(id)).then().statusCode(200).body("state", is("REJECTED"))
                .body("rejectionReason", is("The dates of your passport do not cover the forum"));
        asOrganizer().post(letterPath(id) + "/approve").then().statusCode(409).body("code", is("visa_letter.not_requested"));
        asOrganizer().body(Map.of("reason", "again")).post(letterPath(id) + "/reject").then().statusCode(409)
                .body("code", is("visa_letter.not_requested"));

        given().auth().oauth2(token).post(letterPath(id)).then().statusCode(200).body("state", is("REQUESTED"))
                .body("rejectionReason", nullValue());
        asOrganizer().post(letterPath(id) + "/approve").then().statusCode(200).body("state", is("ISSUED"));
        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=VISA_LETTER_REJECTED").then().statusCode(200)
                .body("total", is(1)).body("items[0].detail", is("The dates of your passport do not cover the forum"));
    }

    @Test
    void onlyTheRegistrationsOwnTokenAndOrganizersOfTheEventReachTheLetter() {
        String slug = visaEvent();
        Map<String, Object> mine = register(slug, withPassport("Mei", "Wang", "王梅", "CN", passportNumber()));
        Map<String, Object> other = register(slug, withPassport("Ola", "Nordmann", null, "NO", passportNumber()));
        String id = (String) mine.get("id");
        String stranger = (String) other.get("manageToken");
        given().auth().oauth2(stranger).post(letterPath(id)).then().statusCode(403).body("code", is("auth.forbidden"));
        given().auth().oauth2((String) mine.get("manageToken")).post(letterPath(id)).then().statusCode(200);
        given().auth().oauth2(stranger).get(letterPath(id)).then().statusCode(403);
        asOrganizer().post(letterPath(id) + "/approve").then().statusCode(200);
        given().auth().oauth2(stranger).get(letterPath(id) + ".pdf").then().statusCode(403);
        anonymous().get(letterPath(id) + ".pdf").then().statusCode(401);
        asDoor().get(letterPath(id) + ".pdf").then().statusCode(403);
        asDoor().get("/api/v1/events/" + slug + "/visa-letters").then().statusCode(403);
        String elsewhere = Fixtures.staffToken("organizer", List.of(createEvent(event(slug()))));
        given().auth().oauth2(elsewhere).get(letterPath(id)).then().statusCode(403).body("code", is("auth.event_not_in_scope"));
        given().auth().oauth2(elsewhere).post(letterPath(id) + "/approve").then().statusCode(403);
        given().auth().oauth2(elsewhere).get("/api/v1/events/" + slug + "/visa-letters").then().statusCode(403);
        given().auth().oauth2(elsewhere).get("/api/v1/events/" + slug + "/visa-letter").then().statusCode(403);
        // an organizer may ask on the delegate's behalf
        String theirs = (String) other.get("id");
        asOrganizer().post(letterPath(theirs)).then().statusCode(200).body("state", is("REQUESTED"));
    }

    @Test
    void anUnknownReferenceIsNotFoundAndAnEventWithoutLettersRefusesThem() {
        anonymous().get("/api/v1/visa-letters/FPV-0000-0000-0000-0000").then().statusCode(404)
                .contentType("application/problem+json").body("code", is("visa_letter.not_found"));
        String slug = createEvent(event(slug()));
        asOrganizer().get("/api/v1/events/" + slug + "/visa-letter").then().statusCode(200).body("enabled", is(false));
        Map<String, Object> d = register(slug, withPassport("Ana", "Silva", null, "BR", passportNumber()));
        given().auth().oauth2((String) d.get("manageToken")).post(letterPath((String) d.get("id"))).then().statusCode(409)
                .body("code", is("visa_letter.disabled"));
    }

    @Test
    void settingsNeedEveryPartInBothLanguagesWhenEnabled() {
        String slug = createEvent(event(slug()));
        asOrganizer().body(Map.of("enabled", true, "issuer", Map.of("name", Map.of("en", "Committee")),
                        "purpose", Map.of("en", "x".repeat(501), "zh", "会议")))
                .put("/api/v1/events/" + slug + "/visa-letter").then().statusCode(400)
                .body("code", is("request.invalid"))
                .body("violations.field", is(List.of("issuer.address.en", "issuer.address.zh", "issuer.name.zh",
                        "issuer.signatory", "issuer.title.en", "issuer.title.zh", "purpose.en")))
                .body("violations.find { it.field == 'purpose.en' }.code", is("size"))
                .body("violations.find { it.field == 'issuer.signatory' }.code", is("required"));
        // disabled: parts may be missing, yet not too long nor invisible
        asOrganizer().body(Map.of("enabled", false, "issuer", Map.of("signatory", "Chen\u202EHua")))
                .put("/api/v1/events/" + slug + "/visa-letter").then().statusCode(400)
                .body("violations[0].field", is("issuer.signatory")).body("violations[0].code", is("control_characters"));
        asOrganizer().body(Map.of("enabled", false)).put("/api/v1/events/" + slug + "/visa-letter").then().statusCode(200)
                .body("enabled", is(false));
        asOrganizer().body(settings()).put("/api/v1/events/" + slug + "/visa-letter").then().statusCode(200)
                .body("enabled", is(true)).body("issuer.name.zh", is("测试论坛组委会"))
                .body("issuer.address.en", is("1 Century Avenue\nPudong, Shanghai 200120, China"))
                .body("issuer.signatory", is("Chen Hua")).body("purpose.zh", is("参加论坛全体会议和分论坛。"));
        asOrganizer().get("/api/v1/events/" + slug + "/visa-letter").then().statusCode(200)
                .body("issuer.title.en", is("Secretary-General"));
        anonymous().get("/api/v1/events/" + slug + "/visa-letter").then().statusCode(401);
        asDoor().body(settings()).put("/api/v1/events/" + slug + "/visa-letter").then().statusCode(403);
        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=VISA_LETTER_SETTINGS").then().statusCode(200)
                .body("total", is(2));
    }

    @Test
    void theEventTakesItsVisaLetterOnCreateAndUpdateAndShowsItToItsOrganizersOnly() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("visaLetter", settings());
        asOrganizer().body(e).post("/api/v1/events").then().statusCode(201)
                .body("visaLetter.enabled", is(true)).body("visaLetter.issuer.signatory", is("Chen Hua"));
        asOrganizer().get("/api/v1/events/" + slug).then().statusCode(200).body("visaLetter.issuer.name.zh", is("测试论坛组委会"));
        anonymous().get("/api/v1/events/" + slug).then().statusCode(200).body("$", not(org.hamcrest.Matchers.hasKey("visaLetter")))
                .body(not(containsString("Chen Hua")));
        asDoor().get("/api/v1/events/" + slug).then().statusCode(200).body(not(containsString("Chen Hua")));
        String elsewhere = Fixtures.staffToken("organizer", List.of(createEvent(event(slug()))));
        given().auth().oauth2(elsewhere).get("/api/v1/events/" + slug).then().statusCode(200).body(not(containsString("Chen Hua")));

        // an update without it leaves it; a bad one is refused with the event's other violations
        e.remove("visaLetter");
        e.put("name", "Renamed Forum");
        asOrganizer().body(e).put("/api/v1/events/" + slug).then().statusCode(200)
                .body("name", is("Renamed Forum")).body("visaLetter.enabled", is(true));
        e.put("visaLetter", Map.of("enabled", true, "issuer", Map.of("name", Map.of("en", "Committee", "zh", "组委会"))));
        e.put("capacity", 0);
        asOrganizer().body(e).put("/api/v1/events/" + slug).then().statusCode(400)
                .body("violations.field", hasItems("capacity", "visaLetter.issuer.signatory", "visaLetter.purpose.zh"));
        e.put("capacity", 100);
        e.put("visaLetter", "yes");
        asOrganizer().body(e).put("/api/v1/events/" + slug).then().statusCode(400).body("violations[0].field", is("visaLetter"));
        e.put("visaLetter", Map.of("enabled", false));
        asOrganizer().body(e).put("/api/v1/events/" + slug).then().statusCode(200).body("visaLetter.enabled", is(false));
        asOrganizer().get("/api/v1/events/" + slug + "/visa-letter").then().statusCode(200).body("enabled", is(false))
                .body("issuer.name.en", nullValue()).body("issuer.signatory", nullValue()); // replaced as a whole
    }

    @Test
    void organizersListLettersRequestedFirstAndDelegationsGetThemInBulk() throws Exception {
        String slug = visaEvent();
        String[][] people = {{"Zhaoxing", "Li", "李肇星", "CN"}, {"Ivan", "Petrov", "Иван Петров", "RU"},
                {"Mohamed", "Ali", "محمد علي", "EG"}, {"Somchai", "Srisuk", "สมชาย ศรีสุข", "TH"}};
        List<String> ids = new java.util.ArrayList<>();
        for (String[] p : people) {
            Map<String, Object> d = register(slug, withPassport(p[0], p[1], p[2], p[3], passportNumber()));
            ids.add((String) d.get("id"));
            given().auth().oauth2((String) d.get("manageToken")).post(letterPath((String) d.get("id"))).then().statusCode(200);
        }
        asOrganizer().body(Map.of("reason", "Not needed")).post(letterPath(ids.get(3)) + "/reject").then().statusCode(200);
        asOrganizer().post(letterPath(ids.get(0)) + "/approve").then().statusCode(200);
        String notAsked = (String) register(slug, withPassport("Ana", "Silva", null, "BR", passportNumber())).get("id");

        asOrganizer().get("/api/v1/events/" + slug + "/visa-letters").then().statusCode(200)
                .body("total", is(4))
                .body("items.state", is(List.of("REQUESTED", "REQUESTED", "ISSUED", "REJECTED")))
                .body("items[0].registrationId", is(ids.get(1))).body("items[0].nativeName", is("Иван Петров"))
                .body("items[3].rejectionReason", is("Not needed"));
        asOrganizer().get("/api/v1/events/" + slug + "/visa-letters?state=ISSUED").then().statusCode(200)
                .body("total", is(1)).body("items[0].registrationId", is(ids.get(0)))
                .body("items[0].reference", matchesPattern(REFERENCE));
        asOrganizer().get("/api/v1/events/" + slug + "/visa-letters?state=LOST&size=0").then().statusCode(400)
                .body("violations.field", is(List.of("size", "state")));

        // the delegation's service calls: issue every requested letter among them, then one PDF of the issued ones
        List<String> delegation = List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3), notAsked);
        assertEquals(2, letters.approveAll(delegation, "admin"), "the two requested letters are issued now");
        assertEquals(0, letters.approveAll(delegation, "admin"), "nothing is left to issue");
        byte[] pdf = letters.pdf(delegation);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(3, doc.getNumberOfPages(), "one page per issued letter");
            PDFTextStripper strip = new PDFTextStripper();
            for (int i = 0; i < 3; i++) {
                strip.setStartPage(i + 1);
                strip.setEndPage(i + 1);
                String text = Normalizer.normalize(strip.getText(doc), Normalizer.Form.NFKC);
                String latin = people[i][0] + " " + people[i][1];
                String want = Normalizer.normalize(people[i][2], Normalizer.Form.NFKC);
                assertTrue(text.contains(latin), latin + " on page " + (i + 1) + ":\n" + text);
                boolean found = text.contains(want) || text.contains(new StringBuilder(want).reverse().toString())
                        || text.replace(" ", "").contains(want.replace(" ", ""));
                assertTrue(found, want + " on page " + (i + 1) + ":\n" + text);
            }
        }
        asOrganizer().get("/api/v1/events/" + slug + "/visa-letters?state=REQUESTED").then().statusCode(200).body("total", is(0));
    }

    @Test
    void erasureRevokesTheLetterAndForgetsTheHolder() {
        String slug = visaEvent();
        String number = passportNumber();
        Map<String, Object> d = register(slug, withPassport("Nuwan", "Perera", "නුවන් පෙරේරා", "LK", number));
        String id = (String) d.get("id");
        given().auth().oauth2((String) d.get("manageToken")).post(letterPath(id)).then().statusCode(200);
        String reference = asOrganizer().post(letterPath(id) + "/approve").then().statusCode(200).extract().path("reference");
        anonymous().get("/api/v1/visa-letters/" + reference).then().statusCode(200).body("holder", is("N. P."));
        asOrganizer().post("/api/v1/registrations/" + id + "/erase").then().statusCode(200);
        String answer = anonymous().get("/api/v1/visa-letters/" + reference).then().statusCode(200)
                .body("valid", is(false)).body("state", is("REVOKED"))
                .body("holder", nullValue()).body("passportNumberLast4", nullValue()).extract().asString();
        assertFalse(answer.contains(number.substring(number.length() - 4)), answer);
    }

    @Test
    void aLetterIsNotPrintedOnceThePassportWasReplacedByAnotherDocument() {
        String slug = visaEvent();
        Map<String, Object> d = register(slug, withPassport("Mei", "Wang", "王梅", "CN", passportNumber()));
        String id = (String) d.get("id");
        String token = (String) d.get("manageToken");
        given().auth().oauth2(token).post(letterPath(id)).then().statusCode(200);
        asOrganizer().post(letterPath(id) + "/approve").then().statusCode(200);
        Map<String, Object> card = VisaFixtures.passport("G12345678", "CN");
        card.put("documentType", "NATIONAL_ID");
        given().auth().oauth2(token).contentType("application/json").body(Map.of("identity", card))
                .patch("/api/v1/registrations/" + id).then().statusCode(200).body("identity.documentType", is("NATIONAL_ID"));
        given().auth().oauth2(token).get(letterPath(id) + ".pdf").then().statusCode(409)
                .body("code", is("visa_letter.passport_missing")).body(not(containsString("G12345678")));
        org.junit.jupiter.api.Assertions.assertThrows(org.forumpass.common.error.DomainException.class,
                () -> letters.pdf(List.of(id)), "the delegation's file leaves it out, and so has no page");
    }

    @Test
    void initialsTakeTheFirstLetterOfEachLatinName() {
        assertEquals("A. M. N.", VisaLetterService.initials("Anna Maria", "Novák"));
        assertEquals("J. G. D.", VisaLetterService.initials("jean-Guy", "Durand"));
        assertNotEquals(VisaReference.next(), VisaReference.next());
        assertEquals("FPV-0011-ABCD-EFGH-JKMN", VisaReference.normalise(" fpv-OOIL-abcd-efgh-jkmn "));
    }

    /**
     * The QR code in the page's bottom right corner, as a phone reads it. Like a phone, which sees many frames at
     * slightly different scales, it tries the corner as it is, as a pure code, and at two other scales, then the page
     * (ZXing's finder misses a few synthetic images at one exact scale; see BadgeTest).
     */
    static String qr(BufferedImage page) throws Exception {
        double px = page.getWidth() / PDRectangle.A4.getWidth();
        int x = (int) Math.round(VisaLetterPdf.QR_X * px) - 4;
        int y = (int) Math.round((PDRectangle.A4.getHeight() - VisaLetterPdf.QR_Y - VisaLetterPdf.QR) * px) - 4;
        int side = (int) Math.round(VisaLetterPdf.QR * px) + 8;
        BufferedImage corner = page.getSubimage(x, y, side, side);
        for (BufferedImage candidate : List.of(corner, scaled(corner, 0.8), scaled(corner, 1.25), page)) {
            for (boolean pure : new boolean[] {false, true}) {
                Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
                hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
                hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
                if (pure) {
                    hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
                }
                try {
                    return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new BufferedImageLuminanceSource(candidate))), hints).getText();
                } catch (NotFoundException e) {
                    // the next try
                }
            }
        }
        throw NotFoundException.getNotFoundInstance();
    }

    private static BufferedImage scaled(BufferedImage image, double factor) {
        int w = (int) Math.round(image.getWidth() * factor);
        int h = (int) Math.round(image.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
