package org.forumpass.delegation;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.anonymous;
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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.forumpass.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DelegationApiTest {
    @Inject
    MockMailbox mailbox;

    /** An event with a 10-seat session, and a delegation (3 GOVERNMENT, 2 DIPLOMATIC); answers {slug, id, token}. */
    static Map<String, String> embassy(int capacity) {
        return embassy(capacity, List.of());
    }

    static Map<String, String> embassy(int capacity, List<String> approvalRequiredFor) {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("capacity", capacity);
        e.put("approvalRequiredFor", approvalRequiredFor);
        Map<String, Object> s = session("TALK", OffsetDateTime.parse((String) e.get("startsAt")));
        s.put("capacity", 10);
        e.put("sessions", List.of(s));
        createEvent(e);
        Map<String, Object> created = asOrganizer().body(delegation("Embassy of Kazakhstan " + slug, Map.of("GOVERNMENT", 3, "DIPLOMATIC", 2)))
                .post("/api/v1/events/" + slug + "/delegations").then().statusCode(201)
                .body("id", notNullValue()).body("focalPointToken", notNullValue())
                .extract().jsonPath().getMap("");
        return Map.of("slug", slug, "id", (String) created.get("id"), "token", (String) created.get("focalPointToken"),
                "url", (String) created.get("focalPointUrl"));
    }

    static Map<String, Object> delegation(String name, Map<String, Integer> quotas) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("country", "KZ");
        d.put("organization", "Embassy of the Republic of Kazakhstan");
        d.put("focalPoint", Map.of("name", "Aigerim Sadykova", "email", email(), "language", "zh"));
        d.put("quotas", quotas);
        return d;
    }

    /** A member body: no country or organization (the delegation's apply). */
    static Map<String, Object> member(String category, String... sessions) {
        Map<String, Object> m = delegate(email(), sessions);
        m.remove("country");
        m.remove("organization");
        m.remove("phone");
        m.put("category", category);
        m.put("givenName", "Nurlan");
        m.put("familyName", "Abenov");
        m.put("nativeName", "Нурлан Абенов");
        return m;
    }

    static RequestSpecification asFocalPoint(String token) {
        return given().contentType(ContentType.JSON).auth().oauth2(token);
    }

    @Test
    void organizerCreatesADelegationAndTheFocalPointGetsItsLink() {
        String slug = slug();
        createEvent(event(slug));
        Map<String, Object> body = delegation("Ministry of Digital Development", Map.of("GOVERNMENT", 3, "DIPLOMATIC", 2));
        @SuppressWarnings("unchecked")
        String focalEmail = ((Map<String, String>) body.get("focalPoint")).get("email");
        Map<String, Object> created = asOrganizer().body(body).post("/api/v1/events/" + slug + "/delegations").then()
                .statusCode(201).extract().jsonPath().getMap("");
        String id = (String) created.get("id");
        List<Mail> sent = mailsSentTo(mailbox, focalEmail, 1);
        assertEquals(1, sent.size(), "the focal point gets one e-mail");
        assertTrue(sent.get(0).getSubject().contains("代表团"), "in the focal point's language: " + sent.get(0).getSubject());
        assertTrue(sent.get(0).getText().contains("/d/" + id + "?t=" + created.get("focalPointToken")), sent.get(0).getText());

        asOrganizer().get("/api/v1/events/" + slug + "/delegations").then().statusCode(200)
                .body("name", contains("Ministry of Digital Development"))
                .body("[0].quotas.GOVERNMENT.quota", is(3)).body("[0].quotas.GOVERNMENT.left", is(3))
                .body("[0].placesTotal", is(5)).body("[0].placesUsed", is(0));
        asOrganizer().body(body).post("/api/v1/events/" + slug + "/delegations").then().statusCode(409)
                .body("code", is("delegation.name_taken"));
    }

    @Test
    void badDelegationsAreRefusedWithEveryBadField() {
        String slug = slug();
        createEvent(event(slug));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", " ");
        body.put("country", "XX");
        body.put("organization", "Ministry");
        body.put("focalPoint", Map.of("name", "A", "email", "not-an-address"));
        body.put("quotas", Map.of("GOVERNMENT", -1));
        asOrganizer().body(body).post("/api/v1/events/" + slug + "/delegations").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("name", "country", "focalPoint.email", "quotas"));
        asOrganizer().get("/api/v1/events/" + slug + "/delegations").then().body("size()", is(0));
    }

    @Test
    void theFocalPointAddsMembersWithinTheQuota() {
        Map<String, String> d = embassy(100);
        String path = "/api/v1/delegations/" + d.get("id");
        Map<String, Object> added = asFocalPoint(d.get("token")).body(member("DIPLOMATIC", "TALK")).post(path + "/members")
                .then().statusCode(201).body("manageToken", nullValue()).body("status", is("CONFIRMED"))
                .extract().jsonPath().getMap("");
        String memberId = (String) added.get("id");
        asFocalPoint(d.get("token")).body(member("DIPLOMATIC")).post(path + "/members").then().statusCode(201);
        asFocalPoint(d.get("token")).body(member("DIPLOMATIC")).post(path + "/members").then().statusCode(409)
                .body("code", is("delegation.quota_exceeded")).body("violations[0].field", is("category"));
        asFocalPoint(d.get("token")).body(member("MEDIA")).post(path + "/members").then().statusCode(409)
                .body("code", is("delegation.quota_exceeded"));

        asFocalPoint(d.get("token")).get(path).then().statusCode(200)
                .body("quotas.DIPLOMATIC.used", is(2)).body("quotas.DIPLOMATIC.left", is(0))
                .body("quotas.GOVERNMENT.left", is(3))
                .body("members.size()", is(2))
                .body("members[0].nativeName", is("Нурлан Абенов"))
                .body("members[0].badge.code", notNullValue());
        // the member is an ordinary registration, with the delegation's country and organization, naming its delegation
        asFocalPoint(d.get("token")).get("/api/v1/registrations/" + memberId).then().statusCode(200)
                .body("country", is("KZ")).body("organization", is("Embassy of the Republic of Kazakhstan"))
                .body("delegation.id", is(d.get("id"))).body("delegation.name", notNullValue())
                .body("source", is("DELEGATION"))
                .body("sessions.code", contains("TALK"));
        asOrganizer().get("/api/v1/events/" + d.get("slug")).then().body("sessions[0].seatsLeft", is(9));

        // withdrawing frees the place
        asFocalPoint(d.get("token")).delete(path + "/members/" + memberId).then().statusCode(200)
                .body("quotas.DIPLOMATIC.used", is(1))
                .body("members.find { it.id == '" + memberId + "' }.status", is("CANCELLED"))
                .body("members.find { it.id == '" + memberId + "' }.holdsPlace", is(false));
        asFocalPoint(d.get("token")).body(member("DIPLOMATIC")).post(path + "/members").then().statusCode(201);
        asOrganizer().get("/api/v1/events/" + d.get("slug") + "/delegations").then()
                .body("[0].placesUsed", is(2)).body("[0].members", is(2));
    }

    @Test
    void aMemberFollowsTheEventsRules() {
        Map<String, String> d = embassy(100, List.of("GOVERNMENT"));
        String path = "/api/v1/delegations/" + d.get("id");
        // approval applies to what a focal point registers; the organizer's own additions are decided already
        asFocalPoint(d.get("token")).body(member("GOVERNMENT")).post(path + "/members").then().statusCode(201)
                .body("status", is("PENDING"));
        asOrganizer().body(member("GOVERNMENT")).post(path + "/members").then().statusCode(201)
                .body("status", is("CONFIRMED")).body("manageToken", notNullValue());
        // consent and a valid e-mail are asked of the focal point as of anyone; a bad body takes no place
        Map<String, Object> bad = member("GOVERNMENT");
        bad.put("consent", false);
        bad.put("email", "nobody");
        asFocalPoint(d.get("token")).body(bad).post(path + "/members").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("consent", "email"));
        asFocalPoint(d.get("token")).get(path).then().body("quotas.GOVERNMENT.used", is(2));
        // one e-mail per event, delegation or not
        Map<String, Object> first = member("DIPLOMATIC");
        asFocalPoint(d.get("token")).body(first).post(path + "/members").then().statusCode(201);
        asFocalPoint(d.get("token")).body(first).post(path + "/members").then().statusCode(409)
                .body("code", is("registration.duplicate_email"));
        asFocalPoint(d.get("token")).get(path).then().body("quotas.GOVERNMENT.used", is(2)).body("quotas.DIPLOMATIC.used", is(1));
    }

    @Test
    void twentyTabsAddingAtOnceFillThreePlacesExactly() throws Exception {
        Map<String, String> d = embassy(100);
        String path = "/api/v1/delegations/" + d.get("id") + "/members";
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Map<String, Object> body = member("GOVERNMENT");
                answers.add(pool.submit(() -> {
                    start.await();
                    return asFocalPoint(d.get("token")).body(body).post(path).then().extract().statusCode();
                }));
            }
            start.countDown();
            int created = 0;
            int full = 0;
            for (Future<Integer> f : answers) {
                int code = f.get(120, TimeUnit.SECONDS);
                created += code == 201 ? 1 : 0;
                full += code == 409 ? 1 : 0;
            }
            assertEquals(3, created, "exactly the three places");
            assertEquals(17, full, "every other tab hears the quota is used up");
        } finally {
            pool.shutdownNow();
        }
        asOrganizer().get("/api/v1/delegations/" + d.get("id")).then()
                .body("quotas.GOVERNMENT.used", is(3)).body("members.size()", is(3));
        asOrganizer().get("/api/v1/events/" + d.get("slug") + "/registrations").then().body("total", is(3));
    }

    @Test
    void aReplacementTakesThePlaceAndTheSeatsAtOnce() {
        // the event is full and someone waits: replacing a member must not let the waiting delegate in
        Map<String, String> d = embassy(2);
        String path = "/api/v1/delegations/" + d.get("id");
        String oldId = (String) asFocalPoint(d.get("token")).body(member("GOVERNMENT", "TALK")).post(path + "/members")
                .then().statusCode(201).extract().path("id");
        register(d.get("slug"), delegate(email()));
        String waitingId = (String) register(d.get("slug"), delegate(email())).get("id");
        asOrganizer().get("/api/v1/registrations/" + waitingId).then().body("status", is("WAITLISTED"));
        asOrganizer().get("/api/v1/registrations/" + oldId).then().body("badge.code", notNullValue());

        Map<String, Object> newcomer = member(null);
        newcomer.remove("category");
        newcomer.put("givenName", "Aliya");
        newcomer.put("nativeName", "Алия Абенова");
        String newId = (String) asFocalPoint(d.get("token")).body(newcomer).post(path + "/members/" + oldId + "/replace")
                .then().statusCode(201).body("status", is("CONFIRMED"))
                .body("sessions[0].code", is("TALK")).body("sessions[0].status", is("CONFIRMED"))
                .extract().path("id");

        asOrganizer().get("/api/v1/registrations/" + oldId).then()
                .body("status", is("CANCELLED")).body("badge", nullValue());
        asOrganizer().get("/api/v1/registrations/" + newId).then()
                .body("status", is("CONFIRMED")).body("category", is("GOVERNMENT")).body("givenName", is("Aliya"))
                .body("badge.code", notNullValue()).body("delegation.id", is(d.get("id")));
        asOrganizer().get("/api/v1/registrations/" + waitingId).then().body("status", is("WAITLISTED"));
        asOrganizer().get("/api/v1/events/" + d.get("slug")).then().body("seatsLeft", is(0)).body("sessions[0].seatsLeft", is(9));
        asFocalPoint(d.get("token")).get(path).then().body("quotas.GOVERNMENT.used", is(1))
                .body("members[0].id", is(newId));

        // a replaced member cannot be replaced again; the category stays the place's
        asFocalPoint(d.get("token")).body(member(null)).post(path + "/members/" + oldId + "/replace").then()
                .statusCode(409).body("code", is("registration.not_active"));
        asFocalPoint(d.get("token")).body(member("DIPLOMATIC")).post(path + "/members/" + newId + "/replace").then()
                .statusCode(400).body("violations.field", hasItem("category"));
        asOrganizer().get("/api/v1/events/" + d.get("slug") + "/registrations?status=CONFIRMED").then().body("total", is(2));
    }

    @Test
    void twoReplacementsOfOneMemberAtOnceMakeOne() throws Exception {
        Map<String, String> d = embassy(100);
        String path = "/api/v1/delegations/" + d.get("id");
        String oldId = (String) asFocalPoint(d.get("token")).body(member("GOVERNMENT", "TALK")).post(path + "/members")
                .then().statusCode(201).extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Map<String, Object> body = member(null);
                answers.add(pool.submit(() -> {
                    start.await();
                    return asFocalPoint(d.get("token")).body(body).post(path + "/members/" + oldId + "/replace")
                            .then().extract().statusCode();
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<Integer> f : answers) {
                int code = f.get(120, TimeUnit.SECONDS);
                assertTrue(code == 201 || code == 409, "201 or 409, not " + code);

                created += code == 201 ? 1 : 0;
            }
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
        asOrganizer().get(path).then().body("quotas.GOVERNMENT.used", is(1))
                .body("members.findAll { it.holdsPlace }.size()", is(1));
        asOrganizer().get("/api/v1/events/" + d.get("slug")).then().body("sessions[0].seatsLeft", is(9));
    }

    @Test
    void theFocalPointsLinkOpensItsOwnDelegationAndNothingElse() {
        Map<String, String> a = embassy(100);
        Map<String, String> b = embassy(100);
        String bMember = (String) asFocalPoint(b.get("token")).body(member("GOVERNMENT")).post("/api/v1/delegations/" + b.get("id") + "/members")
                .then().statusCode(201).extract().path("id");
        String outsider = (String) register(a.get("slug"), delegate(email())).get("id");

        asFocalPoint(a.get("token")).get("/api/v1/delegations/" + b.get("id")).then().statusCode(403).body("code", is("auth.forbidden"));
        asFocalPoint(a.get("token")).body(member("GOVERNMENT")).post("/api/v1/delegations/" + b.get("id") + "/members")
                .then().statusCode(403);
        asFocalPoint(a.get("token")).get("/api/v1/registrations/" + bMember).then().statusCode(403);
        asFocalPoint(a.get("token")).delete("/api/v1/registrations/" + bMember).then().statusCode(403);
        asFocalPoint(a.get("token")).get("/api/v1/registrations/" + outsider).then().statusCode(403);
        // a member of B through A's own delegation path: not a member of A
        asFocalPoint(a.get("token")).delete("/api/v1/delegations/" + a.get("id") + "/members/" + bMember).then()
                .statusCode(404).body("code", is("delegation.not_member"));
        asFocalPoint(a.get("token")).body(member(null)).post("/api/v1/delegations/" + a.get("id") + "/members/" + outsider + "/replace")
                .then().statusCode(404).body("code", is("delegation.not_member"));
        asOrganizer().get("/api/v1/registrations/" + bMember).then().body("status", is("CONFIRMED"));
        asOrganizer().get("/api/v1/registrations/" + outsider).then().body("status", is("CONFIRMED"));
        // a member's own manage token does not open the delegation; door staff do not either
        String ownToken = (String) register(a.get("slug"), delegate(email())).get("manageToken");
        asFocalPoint(ownToken).get("/api/v1/delegations/" + a.get("id")).then().statusCode(403);
        Fixtures.asDoor().get("/api/v1/delegations/" + a.get("id")).then().statusCode(403);
        anonymous().get("/api/v1/delegations/" + a.get("id")).then().statusCode(401);
        // an organizer of another event only
        String other = Fixtures.staffToken("organizer", List.of(b.get("slug")));
        asFocalPoint(other).get("/api/v1/delegations/" + a.get("id")).then().statusCode(403).body("code", is("auth.event_not_in_scope"));
        asFocalPoint(other).get("/api/v1/events/" + a.get("slug") + "/delegations").then().statusCode(403);
        asOrganizer().get("/api/v1/delegations/nope").then().statusCode(404).body("code", is("delegation.not_found"));
    }

    @Test
    void theFocalPointChangesOnlyItsContactAndQuotasNeverDropBelowUse() {
        Map<String, String> d = embassy(100);
        String path = "/api/v1/delegations/" + d.get("id");
        asFocalPoint(d.get("token")).body(Map.of("quotas", Map.of("GOVERNMENT", 30))).patch(path).then().statusCode(400)
                .body("violations[0].code", is("focal_point_only"));
        asFocalPoint(d.get("token")).body(Map.of("focalPoint", Map.of("name", "Dana Ospanova", "email", "dana@embassy.example", "language", "en")))
                .patch(path).then().statusCode(200).body("focalPoint.name", is("Dana Ospanova"));
        asFocalPoint(d.get("token")).body(member("GOVERNMENT")).post(path + "/members").then().statusCode(201);
        asFocalPoint(d.get("token")).body(member("GOVERNMENT")).post(path + "/members").then().statusCode(201);
        asOrganizer().body(Map.of("quotas", Map.of("GOVERNMENT", 1))).patch(path).then().statusCode(409)
                .body("code", is("delegation.quota_below_used"));
        asOrganizer().body(Map.of("quotas", Map.of("GOVERNMENT", 2, "MEDIA", 1))).patch(path).then().statusCode(200)
                .body("quotas.GOVERNMENT.left", is(0)).body("quotas.MEDIA.quota", is(1));
    }

    @Test
    void anOrganizerMovingAMemberToAnotherCategoryMovesItsPlace() {
        Map<String, String> d = embassy(100);
        String path = "/api/v1/delegations/" + d.get("id");
        String id = (String) asFocalPoint(d.get("token")).body(member("GOVERNMENT")).post(path + "/members").then()
                .statusCode(201).extract().path("id");
        asOrganizer().body(Map.of("category", "DIPLOMATIC")).patch("/api/v1/registrations/" + id).then().statusCode(200);
        asOrganizer().get(path).then().body("quotas.GOVERNMENT.used", is(0)).body("quotas.DIPLOMATIC.used", is(1));
        asOrganizer().body(Map.of("category", "MEDIA")).patch("/api/v1/registrations/" + id).then().statusCode(409)
                .body("code", is("delegation.quota_exceeded"));
        asOrganizer().get("/api/v1/registrations/" + id).then().body("category", is("DIPLOMATIC"));
        // cancelling the registration directly (the member's own link) frees the place as withdrawing does
        asFocalPoint(d.get("token")).delete("/api/v1/registrations/" + id).then().statusCode(200);
        asOrganizer().get(path).then().body("quotas.DIPLOMATIC.used", is(0));
    }

    @Test
    void rejectingOrErasingAMemberGivesThePlaceBack() {
        Map<String, String> d = embassy(100, List.of("GOVERNMENT"));
        String path = "/api/v1/delegations/" + d.get("id");
        String pending = (String) asFocalPoint(d.get("token")).body(member("GOVERNMENT")).post(path + "/members").then()
                .statusCode(201).body("status", is("PENDING")).extract().path("id");
        String confirmed = (String) asFocalPoint(d.get("token")).body(member("DIPLOMATIC")).post(path + "/members").then()
                .statusCode(201).body("status", is("CONFIRMED")).extract().path("id");
        asOrganizer().get(path).then().body("quotas.GOVERNMENT.used", is(1)).body("quotas.DIPLOMATIC.used", is(1));
        asOrganizer().post("/api/v1/registrations/" + pending + "/reject").then().statusCode(200);
        asOrganizer().post("/api/v1/registrations/" + confirmed + "/erase").then().statusCode(200);
        asOrganizer().get(path).then().body("quotas.GOVERNMENT.used", is(0)).body("quotas.DIPLOMATIC.used", is(0))
                .body("members.findAll { it.holdsPlace }.size()", is(0));
    }

    @Test
    void aProxyCollectsTheWholeDelegationsBadgesAtOnce() {
        Map<String, String> d = embassy(100, List.of("GOVERNMENT"));
        String path = "/api/v1/delegations/" + d.get("id");
        String one = (String) asFocalPoint(d.get("token")).body(member("DIPLOMATIC")).post(path + "/members").then().statusCode(201).extract().path("id");
        String two = (String) asFocalPoint(d.get("token")).body(member("DIPLOMATIC")).post(path + "/members").then().statusCode(201).extract().path("id");
        String pending = (String) asFocalPoint(d.get("token")).body(member("GOVERNMENT")).post(path + "/members").then().statusCode(201).extract().path("id");
        asOrganizer().body(Map.of("by", "SELF")).post("/api/v1/registrations/" + two + "/badge/collected").then().statusCode(200);

        asOrganizer().body(Map.of()).post(path + "/badges/collected").then().statusCode(400)
                .body("violations[0].field", is("proxyName"));
        Fixtures.asDoor().body(Map.of("proxyName", "Second Secretary Yerlan Dzhaksybekov")).post(path + "/badges/collected")
                .then().statusCode(200).body("marked", is(1)).body("markedIds", contains(one))
                .body("skipped.find { it.id == '" + two + "' }.reason", is("ALREADY_COLLECTED"));
        asOrganizer().get("/api/v1/registrations/" + one).then()
                .body("badge.collectedBy", is("PROXY")).body("badge.proxyName", is("Second Secretary Yerlan Dzhaksybekov"));
        asOrganizer().get("/api/v1/registrations/" + pending).then().body("badge", nullValue());
        // the desk's work, not the focal point's (a manage-type token is not a staff sign-in: 401)
        asFocalPoint(d.get("token")).body(Map.of("proxyName", "Me")).post(path + "/badges/collected").then().statusCode(401);
        asOrganizer().get("/api/v1/audit?event=" + d.get("slug") + "&action=BADGE_COLLECTED").then()
                .body("items.find { it.subject == '" + one + "' }.detail", is("PROXY: Second Secretary Yerlan Dzhaksybekov"));
    }

    @Test
    void organizersSendTheLinkAgainOrRenewIt() {
        Map<String, String> d = embassy(100);
        String path = "/api/v1/delegations/" + d.get("id");
        String focalEmail = asOrganizer().get(path).then().extract().path("focalPoint.email");
        asOrganizer().post(path + "/focal-point-link").then().statusCode(200).body("focalPointToken", is(d.get("token")));
        assertEquals(2, mailsSentTo(mailbox, focalEmail, 2).size(), "the same link, sent again");
        asFocalPoint(d.get("token")).post(path + "/focal-point-link").then().statusCode(401);

        String renewed = asOrganizer().post(path + "/focal-point-link?revoke=true").then().statusCode(200)
                .extract().path("focalPointToken");
        assertTrue(!renewed.equals(d.get("token")));
        assertTrue(mailsSentTo(mailbox, focalEmail, 3).get(2).getText().contains("?t=" + renewed));
        asFocalPoint(d.get("token")).get(path).then().statusCode(403);
        asFocalPoint(renewed).get(path).then().statusCode(200);
    }
}
