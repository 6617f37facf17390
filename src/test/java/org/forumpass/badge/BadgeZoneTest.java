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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Issue 16: a badge prints a band for each access zone its delegate's category opens, and still scans. */
@QuarkusTest
class BadgeZoneTest {

    private static Map<String, Object> zone(String code, String color, List<String> categories) {
        Map<String, Object> z = new LinkedHashMap<>();
        z.put("code", code);
        z.put("name", Map.of("en", code.charAt(0) + code.substring(1).toLowerCase()));
        z.put("color", color);
        z.put("categories", categories);
        return z;
    }

    private static String forum() {
        Map<String, Object> e = event(slug());
        e.put("zones", List.of(zone("PLENARY", "#1565C0", null), zone("VIP", "#D4AF37", List.of("GOVERNMENT", "DIPLOMATIC")),
                zone("PRESS", "#C62828", List.of("MEDIA", "STAFF")), zone("EXHIBITION", "#2E7D32", List.of())));
        return createEvent(e);
    }

    /** The badge PDF of a new confirmed delegate of {@code category}, and the badge's code. */
    private static Object[] badge(String slug, String category, String familyName) {
        Map<String, Object> body = delegate(email());
        body.put("category", category);
        body.put("familyName", familyName);
        Map<String, Object> r = register(slug, body);
        String token = (String) r.get("manageToken");
        String code = given().auth().oauth2(token).get("/api/v1/registrations/" + r.get("id")).then().statusCode(200)
                .extract().path("badge.code");
        byte[] pdf = given().get("/api/v1/registrations/" + r.get("id") + "/badge.pdf?t=" + token).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        return new Object[] {pdf, code};
    }

    @Test
    void eachBadgePrintsTheZonesItsCategoryOpensInOrderAndTheQrStillReads() throws Exception {
        String slug = forum();
        Object[] industry = badge(slug, "INDUSTRY", "Industry");
        try (PDDocument doc = Loader.loadPDF((byte[]) industry[0])) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("PLENARY") && text.contains("EXHIBITION"), text);
            assertFalse(text.contains("VIP") || text.contains("PRESS"), "only the zones industry may enter: " + text);
            assertTrue(text.indexOf("PLENARY") < text.indexOf("EXHIBITION"), "in the organizer's order: " + text);
            // printed in black and white: the codes are text on white labels, and the QR still reads
            assertEquals(industry[1], decodePage(doc, ImageType.GRAY), "the QR on a black-and-white print of the badge");
        }
        Object[] minister = badge(slug, "GOVERNMENT", "Minister");
        try (PDDocument doc = Loader.loadPDF((byte[]) minister[0])) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("PLENARY") && text.contains("VIP") && text.contains("EXHIBITION"), text);
            assertFalse(text.contains("PRESS"), text);
            assertEquals(minister[1], decodePage(doc, ImageType.RGB), "the QR in colour");
        }

        badge(slug, "MEDIA", "Reporter");
        byte[] all = asOrganizer().get("/api/v1/events/" + slug + "/badges.pdf?category=MEDIA").then().statusCode(200)
                .header("X-Badge-Count", "1").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(all)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("PRESS") && text.contains("PLENARY") && !text.contains("VIP"), "bulk print: " + text);
        }
    }

    @Test
    void aBadgeOfAnEventWithoutZonesPrintsNoBand() throws Exception {
        String slug = createEvent(event(slug()));
        Object[] plain = badge(slug, "INDUSTRY", "Plain");
        try (PDDocument doc = Loader.loadPDF((byte[]) plain[0])) {
            String text = new PDFTextStripper().getText(doc);
            assertFalse(text.contains("PLENARY"), text);
            assertEquals(plain[1], decodePage(doc, ImageType.RGB));
        }
    }

    /**
     * The QR of the document's first page as a scanner reads a print: at 200 dpi, or at 300 where ZXing's whole-page
     * detector misses it at 200 (about one code in 150, whatever drew it).
     */
    private static String decodePage(PDDocument doc, ImageType type) throws Exception {
        try {
            return decode(new PDFRenderer(doc).renderImageWithDPI(0, 200, type));
        } catch (com.google.zxing.NotFoundException e) {
            return decode(new PDFRenderer(doc).renderImageWithDPI(0, 300, type));
        }
    }

    private static String decode(BufferedImage image) throws Exception {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.QR_CODE));
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                hints).getText();
    }
}
