package org.forumpass.identity;

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
import static org.forumpass.identity.IdentityFixtures.masked;
import static org.forumpass.identity.IdentityFixtures.passport;
import static org.forumpass.identity.IdentityFixtures.passportNumber;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.forumpass.registration.PrivacyService;
import org.junit.jupiter.api.Test;

/** Issue 14, the identity document: validation, encryption at rest, masking, the audited read, search, exports, erasure. */
@QuarkusTest
class IdentityTest {
    @Inject
    AgroalDataSource db;
    @Inject
    PrivacyService privacy;

    private static Map<String, Object> withPassport(String number) {
        Map<String, Object> d = delegate(email());
        d.put("identity", passport(number));
        return d;
    }

    @Test
    void aPassportIsKeptAndOrganizersAndTheDelegateSeeItMasked() {
        String slug = createEvent(event(slug()));
        String number = passportNumber();
        Map<String, Object> reg = register(slug, withPassport(number));
        String id = (String) reg.get("id");

        asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200)
                .body("identity.documentType", is("PASSPORT"))
                .body("identity.number", is(masked(number)))
                .body("identity.issuingCountry", is("CN"))
                .body("identity.nationality", is("CN"))
                .body("identity", not(hasKey("dateOfBirth")))
                .body(not(containsString(number))).body(not(containsString("1979-04-23")));
        given().auth().oauth2((String) reg.get("manageToken")).get("/api/v1/registrations/" + id).then().statusCode(200)
                .body("identity.number", is(masked(number))).body(not(containsString(number)));
        // another delegate, without a document
        String other = (String) register(slug, delegate(email())).get("id");
        asOrganizer().get("/api/v1/registrations/" + other).then().statusCode(200).body("identity", nullValue());
    }

    @Test
    void theFullDocumentComesOnlyFromTheAuditedEndpoint() {
        String slug = createEvent(event(slug()));
        String number = passportNumber();
        Map<String, Object> reg = register(slug, withPassport(number));
        String id = (String) reg.get("id");
        Map<String, Object> second = register(slug, withPassport(passportNumber()));

        asOrganizer().get("/api/v1/registrations/" + id + "/identity").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("documentType", is("PASSPORT")).body("number", is(number))
                .body("dateOfBirth", is("1979-04-23")).body("expiresOn", is(LocalDate.now().plusYears(5).toString()));
        given().auth().oauth2((String) reg.get("manageToken")).get("/api/v1/registrations/" + id + "/identity").then()
                .statusCode(200).body("number", is(number));
        given().auth().oauth2((String) second.get("manageToken")).get("/api/v1/registrations/" + id + "/identity").then()
                .statusCode(403).body(not(containsString(number)));
        asDoor().get("/api/v1/registrations/" + id + "/identity").then().statusCode(403).body(not(containsString(number)));
        anonymous().get("/api/v1/registrations/" + id + "/identity").then().statusCode(401);
        String elsewhere = org.forumpass.Fixtures.staffToken("organizer", List.of(createEvent(event(slug()))));
        given().auth().oauth2(elsewhere).get("/api/v1/registrations/" + id + "/identity").then().statusCode(403)
                .body("code", is("auth.event_not_in_scope"));

        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=VIEW_IDENTITY").then().statusCode(200)
                .body("total", is(2)).body("items.subject", hasItems(id)).body("items.actor", hasItems("admin", "delegate"))
                .body(not(containsString(number)));
        String withoutDoc = (String) register(slug, delegate(email())).get("id");
        asOrganizer().get("/api/v1/registrations/" + withoutDoc + "/identity").then().statusCode(404)
                .body("code", is("identity.not_found"));
    }

    @Test
    void everyBadFieldIsAViolationAndNothingIsStored() {
        String slug = createEvent(event(slug()));
        Map<String, Object> d = delegate(email());
        d.put("identity", Map.of("documentType", "VISA", "number", "A1!", "issuingCountry", "XX", "nationality", "Czech",
                "expiresOn", "2031-13-40", "dateOfBirth", "1850-01-01"));
        anonymous().body(d).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .body("code", is("request.invalid"))
                .body("violations.field", is(List.of("identity.dateOfBirth", "identity.documentType", "identity.expiresOn",
                        "identity.issuingCountry", "identity.nationality", "identity.number")));
        Map<String, Object> empty = delegate(email());
        empty.put("identity", Map.of("number", "E1234567"));
        anonymous().body(empty).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .body("violations.field", is(List.of("identity.dateOfBirth", "identity.documentType", "identity.expiresOn",
                        "identity.issuingCountry", "identity.nationality")));
        Map<String, Object> future = withPassport(passportNumber());
        ((Map<String, Object>) future.get("identity")).put("dateOfBirth", LocalDate.now().plusDays(1).toString());
        anonymous().body(future).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .body("violations.field", is(List.of("identity.dateOfBirth")));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().statusCode(200).body("total", is(0));
    }

    @Test
    void anExpiredDocumentOrOneExpiringBeforeTheForumEndsIsRefused() {
        Map<String, Object> e = event(slug());
        String slug = createEvent(e);
        String endDate = OffsetDateTime.parse((String) e.get("endsAt")).toLocalDate().toString();
        Map<String, Object> expired = withPassport(passportNumber());
        ((Map<String, Object>) expired.get("identity")).put("expiresOn", LocalDate.now().minusDays(1).toString());
        anonymous().body(expired).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .body("violations[0].field", is("identity.expiresOn"))
                .body("violations[0].message", containsString("expired on")).body("violations[0].message", containsString(endDate));
        Map<String, Object> soon = withPassport(passportNumber());
        ((Map<String, Object>) soon.get("identity")).put("expiresOn", LocalDate.now().plusDays(10).toString());
        anonymous().body(soon).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .body("violations[0].field", is("identity.expiresOn"))
                .body("violations[0].message", containsString("expires before the forum ends on " + endDate));
        Map<String, Object> lastDay = withPassport(passportNumber());
        ((Map<String, Object>) lastDay.get("identity")).put("expiresOn", endDate);
        register(slug, lastDay);
    }

    @Test
    void aCategoryTheEventNamesMustGiveADocument() {
        Map<String, Object> e = event(slug());
        e.put("identityRequiredFor", List.of("INDUSTRY"));
        String slug = createEvent(e);
        asOrganizer().get("/api/v1/events/" + slug).then().statusCode(200).body("identityRequiredFor", is(List.of("INDUSTRY")));
        anonymous().body(delegate(email())).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .body("violations.field", is(List.of("identity")))
                .body("violations[0].message", containsString("your delegate category needs one"));
        Map<String, Object> media = delegate(email());
        media.put("category", "MEDIA");
        register(slug, media);
        register(slug, withPassport(passportNumber()));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?identity=missing").then().statusCode(200)
                .body("total", is(1)).body("items[0].category", is("MEDIA"));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?identity=present").then().statusCode(200)
                .body("total", is(1)).body("items[0].category", is("INDUSTRY"));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?identity=maybe").then().statusCode(400)
                .body("violations[0].field", is("identity"));
        String plain = createEvent(event(slug()));
        asOrganizer().get("/api/v1/events/" + plain).then().statusCode(200).body("identityRequiredFor", is(List.of()));
    }

    @Test
    void searchByNumberMatchesAnySpellingThroughTheHash() {
        String slug = createEvent(event(slug()));
        String number = passportNumber();
        String id = (String) register(slug, withPassport(number)).get("id");
        register(slug, withPassport(passportNumber()));
        String spaced = number.substring(0, 3).toLowerCase() + " " + number.substring(3, 6) + "-" + number.substring(6);
        asOrganizer().queryParam("documentNumber", spaced).get("/api/v1/events/" + slug + "/registrations").then().statusCode(200)
                .body("total", is(1)).body("items[0].id", is(id)).body("items[0].identity.number", is(masked(number)))
                .body(not(containsString(number)));
        asOrganizer().queryParam("documentNumber", "X99999999").get("/api/v1/events/" + slug + "/registrations").then()
                .statusCode(200).body("total", is(0));
        asOrganizer().queryParam("documentNumber", "a!").get("/api/v1/events/" + slug + "/registrations").then()
                .statusCode(400).body("violations[0].field", is("documentNumber"));
        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=SEARCH").then().statusCode(200)
                .body(not(containsString(number.substring(3, 6) + "-")));
    }

    @Test
    void theDatabaseHoldsNoClearNumberAndACiphertextMovedToAnotherRowFails() throws Exception {
        String slug = createEvent(event(slug()));
        String number = passportNumber();
        String a = (String) register(slug, withPassport(number)).get("id");
        String b = (String) register(slug, withPassport(passportNumber())).get("id");
        try (Connection c = db.getConnection()) {
            byte[] nonce;
            byte[] cipher;
            try (PreparedStatement ps = c.prepareStatement("select d.nonce, d.ciphertext, d.number_hash from identity_document d"
                    + " join registration r on r.id = d.registration_id where r.public_id = ?")) {
                ps.setString(1, a);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    nonce = rs.getBytes(1);
                    cipher = rs.getBytes(2);
                    String hash = rs.getString(3);
                    assertEquals(12, nonce.length);
                    String bytes = new String(cipher, StandardCharsets.ISO_8859_1);
                    assertFalse(bytes.contains(number), "the number is not in clear");
                    assertFalse(bytes.contains("1979-04-23"), "the date of birth is not in clear");
                    assertFalse(bytes.contains("PASSPORT"), "the document type is not in clear");
                    assertEquals(64, hash.length());
                    assertFalse(hash.contains(number));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update identity_document set nonce = ?, ciphertext = ?"
                    + " where registration_id = (select id from registration where public_id = ?)")) {
                ps.setBytes(1, nonce);
                ps.setBytes(2, cipher);
                ps.setString(3, b);
                assertEquals(1, ps.executeUpdate());
            }
        }
        asOrganizer().get("/api/v1/registrations/" + b + "/identity").then().statusCode(500)
                .body("code", is("identity.unreadable")).body(not(containsString(number)));
        asOrganizer().get("/api/v1/registrations/" + a + "/identity").then().statusCode(200).body("number", is(number));
    }

    @Test
    void theDelegateReplacesTheDocumentAndABadOneChangesNothing() {
        String slug = createEvent(event(slug()));
        String number = passportNumber();
        Map<String, Object> reg = register(slug, withPassport(number));
        String id = (String) reg.get("id");
        String token = (String) reg.get("manageToken");
        Map<String, Object> bad = passport(passportNumber());
        bad.put("expiresOn", LocalDate.now().minusYears(1).toString());
        given().auth().oauth2(token).contentType("application/json").body(Map.of("jobTitle", "Minister", "identity", bad))
                .patch("/api/v1/registrations/" + id).then().statusCode(400).body("violations[0].field", is("identity.expiresOn"));
        asOrganizer().get("/api/v1/registrations/" + id).then().body("jobTitle", is("Director"))
                .body("identity.number", is(masked(number)));
        String replaced = passportNumber();
        Map<String, Object> card = passport(replaced);
        card.put("documentType", "NATIONAL_ID");
        given().auth().oauth2(token).contentType("application/json").body(Map.of("identity", card))
                .patch("/api/v1/registrations/" + id).then().statusCode(200)
                .body("identity.documentType", is("NATIONAL_ID")).body("identity.number", is(masked(replaced)));
        asOrganizer().queryParam("documentNumber", number).get("/api/v1/events/" + slug + "/registrations").then()
                .body("total", is(0));
        asOrganizer().queryParam("documentNumber", replaced).get("/api/v1/events/" + slug + "/registrations").then()
                .body("total", is(1));
    }

    @Test
    void exportsCarryTheDocumentOnlyWhenAskedAndThatIsAudited() {
        String slug = createEvent(event(slug()));
        String number = passportNumber();
        register(slug, withPassport(number));
        register(slug, delegate(email()));
        String plain = asOrganizer().get("/api/v1/events/" + slug + "/exports/delegates.csv").then().statusCode(200)
                .extract().asString();
        assertFalse(plain.contains("Document number"), plain);
        assertFalse(plain.contains(number));
        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=EXPORT_IDENTITY").then().body("total", is(0));

        String full = asOrganizer().get("/api/v1/events/" + slug + "/exports/delegates.csv?includeIdentity=true").then()
                .statusCode(200).extract().asString();
        String header = full.lines().findFirst().orElseThrow();
        assertTrue(header.contains("Document type,Document number,Issuing country,Nationality,Document valid until,Date of birth"), header);
        assertTrue(full.contains("Passport," + number + ",China,China,"), full);
        assertTrue(full.contains("1979-04-23"), full);
        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=EXPORT_IDENTITY").then()
                .body("total", is(1)).body("items[0].actor", is("admin"));
        byte[] xlsx = asOrganizer().get("/api/v1/events/" + slug + "/exports/delegates.xlsx?includeIdentity=true&groupBy=country")
                .then().statusCode(200).extract().asByteArray();
        assertNotNull(xlsx);
        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=EXPORT_IDENTITY").then().body("total", is(2));
        asOrganizer().get("/api/v1/events/" + slug + "/exports/delegates.csv?includeIdentity=yes").then().statusCode(400)
                .body("violations[0].field", is("includeIdentity"));
    }

    @Test
    void erasureAndRetentionRemoveTheDocument() throws Exception {
        String slug = createEvent(event(slug()));
        String id = (String) register(slug, withPassport(passportNumber())).get("id");
        assertEquals(1, rows(id));
        asOrganizer().post("/api/v1/registrations/" + id + "/erase").then().statusCode(200).body("identity", nullValue());
        assertEquals(0, rows(id));
        asOrganizer().get("/api/v1/registrations/" + id + "/identity").then().statusCode(404);

        Map<String, Object> e = event(slug());
        String old = createEvent(e);
        String kept = (String) register(old, withPassport(passportNumber())).get("id");
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(20);
        e.put("startsAt", start.toString());
        e.put("endsAt", start.plusHours(8).toString());
        e.put("retentionDays", 7);
        asOrganizer().body(e).put("/api/v1/events/" + old).then().statusCode(200);
        assertEquals(1, rows(kept));
        assertTrue(privacy.eraseExpired() >= 1);
        assertEquals(0, rows(kept));
    }

    private int rows(String publicId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select count(*) from identity_document d"
                + " join registration r on r.id = d.registration_id where r.public_id = ?")) {
            ps.setString(1, publicId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
