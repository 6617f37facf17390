package org.forumpass.badge;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the event's badges come as one streamed PDF, drawn by several threads: a page per delegate, each with that
 * delegate's name in every script and a QR code that reads back to that delegate's badge code, and the same bytes
 * whether one thread or four drew the pages.
 */
@QuarkusTest
class BadgeBulkTest {
    @Inject
    BadgePrinting printing;

    private static final String[][] PEOPLE = {{"Zhaoxing", "Li", "李肇星", "CN"}, {"Ivan", "Petrov", "Иван Петров", "RU"},
            {"Somchai", "Srisuk", "สมชาย ศรีสุข", "TH"}, {"Mohamed", "Ali", "محمد علي", "EG"},
            {"Nuwan", "Perera", "නුවන් පෙරේරා", "LK"}, {"Ana", "Novák", "Anna Nováková", "CZ"}};

    private static String text(PDDocument doc, int page) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page + 1);
        stripper.setEndPage(page + 1);
        return Normalizer.normalize(stripper.getText(doc), Normalizer.Form.NFKC);
    }

    private static boolean shows(String text, String name) {
        String want = Normalizer.normalize(name, Normalizer.Form.NFKC);
        return text.contains(want) || text.contains(new StringBuilder(want).reverse().toString())
                || text.replace(" ", "").contains(want.replace(" ", ""));
    }

    /** The QR code on the page, read as a phone would: from the whole page, at one print resolution or another. */
    private static String qr(PDFRenderer renderer, int page) throws Exception {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        com.google.zxing.ReaderException last = null;
        for (int dpi : new int[] {150, 200}) {
            BufferedImage image = renderer.renderImageWithDPI(page, dpi);
            try {
                return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                        hints).getText();
            } catch (com.google.zxing.ReaderException e) {
                last = e;
            }
        }
        throw last;
    }

    @Test
    void everyBadgeOnItsOwnPageWithItsNameAndAQrOfItsCodeAndTheSameBytesFromOneThreadOrFour() throws Exception {
        String slug = createEvent(event(slug()));
        Map<String, String[]> byCode = new HashMap<>();
        int n = 12;
        for (int i = 0; i < n; i++) {
            String[] p = PEOPLE[i % PEOPLE.length];
            Map<String, Object> body = delegate(email());
            body.put("givenName", p[0] + i);
            body.put("familyName", p[1]);
            body.put("nativeName", p[2]);
            body.put("country", p[3]);
            Map<String, Object> r = register(slug, body);
            String code = given().auth().oauth2((String) r.get("manageToken")).get("/api/v1/registrations/" + r.get("id"))
                    .then().statusCode(200).extract().path("badge.code");
            assertNotNull(code, "a confirmed delegate has a badge");
            byCode.put(code, new String[] {p[0] + i, p[2]});
        }

        byte[] pdf = asOrganizer().get("/api/v1/events/" + slug + "/badges.pdf").then().statusCode(200)
                .contentType("application/pdf").header("X-Badge-Count", Integer.toString(n)).extract().asByteArray();
        Set<String> seen = new HashSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(n, doc.getNumberOfPages(), "one A6 page per badge");
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int page = 0; page < n; page++) {
                String code = qr(renderer, page);
                String[] who = byCode.get(code);
                assertNotNull(who, "page " + (page + 1) + "'s QR is a delegate's badge code: " + code);
                assertTrue(seen.add(code), "no badge twice: " + code);
                String text = text(doc, page);
                assertTrue(text.contains(who[0]) && shows(text, who[1]), "page " + (page + 1) + " names " + who[0] + " / "
                        + who[1] + ": " + text);
            }
        }
        assertEquals(byCode.keySet(), seen, "every delegate's badge is in the file");

        // the same cards drawn by one thread and by four: the same bytes, and those the endpoint sent
        List<BadgePdf.Card> cards = printing.print(slug, null, null, null);
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        BadgePdf.write(cards, BadgePdf.Layout.A6, one, 1);
        ByteArrayOutputStream four = new ByteArrayOutputStream();
        BadgePdf.write(cards, BadgePdf.Layout.A6, four, 4);
        assertArrayEquals(one.toByteArray(), four.toByteArray(), "one thread or four: the same PDF");
        assertArrayEquals(pdf, one.toByteArray(), "the endpoint's PDF is that PDF");
        ByteArrayOutputStream sheetsOne = new ByteArrayOutputStream();
        BadgePdf.write(cards, BadgePdf.Layout.A4X4, sheetsOne, 1);
        ByteArrayOutputStream sheetsFour = new ByteArrayOutputStream();
        BadgePdf.write(cards, BadgePdf.Layout.A4X4, sheetsFour, 4);
        assertArrayEquals(sheetsOne.toByteArray(), sheetsFour.toByteArray(), "four to a sheet: the same PDF too");
        try (PDDocument doc = Loader.loadPDF(sheetsFour.toByteArray())) {
            assertEquals(3, doc.getNumberOfPages(), "twelve badges, four to an A4 sheet");
        }
    }
}
