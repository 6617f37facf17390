package org.forumpass.checkin;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.forumpass.Fixtures.asDoor;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.staffToken;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.forumpass.badge.BadgeCodec;
import org.junit.jupiter.api.Test;

/** The door roster: what a door needs offline, signed, versioned, with thumbnails fetched by digest. */
@QuarkusTest
class DoorRosterTest {
    @Inject
    AgroalDataSource dataSource;
    private static final byte[] ED25519_X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private record Setup(String slug, String seatedId, String seatedCode, String otherId, String otherCode) {
    }

    private static Setup setup() {
        Map<String, Object> e = event(slug());
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2);
        Map<String, Object> council = session("COUNCIL", start);
        council.put("requiresRegistration", true);
        council.put("restrictedTo", List.of("GOVERNMENT", "INDUSTRY"));
        e.put("sessions", List.of(council, session("EXPO", start.plusHours(2))));
        String slug = createEvent(e);
        Map<String, Object> seated = delegate(email(), "COUNCIL");
        seated.put("givenName", "Svetlana");
        seated.put("familyName", "Ivanova");
        seated.put("nativeName", "Светлана Иванова");
        Map<String, Object> s = register(slug, seated);
        Map<String, Object> o = register(slug, delegate(email()));
        return new Setup(slug, (String) s.get("id"), code(s), (String) o.get("id"), code(o));
    }

    private static String code(Map<String, Object> r) {
        return given().auth().oauth2((String) r.get("manageToken")).get("/api/v1/registrations/" + r.get("id"))
                .then().statusCode(200).extract().path("badge.code");
    }

    private static Response roster(String slug) {
        return asDoor().get("/api/v1/events/" + slug + "/door-roster").then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue()).extract().response();
    }

    /** Whether the Roster-Signature header is the badge key's signature of the context and the body's bytes. */
    private static boolean verifies(String slug, byte[] body, String header) throws Exception {
        String[] parts = header.split("\\.");
        String x = given().get("/api/v1/events/" + slug + "/badge-keys").then().statusCode(200).extract().jsonPath()
                .getString("keys.find { it.kid == '" + parts[0] + "' }.x");
        byte[] raw = Base64.getUrlDecoder().decode(x);
        byte[] der = java.util.Arrays.copyOf(ED25519_X509_PREFIX, ED25519_X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, der, ED25519_X509_PREFIX.length, raw.length);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update("forumpass-door-roster-v1\n".getBytes(StandardCharsets.US_ASCII));
        s.update(body);
        return s.verify(Base64.getUrlDecoder().decode(parts[1]));
    }

    @Test
    void aDoorGetsEveryCurrentBadgeWithItsDelegateTheRevokedCodesAndEveryDoorsRulesSigned() throws Exception {
        Setup s = setup();
        String stale = s.otherCode();
        String fresh = asOrganizer().post("/api/v1/registrations/" + s.otherId() + "/badge/reissue").then().statusCode(200)
                .extract().path("code");

        Response r = roster(s.slug());
        byte[] body = r.asByteArray();
        assertTrue(verifies(s.slug(), body, r.header("Roster-Signature")), "the signature covers the body");
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("Svetlana", "Svetlanb").getBytes(StandardCharsets.UTF_8);
        assertFalse(verifies(s.slug(), tampered, r.header("Roster-Signature")), "a changed roster no longer verifies");
        assertEquals("no-store", r.header("Cache-Control"));

        JsonPath j = JsonPath.from(new String(body, StandardCharsets.UTF_8));
        assertEquals(s.slug(), j.getString("event"));
        assertEquals(BadgeCodec.eventTag(s.slug()), j.getString("eventTag"));
        assertEquals(r.header("ETag"), "\"" + j.getString("version") + "\"");
        assertNotNull(j.getString("generatedAt"));
        assertEquals(2, j.getInt("count"));
        String seated = "entries.find { it.digest == '" + BadgeCodec.digest(s.seatedCode()) + "' }";
        assertEquals("Svetlana", j.getString(seated + ".givenName"));
        assertEquals("Светлана Иванова", j.getString(seated + ".nativeName"));
        assertEquals("INDUSTRY", j.getString(seated + ".category"));
        assertEquals("CONFIRMED", j.getString(seated + ".status"));
        assertEquals(List.of("COUNCIL"), j.getList(seated + ".sessions"));
        assertEquals(Boolean.FALSE, j.get(seated + ".vip"));
        assertNull(j.get(seated + ".photo"), "no photo yet");
        String other = "entries.find { it.digest == '" + BadgeCodec.digest(fresh) + "' }";
        assertEquals(List.of(), j.getList(other + ".sessions"));
        assertNull(j.get("entries.find { it.digest == '" + BadgeCodec.digest(stale) + "' }"), "a revoked badge has no entry");
        assertTrue(j.getList("revoked").contains(BadgeCodec.digest(stale)), "its digest is on the revocation list");
        assertNull(j.get("entries[0].email"), "no e-mail, phone or registration id reaches the door");
        assertNull(j.get("entries[0].id"));

        assertEquals(List.of("GOVERNMENT", "INDUSTRY"), j.getList("rules.doors.COUNCIL.restrictedTo"));
        assertEquals(Boolean.TRUE, j.get("rules.doors.COUNCIL.requiresRegistration"));
        assertEquals(Boolean.TRUE, j.get("rules.doors.COUNCIL.counted"));
        assertNotNull(j.get("rules.doors.EXPO.startsAt"));
        assertNull(j.get("rules.door"), "no session asked: the entrance");
        assertEquals(Boolean.FALSE, j.get("rules.window.enabled"));

        JsonPath council = asDoor().queryParam("session", "COUNCIL").get("/api/v1/events/" + s.slug() + "/door-roster")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("COUNCIL", council.getString("session"));
        assertEquals(List.of("GOVERNMENT", "INDUSTRY"), council.getList("rules.door.restrictedTo"));
        asDoor().queryParam("session", "NOPE").get("/api/v1/events/" + s.slug() + "/door-roster")
                .then().statusCode(400).body("violations.field", hasItem("session"));
    }

    @Test
    void aDoorHoldingTheCurrentVersionGets304AndAChangeMakesANewVersion() {
        Setup s = setup();
        Response first = roster(s.slug());
        String etag = first.header("ETag");
        asDoor().header("If-None-Match", etag).get("/api/v1/events/" + s.slug() + "/door-roster")
                .then().statusCode(304).header("ETag", etag);

        register(s.slug(), delegate(email()));
        awaitNewRoster(s.slug(), etag);
        Response after = asDoor().header("If-None-Match", etag).get("/api/v1/events/" + s.slug() + "/door-roster")
                .then().statusCode(200).extract().response();
        assertNotEquals(etag, after.header("ETag"));
        assertEquals(3, after.jsonPath().getInt("count"));
    }

    /** A replica answers from the roster it made in the last two seconds. */
    private static void awaitNewRoster(String slug, String etag) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() ->
                !etag.equals(asDoor().get("/api/v1/events/" + slug + "/door-roster").then().statusCode(200).extract().header("ETag")));
    }

    @Test
    void thumbnailsComeByTheDigestTheRosterNamesAndMatchIt() throws Exception {
        Setup s = setup();
        asOrganizer().contentType("image/jpeg").body(face()).put("/api/v1/registrations/" + s.seatedId() + "/photo")
                .then().statusCode(200);
        JsonPath j = JsonPath.from(roster(s.slug()).asString());
        String digest = j.getString("entries.find { it.digest == '" + BadgeCodec.digest(s.seatedCode()) + "' }.photo");
        assertNotNull(digest, "the roster names the photo by its digest");
        assertNull(j.get("entries[0].photoThumb"), "thumbnails are fetched apart unless asked inline");

        String b64 = asDoor().body(Map.of("photos", List.of(digest, "A".repeat(43))))
                .post("/api/v1/events/" + s.slug() + "/door-roster/photos").then().statusCode(200)
                .extract().path("photos." + digest);
        byte[] jpeg = Base64.getDecoder().decode(b64);
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(jpeg);
        assertEquals(digest, Base64.getUrlEncoder().withoutPadding().encodeToString(sha));
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertEquals(60, thumb.getWidth());
        assertEquals(80, thumb.getHeight());
        assertTrue(jpeg.length < 4000, "a door thumbnail is small: " + jpeg.length + " bytes");

        JsonPath inline = asDoor().queryParam("photos", "inline").get("/api/v1/events/" + s.slug() + "/door-roster")
                .then().statusCode(200).extract().jsonPath();
        assertArrayEquals(jpeg, Base64.getDecoder().decode(inline.getString(
                "entries.find { it.digest == '" + BadgeCodec.digest(s.seatedCode()) + "' }.photoThumb")));

        String elsewhere = setup().slug();
        asDoor().body(Map.of("photos", List.of(digest))).post("/api/v1/events/" + elsewhere + "/door-roster/photos")
                .then().statusCode(200).body("photos", is(Map.of()));
        asDoor().body(Map.of("photos", List.of("not a digest"))).post("/api/v1/events/" + s.slug() + "/door-roster/photos")
                .then().statusCode(400).body("code", is("request.invalid"));
        asDoor().queryParam("photos", "all").get("/api/v1/events/" + s.slug() + "/door-roster")
                .then().statusCode(400).body("violations.field", hasItem("photos"));
    }

    @Test
    void aPhotoStoredBeforeDoorThumbnailsExistedGetsOneWithTheFirstRoster() throws Exception {
        Setup s = setup();
        asOrganizer().contentType("image/jpeg").body(face()).put("/api/v1/registrations/" + s.otherId() + "/photo")
                .then().statusCode(200);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("update registration_photo"
                + " set door_thumb = null, door_thumb_hash = null where registration_id = (select id from registration"
                + " where public_id = ?)")) {
            ps.setString(1, s.otherId());
            assertEquals(1, ps.executeUpdate(), "the photo as an older release stored it");
        }
        JsonPath j = JsonPath.from(roster(s.slug()).asString());
        String digest = j.getString("entries.find { it.digest == '" + BadgeCodec.digest(s.otherCode()) + "' }.photo");
        assertNotNull(digest, "the roster made its door thumbnail");
        String b64 = asDoor().body(Map.of("photos", List.of(digest))).post("/api/v1/events/" + s.slug() + "/door-roster/photos")
                .then().statusCode(200).extract().path("photos." + digest);
        assertEquals(60, ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b64))).getWidth());
    }

    @Test
    void onlyStaffOfTheEventGetItAndEachRosterSentIsAudited() {
        Setup s = setup();
        String path = "/api/v1/events/" + s.slug() + "/door-roster";
        given().get(path).then().statusCode(401);
        Map<String, Object> mine = register(s.slug(), delegate(email()));
        given().auth().oauth2((String) mine.get("manageToken")).get(path).then().statusCode(401);
        String otherDoor = staffToken("door", List.of(setup().slug()));
        given().auth().oauth2(otherDoor).get(path).then().statusCode(403);
        given().auth().oauth2(otherDoor).contentType("application/json").body(Map.of("photos", List.of()))
                .post(path + "/photos").then().statusCode(403);
        String scoped = staffToken("door", List.of(s.slug()));
        given().auth().oauth2(scoped).get(path).then().statusCode(200);
        asOrganizer().queryParam("event", s.slug()).queryParam("action", "DOOR_ROSTER").get("/api/v1/audit")
                .then().statusCode(200).body("items.action", hasItem("DOOR_ROSTER"));
    }

    private static byte[] face() throws Exception {
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
