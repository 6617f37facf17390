package org.forumpass.badge;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** A name with characters that no embedded font has still prints: on its own badge and in the event's print run. */
@QuarkusTest
class BadgeGlyphTest {
    private static final String EMOJI = "\uD83D\uDE00"; // 😀
    private static final String CUNEIFORM = "\uD808\uDC00"; // 𒀀

    private static String[] registered(String slug, String given, String nativeName) {
        Map<String, Object> body = delegate(email());
        body.put("givenName", given);
        body.put("nativeName", nativeName);
        body.put("organization", "Guild " + EMOJI);
        Map<String, Object> r = register(slug, body);
        return new String[] {(String) r.get("id"), (String) r.get("manageToken")};
    }

    @Test
    void aNameWithAnEmojiAndCuneiformPrintsItsBadge() throws Exception {
        String slug = createEvent(event(slug()));
        String[] d = registered(slug, "Ana " + EMOJI, "Šulgi " + CUNEIFORM);
        byte[] pdf = given().get("/api/v1/registrations/" + d[0] + "/badge.pdf?t=" + d[1]).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Ana") && text.contains("Šulgi"), "the rest of the name prints: " + text);
        }
    }

    @Test
    void oneSuchNameAmongOthersDoesNotFailTheEventsBadges() throws Exception {
        String slug = createEvent(event(slug()));
        registered(slug, "Zhaoxing", "李肇星");
        registered(slug, "Ana " + EMOJI, "Šulgi " + CUNEIFORM);
        registered(slug, "Ivan", "Иван Петров");
        for (String layout : new String[] {"a6", "a4x4"}) {
            byte[] all = asOrganizer().get("/api/v1/events/" + slug + "/badges.pdf?layout=" + layout).then().statusCode(200)
                    .contentType("application/pdf").header("X-Badge-Count", "3").extract().asByteArray();
            try (PDDocument doc = Loader.loadPDF(all)) {
                String text = new PDFTextStripper().getText(doc);
                assertTrue(text.contains("李肇星") && text.contains("Иван Петров") && text.contains("Šulgi"), text);
            }
        }
    }
}
