package org.forumpass.registration;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.asDoor;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.mailsSentTo;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistrationApiTest {
    @Inject
    MockMailbox mailbox;

    /** An event with a capacity and sessions OPEN (no limit), SMALL (capacity 1) and DIPLO (diplomats only). */
    private static String forum(Integer capacity) {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("capacity", capacity);
        OffsetDateTime start = OffsetDateTime.parse((String) e.get("startsAt"));
        Map<String, Object> open = session("OPEN", start);
        open.put("capacity", null);
        Map<String, Object> small = session("SMALL", start.plusHours(1));
        small.put("capacity", 1);
        small.put("requiresRegistration", true);
        Map<String, Object> diplo = session("DIPLO", start.plusHours(2));
        diplo.put("restrictedTo", List.of("DIPLOMATIC", "GOVERNMENT"));
        e.put("sessions", List.of(open, small, diplo));
        return createEvent(e);
    }

    @Test
    void registersAndGivesTheDelegateAPrivateToken() {
        String slug = forum(100);
        String mail = email();
        Map<String, Object> body = delegate(mail, "OPEN", "SMALL");
        body.put("givenName", "  Zhaoxing ");
        body.put("familyName", "Li");
        body.put("nativeName", "李肇星");
        body.put("organization", "  Ñúñez   &  O'Brien <Partners> ");
        body.put("country", "cn");
        body.put("phone", "+86 138 0013 8000");
        body.put("language", "zh");

        var created = anonymous().body(body).post("/api/v1/events/" + slug + "/registrations").then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/registrations/"))
                .body("status", is("CONFIRMED"))
                .body("manageToken", notNullValue())
                .body("sessions.code", contains("OPEN", "SMALL"))
                .body("sessions.status", contains("CONFIRMED", "CONFIRMED"))
                .extract().jsonPath();
        String id = created.getString("id");
        String token = created.getString("manageToken");
        assertTrue(id.matches("[A-Za-z0-9_-]{22,}"), "opaque URL-safe id of 128+ bits: " + id);

        given().auth().oauth2(token).get("/api/v1/registrations/" + id).then().statusCode(200)
                .body("givenName", is("Zhaoxing"))
                .body("nativeName", is("李肇星"))
                .body("organization", is("Ñúñez & O'Brien <Partners>"))
                .body("country", is("CN"))
                .body("phone", is("+8613800138000"))
                .body("email", is(mail))
                .body("consentAt", notNullValue())
                .body("consentVersion", notNullValue())
                .body("event", is(slug))
                .body("sessions.code", contains("OPEN", "SMALL"));

        List<Mail> sent = mailsSentTo(mailbox, mail, 1);
        assertEquals(1, sent.size(), "one confirmation e-mail");
        assertTrue(sent.get(0).getSubject().contains("报名"), "in the delegate's language: " + sent.get(0).getSubject());
        assertTrue(sent.get(0).getText().contains("/r/" + id + "?t=" + token), "carries the manage link");
    }

    @Test
    void namesEveryBadFieldAndStoresNothing() {
        String slug = forum(100);
        String mail = email();
        Map<String, Object> body = delegate("not-an-email", "OPEN", "NOPE", "DIPLO");
        body.put("givenName", "");
        body.put("country", "XX");
        body.put("phone", "12");
        body.put("consent", false);
        body.put("organization", "x".repeat(201));
        anonymous().body(body).post("/api/v1/events/" + slug + "/registrations").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", is("request.invalid"))
                .body("violations.field", containsInAnyOrder("givenName", "email", "country", "sessions[1]", "sessions[2]",
                        "consent", "organization", "phone"));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().body("total", is(0));

        register(slug, delegate(mail, "OPEN"));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().body("total", is(1));
    }

    @Test
    void rejectsABadPhoneForItsCountry() {
        String slug = forum(100);
        Map<String, Object> body = delegate(email());
        body.put("phone", "+420 12");
        anonymous().body(body).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .body("violations.field", contains("phone"));
    }

    @Test
    void acceptsOneRegistrationPerEmailRegardlessOfCase() {
        String slug = forum(100);
        String mail = email();
        register(slug, delegate(mail));
        anonymous().body(delegate(mail.toUpperCase())).post("/api/v1/events/" + slug + "/registrations").then()
                .statusCode(409).contentType("application/problem+json")
                .body("code", is("registration.duplicate_email"));
        register(forum(100), delegate(mail.toUpperCase()));
    }

    @Test
    void anAddressDiffersFromAnotherByItsAccentsButNotByItsCase() {
        // Issue 20: the address is compared lower-cased and otherwise exactly, on MySQL 8 and MariaDB alike, whose default
        // collations would also fold accents (utf8mb4_0900_ai_ci: ß = ss; utf8mb4_general_ci: ß = s).
        String slug = forum(100);
        String local = "d-" + java.util.UUID.randomUUID();
        register(slug, delegate("Müller." + local + "@example.org"));
        anonymous().body(delegate("MÜLLER." + local + "@example.org")).post("/api/v1/events/" + slug + "/registrations").then()
                .statusCode(409).body("code", is("registration.duplicate_email"));
        assertEquals("CONFIRMED", register(slug, delegate("muller." + local + "@example.org")).get("status"));
        assertEquals("CONFIRMED", register(slug, delegate("mueller." + local + "@example.org")).get("status"));
        register(slug, delegate("straße." + local + "@example.org"));
        assertEquals("CONFIRMED", register(slug, delegate("strasse." + local + "@example.org")).get("status"));
        assertEquals("CONFIRMED", register(slug, delegate("strase." + local + "@example.org")).get("status"));
    }

    @Test
    void refusesRegistrationOutsideTheWindow() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("registrationOpensAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString());
        createEvent(e);
        anonymous().body(delegate(email())).post("/api/v1/events/" + slug + "/registrations").then()
                .statusCode(409).body("code", is("registration.closed"));
        anonymous().body(delegate(email())).post("/api/v1/events/no-such-forum/registrations").then()
                .statusCode(404).body("code", is("event.not_found"));
    }

    @Test
    void aFullEventWaitlistsAndACancellationMovesTheFirstUp() {
        String slug = forum(2);
        Map<String, Object> a = register(slug, delegate(email()));
        register(slug, delegate(email()));
        String thirdMail = email();
        Map<String, Object> third = register(slug, delegate(thirdMail, "SMALL"));
        Map<String, Object> fourth = register(slug, delegate(email()));
        assertEquals("WAITLISTED", third.get("status"));
        assertEquals("WAITLISTED", fourth.get("status"));
        anonymous().get("/api/v1/events/" + slug).then().body("seatsLeft", is(0));

        given().auth().oauth2((String) a.get("manageToken")).delete("/api/v1/registrations/" + a.get("id")).then()
                .statusCode(200).body("status", is("CANCELLED"));

        asOrganizer().get("/api/v1/registrations/" + third.get("id")).then()
                .body("status", is("CONFIRMED"))
                .body("sessions[0].status", is("CONFIRMED"));
        asOrganizer().get("/api/v1/registrations/" + fourth.get("id")).then().body("status", is("WAITLISTED"));
        assertTrue(mailsSentTo(mailbox, thirdMail, 2).stream().anyMatch(m -> m.getSubject().startsWith("A place is yours")),
                "the delegate who moved up is told");
    }

    @Test
    void aFullSessionHasItsOwnWaitlist() {
        String slug = forum(100);
        Map<String, Object> first = register(slug, delegate(email(), "SMALL"));
        Map<String, Object> second = register(slug, delegate(email(), "SMALL"));
        Map<String, Object> third = register(slug, delegate(email(), "SMALL"));
        assertEquals("CONFIRMED", second.get("status"));
        anonymous().get("/api/v1/events/" + slug).then().body("sessions.find { it.code == 'SMALL' }.seatsLeft", is(0));
        asOrganizer().get("/api/v1/registrations/" + second.get("id")).then().body("sessions[0].status", is("WAITLISTED"));

        // dropping the session (not the registration) frees the seat for the first in line
        given().contentType(ContentType.JSON).auth().oauth2((String) first.get("manageToken"))
                .body(Map.of("sessions", List.of("OPEN"))).patch("/api/v1/registrations/" + first.get("id")).then()
                .statusCode(200).body("sessions.code", contains("OPEN"));
        asOrganizer().get("/api/v1/registrations/" + second.get("id")).then().body("sessions[0].status", is("CONFIRMED"));
        asOrganizer().get("/api/v1/registrations/" + third.get("id")).then().body("sessions[0].status", is("WAITLISTED"));
    }

    @Test
    void categoriesThatNeedApprovalStartPending() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("approvalRequiredFor", List.of("MEDIA"));
        createEvent(e);
        Map<String, Object> body = delegate(email());
        body.put("category", "MEDIA");
        Map<String, Object> pending = register(slug, body);
        assertEquals("PENDING", pending.get("status"));
        Map<String, Object> body2 = delegate(email());
        body2.put("category", "MEDIA");
        Map<String, Object> other = register(slug, body2);

        asOrganizer().post("/api/v1/registrations/" + pending.get("id") + "/approve").then().statusCode(200)
                .body("status", is("CONFIRMED"));
        asOrganizer().post("/api/v1/registrations/" + pending.get("id") + "/approve").then().statusCode(409)
                .body("code", is("registration.not_pending"));
        asOrganizer().post("/api/v1/registrations/" + other.get("id") + "/reject").then().statusCode(200)
                .body("status", is("REJECTED"));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?status=PENDING").then().body("total", is(0));
        asDoor().post("/api/v1/registrations/" + other.get("id") + "/approve").then().statusCode(403);
    }

    @Test
    void invitationCodesGateInvitedCategories() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("invitationRequiredFor", List.of("GOVERNMENT"));
        createEvent(e);
        asOrganizer().body(Map.of("code", "MOFA-2026", "label", "Ministry delegation", "maxUses", 1))
                .post("/api/v1/events/" + slug + "/invitation-codes").then().statusCode(201)
                .body("code", is("MOFA-2026")).body("uses", is(0));
        String generated = asOrganizer().body(Map.of("label", "Open code")).post("/api/v1/events/" + slug + "/invitation-codes")
                .then().statusCode(201).extract().path("code");

        Map<String, Object> gov = delegate(email());
        gov.put("category", "GOVERNMENT");
        anonymous().body(gov).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .body("violations.field", contains("invitationCode"));
        gov.put("invitationCode", "WRONG-CODE");
        anonymous().body(gov).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .body("violations[0].code", is("invitation_invalid"))
                .body("violations[0].message", is("Check the invitation code: it is not one of this forum's codes"));
        gov.put("invitationCode", "MOFA-2026");
        register(slug, gov);
        Map<String, Object> again = delegate(email());
        again.put("category", "GOVERNMENT");
        again.put("invitationCode", "MOFA-2026");
        anonymous().body(again).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .body("violations[0].code", is("invitation_used_up"))
                .body("violations[0].message", containsString("has been used as often as it allows"));
        again.put("invitationCode", generated);
        register(slug, again);
        register(slug, delegate(email()));
        asOrganizer().get("/api/v1/events/" + slug + "/invitation-codes").then()
                .body("find { it.code == 'MOFA-2026' }.uses", is(1));
    }

    @Test
    void aDelegateSeesOnlyTheirOwnRegistration() {
        String slug = forum(100);
        Map<String, Object> mine = register(slug, delegate(email()));
        Map<String, Object> theirs = register(slug, delegate(email()));
        String id = (String) mine.get("id");
        given().get("/api/v1/registrations/" + id).then().statusCode(401);
        given().auth().oauth2((String) theirs.get("manageToken")).get("/api/v1/registrations/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        asDoor().get("/api/v1/registrations/" + id).then().statusCode(403);
        asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200).body("id", is(id));
        asOrganizer().get("/api/v1/registrations/unknown-registration-id").then().statusCode(404)
                .body("code", is("registration.not_found"));
    }

    @Test
    void aDelegateChangesContactAndSessionsUnderTheSameRules() {
        String slug = forum(100);
        Map<String, Object> r = register(slug, delegate(email(), "OPEN"));
        String token = (String) r.get("manageToken");
        String id = (String) r.get("id");
        given().contentType(ContentType.JSON).auth().oauth2(token)
                .body(Map.of("jobTitle", "Deputy Director", "phone", "+420 777 123 456", "sessions", List.of("OPEN", "SMALL")))
                .patch("/api/v1/registrations/" + id).then().statusCode(200)
                .body("jobTitle", is("Deputy Director"))
                .body("phone", is("+420777123456"))
                .body("sessions.code", contains("OPEN", "SMALL"));
        given().contentType(ContentType.JSON).auth().oauth2(token)
                .body(Map.of("sessions", List.of("DIPLO"), "category", "DIPLOMATIC"))
                .patch("/api/v1/registrations/" + id).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("category", "sessions[0]"));
        asOrganizer().body(Map.of("sessions", List.of("DIPLO"), "category", "DIPLOMATIC"))
                .patch("/api/v1/registrations/" + id).then().statusCode(200)
                .body("category", is("DIPLOMATIC")).body("sessions.code", contains("DIPLO"));
        anonymous().get("/api/v1/events/" + slug).then().body("sessions.find { it.code == 'SMALL' }.seatsLeft", is(1));

        given().auth().oauth2(token).delete("/api/v1/registrations/" + id).then().statusCode(200);
        given().contentType(ContentType.JSON).auth().oauth2(token).body(Map.of("jobTitle", "x"))
                .patch("/api/v1/registrations/" + id).then().statusCode(409).body("code", is("registration.not_active"));
    }

    @Test
    void organizersSearchAndFilter() {
        String slug = forum(100);
        Map<String, Object> a = delegate(email());
        a.put("organization", "Alibaba Group");
        a.put("familyName", "Wang");
        a.put("country", "CN");
        a.put("phone", null);
        register(slug, a);
        Map<String, Object> b = delegate(email());
        b.put("organization", "ALIBABA  group ");
        b.put("country", "CN");
        b.put("phone", null);
        register(slug, b);
        register(slug, delegate(email()));
        String base = "/api/v1/events/" + slug + "/registrations";
        asOrganizer().get(base).then().body("total", is(3)).body("page", is(0)).body("size", is(50)).body("items", hasSize(3));
        asOrganizer().get(base + "?country=cn").then().body("total", is(2));
        asOrganizer().get(base + "?organization=alibaba group").then().body("total", is(2));
        asOrganizer().get(base + "?q=WANG").then().body("total", is(1)).body("items[0].familyName", is("Wang"));
        asOrganizer().get(base + "?category=INDUSTRY&status=CONFIRMED&size=2").then().body("total", is(3)).body("items", hasSize(2));
        asOrganizer().get(base + "?status=LOST&size=501").then().statusCode(400)
                .body("violations.field", hasItem("size"));
        asDoor().get(base).then().statusCode(403);
    }

    /** A JPEG of 600×800, the least the photo upload takes whole (3:4). */
    private static byte[] portrait() throws java.io.IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(600, 800, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(0x3a6ea5));
        g.fillRect(0, 0, 600, 800);
        g.setColor(new java.awt.Color(0xf1c27d));
        g.fillOval(150, 160, 300, 400);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }

    private static List<String> found(String slug, String ready) {
        return asOrganizer().queryParam("ready", ready).queryParam("size", 500).get("/api/v1/events/" + slug + "/registrations")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    @Test
    void organizersFindWhoIsReadyForABadge() throws Exception {
        Map<String, Object> e = event(slug());
        e.put("photoRequiredFor", List.of("MEDIA"));
        e.put("identityRequiredFor", List.of("ACADEMIC"));
        String slug = createEvent(e);

        // no requirement for INDUSTRY: confirmed is ready
        String plain = (String) register(slug, delegate(email())).get("id");
        // MEDIA needs an accepted photo
        Map<String, Object> m = delegate(email());
        m.put("category", "MEDIA");
        Map<String, Object> media = register(slug, m);
        String press = (String) media.get("id");
        assertEquals("PENDING", media.get("status"));
        // ACADEMIC needs an identity document: one registers with a passport, one is imported without
        Map<String, Object> a = delegate(email());
        a.put("category", "ACADEMIC");
        a.put("identity", Map.of("documentType", "PASSPORT", "number", "E" + (10_000_000 + new java.util.Random().nextInt(89_999_999)),
                "issuingCountry", "CN", "nationality", "CN", "expiresOn", java.time.LocalDate.now().plusYears(5).toString(),
                "dateOfBirth", "1979-04-23"));
        String scholar = (String) register(slug, a).get("id");
        String importedMail = email();
        String importedId = asOrganizer().contentType("text/csv")
                .body(("givenName,familyName,organization,country,email,category\nJana,Nová,Charles University,CZ," + importedMail + ",ACADEMIC\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/events/" + slug + "/registrations/import").then().statusCode(200)
                .body("created", is(1)).body("report[0].status", is("CONFIRMED")).extract().path("report[0].id");
        // a cancelled delegate needs nothing any more: in neither list
        Map<String, Object> c = register(slug, delegate(email()));
        given().auth().oauth2((String) c.get("manageToken")).delete("/api/v1/registrations/" + c.get("id")).then().statusCode(200);

        assertEquals(java.util.Set.of(plain, scholar), java.util.Set.copyOf(found(slug, "true")));
        assertEquals(java.util.Set.of(press, importedId), java.util.Set.copyOf(found(slug, "false")));

        // the photo under review is not enough; accepted, it confirms the delegate, who is then ready
        given().auth().oauth2((String) media.get("manageToken")).contentType("image/jpeg").body(portrait())
                .put("/api/v1/registrations/" + press + "/photo").then().statusCode(200).body("photo.status", is("PENDING_REVIEW"));
        assertEquals(java.util.Set.of(press, importedId), java.util.Set.copyOf(found(slug, "false")));
        asOrganizer().post("/api/v1/registrations/" + press + "/photo/accept").then().statusCode(200);
        asOrganizer().get("/api/v1/registrations/" + press).then().body("status", is("CONFIRMED"));
        assertEquals(java.util.Set.of(plain, scholar, press), java.util.Set.copyOf(found(slug, "TRUE")));
        assertEquals(List.of(importedId), found(slug, "false"));
        // with the other filters: the ready ones of a category
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?ready=true&category=ACADEMIC").then()
                .body("total", is(1)).body("items[0].id", is(scholar));

        asOrganizer().get("/api/v1/events/" + slug + "/registrations?ready=yes").then().statusCode(400)
                .body("violations[0].field", is("ready")).body("violations[0].code", is("true_false"))
                .body("violations[0].message", is("must be true or false"));
        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=SEARCH&size=100").then().statusCode(200)
                .body("items.detail", hasItem(containsString("ready=false")));
    }

    @Test
    void fiveHundredRaceForTheLastTenSeats() throws Exception {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("capacity", 10);
        Map<String, Object> s = session("TALK", OffsetDateTime.parse((String) e.get("startsAt")));
        s.put("capacity", 10);
        e.put("sessions", List.of(s));
        createEvent(e);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 500; i++) {
                Map<String, Object> body = delegate(email(), "TALK");
                answers.add(pool.submit(() -> anonymous().body(body).post("/api/v1/events/" + slug + "/registrations")
                        .then().extract().statusCode()));
            }
            for (Future<Integer> f : answers) {
                assertEquals(201, f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        String base = "/api/v1/events/" + slug + "/registrations";
        asOrganizer().get(base + "?status=CONFIRMED&size=500").then().body("total", is(10))
                .body("items.sessions.flatten().status", org.hamcrest.Matchers.everyItem(is("CONFIRMED")));
        asOrganizer().get(base + "?status=WAITLISTED").then().body("total", is(490));
        anonymous().get("/api/v1/events/" + slug).then().body("seatsLeft", is(0)).body("sessions[0].seatsLeft", is(0));
    }

    @Test
    void simultaneousRegistrationsWithOneEmailMakeOne() throws Exception {
        String slug = forum(100);
        String mail = email();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Map<String, Object> body = delegate(i % 2 == 0 ? mail : mail.toUpperCase(), "SMALL");
                answers.add(pool.submit(() -> anonymous().body(body).post("/api/v1/events/" + slug + "/registrations")
                        .then().extract().statusCode()));
            }
            int created = 0;
            int conflicts = 0;
            for (Future<Integer> f : answers) {
                int code = f.get(60, TimeUnit.SECONDS);
                created += code == 201 ? 1 : 0;
                conflicts += code == 409 ? 1 : 0;
            }
            assertEquals(1, created);
            assertEquals(19, conflicts);
        } finally {
            pool.shutdownNow();
        }
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().body("total", is(1));
        anonymous().get("/api/v1/events/" + slug).then()
                .body("seatsLeft", is(99))
                .body("sessions.find { it.code == 'SMALL' }.seatsLeft", is(0));
    }
}
