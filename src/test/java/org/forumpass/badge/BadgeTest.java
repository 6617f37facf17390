package org.forumpass.badge;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.asDoor;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.unique;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BadgeTest {
    @Inject
    BadgeKeys keys;
    @Inject
    EntityManager em;

    private static String forum() {
        Map<String, Object> e = event(slug());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        e.put("startsAt", now.minusHours(1).toString());
        e.put("endsAt", now.plusDays(2).toString());
        Map<String, Object> plenary = session("PLENARY", now.minusMinutes(10));
        plenary.put("capacity", null);
        e.put("sessions", List.of(plenary));
        e.put("approvalRequiredFor", List.of("MEDIA"));
        return createEvent(e);
    }

    /** Registers and answers {id, manageToken, code}. */
    private static String[] confirmed(String slug, Map<String, Object> body) {
        Map<String, Object> r = register(slug, body);
        String id = (String) r.get("id");
        String token = (String) r.get("manageToken");
        String code = given().auth().oauth2(token).get("/api/v1/registrations/" + id).then().statusCode(200)
                .body("badge.serial", is(1)).extract().path("badge.code");
        return new String[] {id, token, code};
    }

    /**
     * What a phone's scanner reads. Like a phone, which sees many frames at slightly different scales,
     * the test tries the image as it is, then as a pure code, then at two other scales (ZXing's finder
     * misses about one synthetic image in a hundred at one exact scale).
     */
    private static String decode(BufferedImage image, boolean pure) throws Exception {
        List<BufferedImage> tries = List.of(image, scaled(image, 0.8), scaled(image, 1.25));
        for (BufferedImage candidate : tries) {
            for (boolean asPure : pure ? new boolean[] {false, true} : new boolean[] {false}) {
                Map<com.google.zxing.DecodeHintType, Object> hints = new java.util.EnumMap<>(com.google.zxing.DecodeHintType.class);
                hints.put(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE);
                hints.put(com.google.zxing.DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.QR_CODE));
                if (asPure) {
                    hints.put(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE);
                }
                try {
                    return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new BufferedImageLuminanceSource(candidate))), hints).getText();
                } catch (com.google.zxing.NotFoundException e) {
                    // next try
                }
            }
        }
        throw com.google.zxing.NotFoundException.getNotFoundInstance();
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

    private static JsonPath scan(String slug, String code) {
        return asDoor().body(Map.of("code", code, "deviceId", "door-" + unique(), "nonce", unique(), "session", "PLENARY"))
                .post("/api/v1/events/" + slug + "/scans").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aConfirmedDelegatesQrCodeReadsBackToTheSignedCodeWithoutPersonalData() throws Exception {
        String slug = forum();
        String[] d = confirmed(slug, delegate(email()));
        String code = d[2];
        assertTrue(code.startsWith("FP2.") && code.length() <= 120, code);
        BadgeCodec.Payload p = BadgeCodec.read(code).orElseThrow();
        assertEquals(2, p.format());
        // the signature is random-looking text that may hold any three letters, so look at what is signed
        byte[] signed = java.util.Base64.getUrlDecoder().decode(code.split("\\.")[1]);
        String signedText = new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(signedText.contains("Nov") || signedText.contains("example"), "no personal data in the code");
        assertEquals(21, signed.length, "the signed part holds a key id, the event's tag and a random id");

        byte[] png = given().get("/api/v1/registrations/" + d[0] + "/badge.png?size=300&t=" + d[1]).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(300, image.getWidth());
        assertEquals(code, decode(image, true));
        given().auth().oauth2(d[1]).get("/api/v1/registrations/" + d[0] + "/badge.svg").then().statusCode(200)
                .contentType("image/svg+xml");

        JsonPath jwks = anonymous().get("/api/v1/events/" + slug + "/badge-keys").then().statusCode(200)
                .body("format", is("FP2")).body("keys[0].crv", is("Ed25519")).extract().jsonPath();
        String x = jwks.getString("keys.find { it.kid == '" + p.kid() + "' }.x");
        assertTrue(BadgeCodec.verify(code, keys.publicKey(x)), "the published key verifies the code offline");
        assertEquals(p.eventTag(), jwks.getString("eventTag"));
        assertTrue(jwks.get("eventId") == null, "no FP1 badge in this event: its database key is not published");
    }

    /** The registration's and event's database keys, which no badge code may carry. */
    private long[] databaseKeys(String registrationId) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select r.id, r.event_id from registration r where r.public_id = ?1").setParameter(1, registrationId)
                .getSingleResult());
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    private static boolean holds(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void badgeCodesOfConsecutiveRegistrationsHoldNoDatabaseKeyAndNothingSequential() {
        String slug = forum();
        String[] first = confirmed(slug, delegate(email()));
        String[] second = confirmed(slug, delegate(email()));
        byte[] a = Base64.getUrlDecoder().decode(first[2].split("\\.")[1]);
        byte[] b = Base64.getUrlDecoder().decode(second[2].split("\\.")[1]);
        for (String[] d : List.of(first, second)) {
            byte[] payload = d == first ? a : b;
            long[] keysOf = databaseKeys(d[0]);
            for (long key : keysOf) {
                assertFalse(holds(payload, ByteBuffer.allocate(8).putLong(key).array()), "a database key (long) " + key);
                assertFalse(holds(payload, ByteBuffer.allocate(4).putInt((int) key).array()), "a database key (int) " + key);
            }
        }
        // the same key id and event tag; the rest, a 128-bit badge id, differs by far more than a counter would
        assertArrayEquals(Arrays.copyOfRange(a, 0, 5), Arrays.copyOfRange(b, 0, 5));
        BigInteger idA = new BigInteger(1, Arrays.copyOfRange(a, 5, 21));
        BigInteger idB = new BigInteger(1, Arrays.copyOfRange(b, 5, 21));
        assertTrue(idA.subtract(idB).abs().bitLength() > 64, idA + " and " + idB);
        int same = 0;
        for (int i = 5; i < 21; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        assertTrue(same < 8, same + " of 16 bytes of the badge ids agree");
    }

    @Test
    void aBadgePrintedInTheOldFormatStillVerifiesAndScans() {
        String slug = forum();
        String[] d = confirmed(slug, delegate(email()));
        long[] keysOf = databaseKeys(d[0]);
        BadgeKeys.Signer signer = keys.signer();
        String old = BadgeCodec.encodeLegacy(new BadgeCodec.LegacyPayload(signer.kid(), keysOf[1], keysOf[0], 1), signer.key());
        assertTrue(old.startsWith("FP1.") && old.length() <= 120, old);
        // the badge as it was issued before FP2 (same row, FP1 code)
        QuarkusTransaction.requiringNew().run(() -> Badge.update("code = ?1, digest = ?2 where registrationId = ?3",
                old, BadgeCodec.digest(old), keysOf[0]));

        JsonPath jwks = anonymous().get("/api/v1/events/" + slug + "/badge-keys").then().statusCode(200)
                .body("formats", hasItem("FP1")).extract().jsonPath();
        String x = jwks.getString("keys.find { it.kid == '" + signer.kid() + "' }.x");
        assertTrue(BadgeCodec.verify(old, keys.publicKey(x)), "the published key verifies the old code");
        assertEquals(keysOf[1], jwks.getLong("eventId"), "door devices can still tell an old code's event offline");
        assertEquals("ACCEPTED", scan(slug, old).getString("result"));
        assertEquals("ALREADY_CHECKED_IN", scan(slug, old).getString("result"));
        String forged = old.substring(0, 10) + (old.charAt(10) == 'A' ? 'B' : 'A') + old.substring(11);
        assertEquals("INVALID_CODE", scan(slug, forged).getString("result"));
    }

    @Test
    void aCodeWithOneCharacterChangedNeverVerifies() {
        String slug = forum();
        String code = confirmed(slug, delegate(email()))[2];
        int kid = BadgeCodec.read(code).orElseThrow().kid();
        String x = anonymous().get("/api/v1/events/" + slug + "/badge-keys").then().extract().jsonPath()
                .getString("keys.find { it.kid == '" + kid + "' }.x");
        assertTrue(BadgeCodec.verify(code, keys.publicKey(x)), "the real code verifies with its key");
        for (int i : new int[] {4, 10, 30, 60, code.length() - 1}) {
            char c = code.charAt(i);
            // The last character holds only the signature's last 2 bits (A, Q, g or w): A to B would change none
            char other = i == code.length() - 1 ? (c == 'A' ? 'Q' : 'A') : (c == 'A' ? 'B' : 'A');
            String forged = code.substring(0, i) + other + code.substring(i + 1);
            assertFalse(BadgeCodec.verify(forged, keys.publicKey(x)), "signature of " + forged);
            assertEquals("INVALID_CODE", scan(slug, forged).getString("result"), forged);
        }
        assertEquals("ACCEPTED", scan(slug, code).getString("result"));
        assertEquals("ALREADY_CHECKED_IN", scan(slug, code).getString("result"));
    }

    @Test
    void reissueRevokesTheOldCodeAtOnceAndCancellingRevokesTheBadge() {
        String slug = forum();
        String[] d = confirmed(slug, delegate(email()));
        String fresh = asOrganizer().post("/api/v1/registrations/" + d[0] + "/badge/reissue").then().statusCode(200)
                .body("serial", is(2)).extract().path("code");
        assertNotEquals(d[2], fresh);
        assertEquals("REVOKED", scan(slug, d[2]).getString("result"));
        assertEquals("ACCEPTED", scan(slug, fresh).getString("result"));
        anonymous().get("/api/v1/events/" + slug + "/badge-keys").then().body("revoked", hasItem(BadgeCodec.digest(d[2])))
                .body("revoked", not(hasItem(BadgeCodec.digest(fresh))));

        given().auth().oauth2(d[1]).delete("/api/v1/registrations/" + d[0]).then().statusCode(200);
        JsonPath after = scan(slug, fresh);
        assertEquals("REVOKED", after.getString("result"));
        assertEquals("Novák", after.getString("delegate.familyName"));
        given().get("/api/v1/registrations/" + d[0] + "/badge.png?t=" + d[1]).then().statusCode(409)
                .contentType("application/problem+json").body("code", is("badge.not_confirmed"));
    }

    @Test
    void onlyConfirmedRegistrationsHaveBadgesAndApprovalIssuesOne() {
        String slug = forum();
        Map<String, Object> body = delegate(email());
        body.put("category", "MEDIA");
        Map<String, Object> r = register(slug, body);
        String id = (String) r.get("id");
        given().auth().oauth2((String) r.get("manageToken")).get("/api/v1/registrations/" + id + "/badge.pdf").then()
                .statusCode(409).body("code", is("badge.not_confirmed"));
        given().auth().oauth2((String) r.get("manageToken")).get("/api/v1/registrations/" + id).then().body("badge", is((Object) null));
        asOrganizer().post("/api/v1/registrations/" + id + "/approve").then().statusCode(200);
        String code = asOrganizer().get("/api/v1/registrations/" + id).then().extract().path("badge.code");
        assertEquals("ACCEPTED", scan(slug, code).getString("result"));
    }

    @Test
    void anotherEventsBadgeIsRecognisedAsSuch() {
        String a = forum();
        String b = forum();
        String code = confirmed(a, delegate(email()))[2];
        assertEquals("WRONG_EVENT", scan(b, code).getString("result"));
    }

    @Test
    void badgeFilesNeedTheDelegatesOwnTokenOrAnOrganizer() {
        String slug = forum();
        String[] mine = confirmed(slug, delegate(email()));
        String[] other = confirmed(slug, delegate(email()));
        given().get("/api/v1/registrations/" + mine[0] + "/badge.png").then().statusCode(401);
        given().get("/api/v1/registrations/" + mine[0] + "/badge.png?t=" + other[1]).then().statusCode(403);
        given().auth().oauth2(other[1]).get("/api/v1/registrations/" + mine[0] + "/badge.pdf").then().statusCode(403);
        asDoor().get("/api/v1/registrations/" + mine[0] + "/badge.pdf").then().statusCode(403);
        asOrganizer().get("/api/v1/registrations/" + mine[0] + "/badge.png").then().statusCode(200);
        // a manage token is no staff credential: organizer endpoints answer 401 to it, as everywhere
        given().auth().oauth2(mine[1]).post("/api/v1/registrations/" + mine[0] + "/badge/reissue").then().statusCode(401);
    }

    @Test
    void badgesPrintNamesInTheirOwnScriptsAndTheQrReadsBackFromThePrintedPage() throws Exception {
        String slug = forum();
        String[][] people = {{"Zhaoxing", "Li", "李肇星", "CN"}, {"Ivan", "Petrov", "Иван Петров", "RU"},
                {"Somchai", "Srisuk", "สมชาย ศรีสุข", "TH"}, {"Mohamed", "Ali", "محمد علي", "EG"},
                {"Nuwan", "Perera", "නුවන් පෙරේරා", "LK"}};
        for (String[] p : people) {
            Map<String, Object> body = delegate(email());
            body.put("givenName", p[0]);
            body.put("familyName", p[1]);
            body.put("nativeName", p[2]);
            body.put("country", p[3]);
            body.put("phone", null);
            body.put("organization", "International Telecommunication Cooperation Centre for the Digital Silk Road and Beyond");
            String[] d = confirmed(slug, body);
            byte[] pdf = given().get("/api/v1/registrations/" + d[0] + "/badge.pdf?t=" + d[1]).then().statusCode(200)
                    .contentType("application/pdf").extract().asByteArray();
            assertTrue(pdf.length < 150_000, "fonts are subset: " + pdf.length + " bytes");
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFKC);
                String want = Normalizer.normalize(p[2], Normalizer.Form.NFKC);
                boolean found = text.contains(want) || text.contains(new StringBuilder(want).reverse().toString())
                        || text.replace(" ", "").contains(want.replace(" ", ""));
                assertTrue(found, p[2] + " in the text layer of " + text);
                assertTrue(text.contains(p[0]), text);
                BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
                // the printed QR: a 38 mm square, centred, 12 mm above the bottom edge of the A6 card
                double px = 200 / 25.4;
                BufferedImage qr = page.getSubimage((int) Math.round(33.5 * px) - 2, (int) Math.round(98 * px) - 2,
                        (int) Math.round(38 * px) + 4, (int) Math.round(38 * px) + 4);
                assertEquals(d[2], decode(qr, true), "the QR on the printed page");
                assertEquals(d[2], decode(page, false), "found on the whole page too");
            }
        }
        byte[] all = asOrganizer().get("/api/v1/events/" + slug + "/badges.pdf?layout=a4x4").then().statusCode(200)
                .header("X-Badge-Count", "5").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(all)) {
            assertEquals(2, doc.getNumberOfPages(), "four badges per A4 sheet");
        }
        byte[] russians = asOrganizer().get("/api/v1/events/" + slug + "/badges.pdf?country=RU").then().statusCode(200)
                .header("X-Badge-Count", "1").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(russians)) {
            assertEquals(1, doc.getNumberOfPages());
            assertTrue(new PDFTextStripper().getText(doc).contains("Иван Петров"));
        }
        asOrganizer().get("/api/v1/events/" + slug + "/badges.pdf?category=ASTRONAUT").then().statusCode(400)
                .body("violations[0].field", is("category"));
    }

    @Test
    void aNewKeySignsNewBadgesWhileOldBadgesStayValid() {
        String slug = forum();
        String old = confirmed(slug, delegate(email()))[2];
        int kid = keys.addKey();
        String fresh = confirmed(slug, delegate(email()))[2];
        assertEquals(kid, BadgeCodec.read(fresh).orElseThrow().kid());
        assertNotEquals(kid, BadgeCodec.read(old).orElseThrow().kid());
        assertEquals("ACCEPTED", scan(slug, old).getString("result"));
        assertEquals("ACCEPTED", scan(slug, fresh).getString("result"));
        anonymous().get("/api/v1/events/" + slug + "/badge-keys").then().body("keys.kid", hasItem(Integer.toString(kid)));
    }

    @Test
    void sixtyFourDoorsScanningOneBadgeAtOnceAdmitItOnce() throws Exception {
        String slug = forum();
        String code = confirmed(slug, delegate(email()))[2];
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            int door = i;
            results.add(pool.submit(() -> {
                start.await();
                return asDoor().body(Map.of("code", code, "deviceId", "door-" + door, "nonce", unique(), "session", "PLENARY"))
                        .post("/api/v1/events/" + slug + "/scans").then().statusCode(200).extract().<String>path("result");
            }));
        }
        start.countDown();
        List<String> answers = new ArrayList<>();
        for (Future<String> f : results) {
            answers.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, answers.stream().filter("ACCEPTED"::equals).count(), answers.toString());
        assertEquals(63, answers.stream().filter("ALREADY_CHECKED_IN"::equals).count(), answers.toString());
    }
}
