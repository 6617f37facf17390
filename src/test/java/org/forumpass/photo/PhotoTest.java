package org.forumpass.photo;

import static io.restassured.RestAssured.given;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PhotoTest {

    /** An event happening now whose INDUSTRY delegates need an accepted photo; SPEAKERs need approval too. */
    static String photoEvent() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        e.put("startsAt", now.minusHours(1).toString());
        e.put("endsAt", now.plusDays(30).toString());
        e.put("photoRequiredFor", List.of("INDUSTRY", "SPEAKER"));
        e.put("approvalRequiredFor", List.of("SPEAKER"));
        Map<String, Object> plenary = session("PLENARY", now.minusMinutes(10));
        plenary.put("capacity", null);
        e.put("sessions", List.of(plenary));
        return createEvent(e);
    }

    static Response upload(String id, String token, String type, byte[] body, String crop) {
        var req = given().auth().oauth2(token).contentType(type).body(body);
        if (crop != null) {
            req = req.queryParam("crop", crop);
        }
        return req.put("/api/v1/registrations/" + id + "/photo");
    }

    static Map<String, Object> registered(String slug) {
        return register(slug, delegate(email()));
    }

    static byte[] stored(String id, String size) {
        return asOrganizer().queryParam("size", size).get("/api/v1/registrations/" + id + "/photo.jpg").then().statusCode(200)
                .header("Cache-Control", "private, no-store").contentType("image/jpeg").extract().asByteArray();
    }

    static BufferedImage decode(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    static void nothingStored(String id) {
        asOrganizer().get("/api/v1/registrations/" + id + "/photo.jpg").then().statusCode(404).body("code", is("photo.not_found"));
        asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200).body("photo", nullValue());
    }

    @Test
    void eventCarriesPhotoRequiredFor() {
        String slug = photoEvent();
        asOrganizer().get("/api/v1/events/" + slug).then().statusCode(200)
                .body("photoRequiredFor", is(List.of("INDUSTRY", "SPEAKER")));
        String other = createEvent(event(slug()));
        asOrganizer().get("/api/v1/events/" + other).then().statusCode(200).body("photoRequiredFor", is(List.of()));
    }

    @Test
    void jpegWithGpsIsStoredWithoutAnyMetadata() throws IOException {
        String slug = photoEvent();
        Map<String, Object> d = registered(slug);
        String id = (String) d.get("id");
        byte[] upload = TestImages.jpegWithGps(900, 1200);
        assertTrue(TestImages.hasSegment(upload, 0xE1) && TestImages.contains(upload, TestImages.GPS_MARK), "the upload has EXIF GPS");
        upload(id, (String) d.get("manageToken"), "image/jpeg", upload, null).then().statusCode(200)
                .body("photo.status", is("PENDING_REVIEW")).body("photo.width", is(600)).body("photo.height", is(800))
                .body("photo.uploadedAt", not(nullValue()));
        byte[] full = stored(id, null);
        assertFalse(TestImages.hasSegment(full, 0xE1), "no EXIF/XMP (APP1) block");
        assertFalse(TestImages.hasSegment(full, 0xFE), "no comment block");
        assertFalse(TestImages.hasSegment(full, 0xE2), "no ICC (APP2) block");
        assertFalse(TestImages.contains(full, TestImages.GPS_MARK));
        assertFalse(TestImages.contains(full, "Exif"));
        assertFalse(TestImages.contains(full, TestImages.COMMENT_MARK));
        BufferedImage img = decode(full);
        assertEquals(600, img.getWidth());
        assertEquals(800, img.getHeight());
        BufferedImage thumb = decode(stored(id, "thumb"));
        assertEquals(96, thumb.getWidth());
        assertEquals(128, thumb.getHeight());
        asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200)
                .body("photo.status", is("PENDING_REVIEW")).body("photo.width", is(600)).body("status", is("PENDING"));
    }

    @Test
    void pngIsCentreCroppedTo3by4AndCropIsHonoured() throws IOException {
        String slug = photoEvent();
        Map<String, Object> d = registered(slug);
        String id = (String) d.get("id");
        String token = (String) d.get("manageToken");
        // a wide PNG: the centred 3:4 crop leaves the red corner marker out
        upload(id, token, "image/png", TestImages.png(1600, 800), null).then().statusCode(200)
                .body("photo.width", is(600)).body("photo.height", is(800));
        int corner = decode(stored(id, null)).getRGB(2, 2);
        assertFalse(isRed(corner), "the corner marker was cropped away: " + Integer.toHexString(corner));
        // an explicit crop of the top-left 450x600 keeps the red marker in its corner and the crop's size
        upload(id, token, "image/png", TestImages.png(1600, 800), "0,0,450,600").then().statusCode(200)
                .body("photo.width", is(450)).body("photo.height", is(600));
        assertTrue(isRed(decode(stored(id, null)).getRGB(2, 2)), "the crop starts at the top-left corner");
        upload(id, token, "image/png", TestImages.png(1600, 800), "1500,0,450,600").then().statusCode(400)
                .body("code", is("request.invalid")).body("violations.field", hasItem("crop"));
        upload(id, token, "image/png", TestImages.png(1600, 800), "0,0,30,40").then().statusCode(400)
                .body("violations.field", hasItem("crop"));
        upload(id, token, "image/png", TestImages.png(1600, 800), "a,b").then().statusCode(400)
                .body("violations[0].field", is("crop"));
    }

    private static boolean isRed(int rgb) {
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        return r > 200 && g < 60 && b < 60;
    }

    @Test
    void badImagesAreClear400sAndNothingIsStored() {
        String slug = photoEvent();
        Map<String, Object> d = registered(slug);
        String id = (String) d.get("id");
        String token = (String) d.get("manageToken");
        upload(id, token, "image/jpeg", TestImages.pdf(), null).then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("code", is("photo.unreadable")).body("detail", containsString("PDF"));
        upload(id, token, "image/svg+xml", TestImages.svg(), null).then().statusCode(400)
                .body("code", is("photo.unreadable")).body("detail", containsString("SVG"));
        byte[] full = TestImages.jpeg(900, 1200);
        upload(id, token, "image/jpeg", Arrays.copyOf(full, full.length / 2), null).then().statusCode(400)
                .body("code", is("photo.unreadable")).body("detail", containsString("truncated"));
        byte[] png = TestImages.png(900, 1200);
        upload(id, token, "image/png", Arrays.copyOf(png, png.length / 2), null).then().statusCode(400)
                .body("code", is("photo.unreadable"));
        upload(id, token, "image/jpeg", TestImages.cmykJpeg(600, 800), null).then().statusCode(400)
                .body("code", is("photo.unreadable")).body("detail", containsString("CMYK"));
        upload(id, token, "image/png", TestImages.pngBomb(20_000), null).then().statusCode(400)
                .body("code", is("photo.too_many_pixels")).body("detail", containsString("20000×20000"));
        upload(id, token, "image/jpeg", TestImages.jpeg(299, 400), null).then().statusCode(400)
                .body("code", is("photo.too_small")).body("detail", containsString("300×400"));
        upload(id, token, "image/jpeg", TestImages.jpeg(300, 399), null).then().statusCode(400)
                .body("code", is("photo.too_small"));
        upload(id, token, "image/jpeg", new byte[0], null).then().statusCode(400).body("code", is("photo.unreadable"));
        nothingStored(id);
    }

    @Test
    void twentyMegabytesAre413AndNothingIsStored() {
        String slug = photoEvent();
        Map<String, Object> d = registered(slug);
        String id = (String) d.get("id");
        String token = (String) d.get("manageToken");
        byte[] big = new byte[20_000_000];
        byte[] head = TestImages.jpeg(600, 800);
        System.arraycopy(head, 0, big, 0, head.length);
        // with a Content-Length: refused before the body is read
        given().auth().oauth2(token).contentType("image/jpeg").body(big).put("/api/v1/registrations/" + id + "/photo")
                .then().statusCode(413);
        // chunked, no length: refused when the 5 MB cap is crossed
        InputStream chunked = new ByteArrayInputStream(big);
        given().auth().oauth2(token).contentType("image/jpeg").body(chunked).put("/api/v1/registrations/" + id + "/photo")
                .then().statusCode(413).body("code", is("photo.too_large"));
        nothingStored(id);
    }

    @Test
    void onlyTheDelegateAndOrganizersUploadAndDoorOnlyReads() {
        String slug = photoEvent();
        Map<String, Object> a = registered(slug);
        Map<String, Object> b = registered(slug);
        String id = (String) a.get("id");
        byte[] jpeg = TestImages.jpeg(600, 800);
        upload(id, (String) b.get("manageToken"), "image/jpeg", jpeg, null).then().statusCode(403);
        given().contentType("image/jpeg").body(jpeg).put("/api/v1/registrations/" + id + "/photo").then().statusCode(401);
        asDoor().contentType("image/jpeg").body(jpeg).put("/api/v1/registrations/" + id + "/photo").then().statusCode(403)
                .body("detail", containsString("Door staff"));
        nothingStored(id);
        upload(id, org.forumpass.Fixtures.organizerToken(), "image/jpeg", jpeg, null).then().statusCode(200)
                .body("photo.status", is("PENDING_REVIEW"));
        asDoor().queryParam("size", "thumb").get("/api/v1/registrations/" + id + "/photo.jpg").then().statusCode(200)
                .contentType("image/jpeg");
        given().auth().oauth2((String) b.get("manageToken")).get("/api/v1/registrations/" + id + "/photo.jpg").then().statusCode(403);
        given().auth().oauth2((String) a.get("manageToken")).get("/api/v1/registrations/" + id + "/photo.jpg").then().statusCode(200);
        // a manage token is no staff credential: the review answers 401 to it, as every staff endpoint does
        given().auth().oauth2((String) a.get("manageToken")).post("/api/v1/registrations/" + id + "/photo/accept").then().statusCode(401);
        asDoor().post("/api/v1/registrations/" + id + "/photo/accept").then().statusCode(403);
        String scopedDoor = org.forumpass.Fixtures.staffToken("door", List.of(createEvent(event(slug()))));
        given().auth().oauth2(scopedDoor).get("/api/v1/registrations/" + id + "/photo.jpg").then().statusCode(403)
                .body("code", is("auth.event_not_in_scope"));
    }

    @Test
    void reviewConfirmsAndTheBadgeWaitsForTheAcceptedPhoto() throws IOException {
        String slug = photoEvent();
        Map<String, Object> d = registered(slug);
        String id = (String) d.get("id");
        String token = (String) d.get("manageToken");
        asOrganizer().get("/api/v1/registrations/" + id).then().body("status", is("PENDING")).body("badge", nullValue());
        given().auth().oauth2(token).get("/api/v1/registrations/" + id + "/badge.pdf").then().statusCode(409);
        asOrganizer().post("/api/v1/registrations/" + id + "/approve").then().statusCode(409).body("code", is("badge.photo_missing"));
        asOrganizer().post("/api/v1/registrations/" + id + "/photo/accept").then().statusCode(404).body("code", is("photo.not_found"));

        upload(id, token, "image/jpeg", TestImages.jpeg(600, 800), null).then().statusCode(200);
        asOrganizer().body(Map.of()).post("/api/v1/registrations/" + id + "/photo/reject").then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        asOrganizer().body(Map.of("reason", "Face not visible, please use a plain background"))
                .post("/api/v1/registrations/" + id + "/photo/reject").then().statusCode(200)
                .body("photo.status", is("REJECTED"));
        given().auth().oauth2(token).get("/api/v1/registrations/" + id).then().statusCode(200)
                .body("photo.status", is("REJECTED"))
                .body("photo.rejectionReason", is("Face not visible, please use a plain background"))
                .body("status", is("PENDING"));
        asOrganizer().post("/api/v1/registrations/" + id + "/photo/accept").then().statusCode(409).body("code", is("photo.not_pending"));
        asOrganizer().queryParam("photo", "PENDING_REVIEW").get("/api/v1/events/" + slug + "/registrations").then()
                .body("items.id", not(hasItem(id)));
        asOrganizer().queryParam("photo", "REJECTED").get("/api/v1/events/" + slug + "/registrations").then()
                .body("items.id", hasItem(id));

        upload(id, token, "image/jpeg", TestImages.jpeg(800, 1000), null).then().statusCode(200)
                .body("photo.status", is("PENDING_REVIEW"));
        given().auth().oauth2(token).get("/api/v1/registrations/" + id).then().body("photo.rejectionReason", nullValue());
        asOrganizer().queryParam("photo", "PENDING_REVIEW").get("/api/v1/events/" + slug + "/registrations").then()
                .statusCode(200).body("items.id", is(List.of(id)));
        asOrganizer().queryParam("photo", "nonsense").get("/api/v1/events/" + slug + "/registrations").then()
                .statusCode(400).body("violations.field", hasItem("photo"));
        asOrganizer().post("/api/v1/registrations/" + id + "/photo/accept").then().statusCode(200)
                .body("photo.status", is("ACCEPTED"));
        asOrganizer().get("/api/v1/registrations/" + id).then().body("status", is("CONFIRMED")).body("badge.code", not(nullValue()));
        asOrganizer().queryParam("action", "PHOTO_ACCEPTED").queryParam("event", slug).get("/api/v1/audit").then()
                .statusCode(200).body("items.subject", hasItem(id));
        // an accepted photo is kept: the delegate cannot replace it
        upload(id, token, "image/jpeg", TestImages.jpeg(600, 800), null).then().statusCode(409).body("code", is("photo.locked"));

        for (String layout : List.of("a6", "a4x4")) {
            byte[] pdf = given().auth().oauth2(token).queryParam("layout", layout).get("/api/v1/registrations/" + id + "/badge.pdf")
                    .then().statusCode(200).extract().asByteArray();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                PDPage page = doc.getPage(0);
                int images = 0;
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject img) {
                        images++;
                        assertEquals(600, img.getWidth());
                        assertEquals(800, img.getHeight());
                    }
                }
                assertEquals(1, images, "the photo is on the " + layout + " page");
            }
        }
        // the bulk print carries the photo too
        byte[] bulk = asOrganizer().queryParam("layout", "a6").get("/api/v1/events/" + slug + "/badges.pdf").then().statusCode(200)
                .extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(bulk)) {
            assertEquals(1, doc.getNumberOfPages());
            assertTrue(doc.getPage(0).getResources().getXObjectNames().iterator().hasNext(), "the bulk badge has the photo");
        }

        // the door's scan answer points at the thumbnail, which the door may fetch
        String code = asOrganizer().get("/api/v1/registrations/" + id).then().extract().path("badge.code");
        String photo = asDoor().body(Map.of("code", code, "session", "PLENARY", "direction", "IN", "deviceId", "door-p",
                        "nonce", unique())).post("/api/v1/events/" + slug + "/scans").then().statusCode(200)
                .body("result", is("ACCEPTED")).body("delegate.photo", is("/api/v1/registrations/" + id + "/photo.jpg?size=thumb"))
                .extract().path("delegate.photo");
        byte[] thumb = asDoor().get(photo).then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertEquals(96, decode(thumb).getWidth());
    }

    @Test
    void approvalAndPhotoBothNeededForASpeaker() {
        String slug = photoEvent();
        Map<String, Object> body = delegate(email());
        body.put("category", "SPEAKER");
        Map<String, Object> d = register(slug, body);
        String id = (String) d.get("id");
        upload(id, (String) d.get("manageToken"), "image/jpeg", TestImages.jpeg(600, 800), null).then().statusCode(200);
        asOrganizer().post("/api/v1/registrations/" + id + "/photo/accept").then().statusCode(200);
        asOrganizer().get("/api/v1/registrations/" + id).then().body("status", is("PENDING")).body("badge", nullValue());
        asOrganizer().post("/api/v1/registrations/" + id + "/approve").then().statusCode(200).body("status", is("CONFIRMED"));
    }

    @Test
    void categoriesWithoutTheRequirementAreConfirmedAtOnce() {
        String slug = photoEvent();
        Map<String, Object> body = delegate(email());
        body.put("category", "ACADEMIC");
        Map<String, Object> d = register(slug, body);
        assertEquals("CONFIRMED", d.get("status"));
        asOrganizer().get("/api/v1/registrations/" + d.get("id") + "/badge.pdf").then().statusCode(200);
    }

    @Test
    void erasureDeletesThePhoto() {
        String slug = photoEvent();
        Map<String, Object> d = registered(slug);
        String id = (String) d.get("id");
        upload(id, (String) d.get("manageToken"), "image/jpeg", TestImages.jpeg(600, 800), null).then().statusCode(200);
        stored(id, "thumb");
        asOrganizer().post("/api/v1/registrations/" + id + "/erase").then().statusCode(200).body("photo", nullValue());
        nothingStored(id);
        asOrganizer().contentType("image/jpeg").body(TestImages.jpeg(600, 800)).put("/api/v1/registrations/" + id + "/photo")
                .then().statusCode(409);
        nothingStored(id);
    }
}
