package org.forumpass.badge;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asDoor;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.forumpass.Fixtures;
import org.forumpass.common.error.DomainException;
import org.junit.jupiter.api.Test;

/** Issue 15: the accreditation desk marks badges collected, and organizers' prints mark them printed. */
@QuarkusTest
class BadgeDeskTest {
    @Inject
    BadgeDesk desk;
    @Inject
    EntityManager em;

    private static String forum() {
        Map<String, Object> e = event(slug());
        e.put("approvalRequiredFor", List.of("MEDIA"));
        return createEvent(e);
    }

    /** A confirmed delegate: {id, manageToken}. */
    private static String[] confirmed(String slug, String familyName, String country) {
        Map<String, Object> body = delegate(email());
        body.put("familyName", familyName);
        body.put("country", country);
        Map<String, Object> r = register(slug, body);
        assertEquals("CONFIRMED", r.get("status"));
        return new String[] {(String) r.get("id"), (String) r.get("manageToken")};
    }

    private static io.restassured.response.Response collect(io.restassured.specification.RequestSpecification as, String id,
                                                            Map<String, Object> body) {
        return as.body(body).post("/api/v1/registrations/" + id + "/badge/collected");
    }

    private static JsonPath badgeOf(String id) {
        return asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath list(String slug, String query) {
        return asOrganizer().get("/api/v1/events/" + slug + "/badges?" + query).then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> audit(String slug) {
        return asOrganizer().get("/api/v1/audit?event=" + slug + "&action=BADGE_COLLECTED&size=100").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private Long databaseKey(String publicId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from registration where public_id = ?1").setParameter(1, publicId).getSingleResult()).longValue());
    }

    @Test
    void theDelegateCollectsTheirOwnBadgeAndTheViewAndTheAuditSaySo() {
        String slug = forum();
        String[] d = confirmed(slug, "Selfová", "CZ");
        badgeOf(d[0]).getMap("badge").forEach((k, v) -> {
            if (List.of("printedAt", "collectedAt", "collectedBy", "proxyName").contains(k)) {
                assertNull(v, k + " of a fresh badge");
            }
        });
        collect(asOrganizer(), d[0], Map.of("by", "SELF")).then().statusCode(200)
                .body("collectedBy", is("SELF")).body("collectedAt", notNullValue()).body("proxyName", nullValue())
                .body("serial", is(1)).body("collectedAt", containsString("+08:00")); // the event's zone (Shanghai)
        JsonPath view = badgeOf(d[0]);
        assertEquals("SELF", view.getString("badge.collectedBy"));
        assertNotNull(view.getString("badge.collectedAt"));
        // the delegate sees it on their own view too
        given().auth().oauth2(d[1]).get("/api/v1/registrations/" + d[0]).then().statusCode(200)
                .body("badge.collectedBy", is("SELF"));

        List<Map<String, Object>> entries = audit(slug);
        assertEquals(1, entries.size(), entries.toString());
        assertEquals("admin", entries.get(0).get("actor"));
        assertEquals(d[0], entries.get(0).get("subject"));
        assertEquals("SELF", entries.get(0).get("detail"));
    }

    @Test
    void aProxyMustBeNamedAndTheNameIsTrimmedAndChecked() {
        String slug = forum();
        String[] d = confirmed(slug, "Proxyová", "CZ");
        collect(asOrganizer(), d[0], Map.of("by", "PROXY")).then().statusCode(400).contentType("application/problem+json")
                .body("code", is("request.invalid")).body("violations", hasSize(1))
                .body("violations[0].field", is("proxyName")).body("violations[0].code", is("required"));
        collect(asOrganizer(), d[0], Map.of("by", "PROXY", "proxyName", "   ")).then().statusCode(400)
                .body("violations[0].field", is("proxyName")).body("violations[0].code", is("required"));
        collect(asOrganizer(), d[0], Map.of("by", "PROXY", "proxyName", "Jan\u0007Novák")).then().statusCode(400)
                .body("violations[0].field", is("proxyName")).body("violations[0].code", is("control_characters"));
        collect(asOrganizer(), d[0], Map.of("by", "PROXY", "proxyName", "J\u202Ean")).then().statusCode(400)
                .body("violations[0].code", is("control_characters"));
        collect(asOrganizer(), d[0], Map.of("by", "PROXY", "proxyName", "x".repeat(201))).then().statusCode(400)
                .body("violations[0].field", is("proxyName")).body("violations[0].code", is("size"));
        collect(asOrganizer(), d[0], Map.of("by", "SELF", "proxyName", "Jan Novák")).then().statusCode(400)
                .body("violations[0].field", is("proxyName")).body("violations[0].code", is("proxy_name_self"));
        collect(asOrganizer(), d[0], Map.of("by", "SOMEONE")).then().statusCode(400)
                .body("violations[0].field", is("by")).body("violations[0].code", is("collected_by"));
        collect(asOrganizer(), d[0], Map.of()).then().statusCode(400)
                .body("violations[0].field", is("by")).body("violations[0].code", is("required"));
        assertNull(badgeOf(d[0]).get("badge.collectedAt"), "nothing was marked by a refused request");

        collect(asOrganizer(), d[0], Map.of("by", "proxy", "proxyName", "  Jan Novák\t")).then().statusCode(200)
                .body("collectedBy", is("PROXY")).body("proxyName", is("Jan Novák"));
        assertEquals("Jan Novák", badgeOf(d[0]).getString("badge.proxyName"));
        assertEquals("PROXY: Jan Novák", audit(slug).get(0).get("detail"));
    }

    @Test
    void aRegistrationWithoutACurrentBadgeHasNothingToHandOut() {
        String slug = forum();
        Map<String, Object> media = delegate(email());
        media.put("category", "MEDIA");
        String pending = (String) register(slug, media).get("id");
        collect(asOrganizer(), pending, Map.of("by", "SELF")).then().statusCode(409).contentType("application/problem+json")
                .body("code", is("badge.not_issued"));

        String[] d = confirmed(slug, "Cancelová", "CZ");
        given().auth().oauth2(d[1]).delete("/api/v1/registrations/" + d[0]).then().statusCode(200);
        collect(asOrganizer(), d[0], Map.of("by", "PROXY", "proxyName", "Jan Novák")).then().statusCode(409)
                .body("code", is("badge.not_issued"));
        collect(asOrganizer(), "no-such-registration", Map.of("by", "SELF")).then().statusCode(404)
                .body("code", is("registration.not_found"));
        assertEquals(List.of(), audit(slug));
    }

    @Test
    void aBadgeIsCollectedOnceAndTheSecondDeskLearnsWhenAndByWhom() {
        String slug = forum();
        String[] d = confirmed(slug, "Twiceová", "CZ");
        collect(asOrganizer(), d[0], Map.of("by", "PROXY", "proxyName", "Petr Svoboda")).then().statusCode(200);
        String collectedAt = badgeOf(d[0]).getString("badge.collectedAt");
        collect(asDoor(), d[0], Map.of("by", "SELF")).then().statusCode(409).contentType("application/problem+json")
                .body("code", is("badge.already_collected"))
                .body("detail", containsString("by proxy Petr Svoboda"))
                .body("detail", containsString(collectedAt.substring(0, 10) + " " + collectedAt.substring(11, 16)))
                .body("detail", containsString("Asia/Shanghai"))
                .body("detail", containsString("marked by admin"));
        JsonPath view = badgeOf(d[0]);
        assertEquals("PROXY", view.getString("badge.collectedBy"), "the first hand-out stands");
        assertEquals(collectedAt, view.getString("badge.collectedAt"));
        assertEquals(1, audit(slug).size());
    }

    @Test
    void eightDesksMarkingOneBadgeAtOnceLetExactlyOneThrough() throws Exception {
        String slug = forum();
        String[] d = confirmed(slug, "Raceová", "CZ");
        int desks = 8;
        ExecutorService pool = Executors.newFixedThreadPool(desks);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < desks; i++) {
                Map<String, Object> body = i % 2 == 0 ? Map.of("by", "SELF") : Map.of("by", "PROXY", "proxyName", "Proxy " + i);
                io.restassured.specification.RequestSpecification as = i % 3 == 0 ? asDoor() : asOrganizer();
                answers.add(pool.submit(() -> {
                    start.await();
                    return collect(as, d[0], body);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (Future<io.restassured.response.Response> f : answers) {
                io.restassured.response.Response r = f.get();
                statuses.add(r.statusCode());
                if (r.statusCode() != 200) {
                    codes.add(r.jsonPath().getString("code"));
                }
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses + " " + codes);
            assertEquals(desks - 1, statuses.stream().filter(s -> s == 409).count(), statuses + " " + codes);
            assertTrue(codes.stream().allMatch("badge.already_collected"::equals), codes.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, audit(slug).size(), "one hand-out, one audit entry");
        assertNotNull(badgeOf(d[0]).getString("badge.collectedBy"));
    }

    @Test
    void anOrganizersPrintMarksBadgesPrintedOnceAndTheDelegatesOwnDownloadDoesNot() {
        String slug = forum();
        String[] own = confirmed(slug, "Ownová", "CZ");
        given().get("/api/v1/registrations/" + own[0] + "/badge.pdf?t=" + own[1]).then().statusCode(200);
        given().auth().oauth2(own[1]).get("/api/v1/registrations/" + own[0] + "/badge.pdf").then().statusCode(200);
        assertNull(badgeOf(own[0]).get("badge.printedAt"), "the delegate's own download is no print");

        asOrganizer().get("/api/v1/registrations/" + own[0] + "/badge.pdf").then().statusCode(200);
        String first = badgeOf(own[0]).getString("badge.printedAt");
        assertNotNull(first, "an organizer's single badge PDF is a print");
        asOrganizer().get("/api/v1/registrations/" + own[0] + "/badge.pdf").then().statusCode(200);
        assertEquals(first, badgeOf(own[0]).getString("badge.printedAt"), "printedAt is the first print");

        String[] other = confirmed(slug, "Bulková", "SK");
        asOrganizer().get("/api/v1/events/" + slug + "/badges.pdf").then().statusCode(200).header("X-Badge-Count", "2");
        assertNotNull(badgeOf(other[0]).getString("badge.printedAt"), "the bulk PDF marks what it prints");
        assertEquals(first, badgeOf(own[0]).getString("badge.printedAt"), "a reprint keeps the first print's time");

        // a filtered bulk print marks only the badges it holds
        String[] third = confirmed(slug, "Filtrová", "AT");
        asOrganizer().get("/api/v1/events/" + slug + "/badges.pdf?country=PL").then().statusCode(200).header("X-Badge-Count", "0");
        assertNull(badgeOf(third[0]).get("badge.printedAt"));
    }

    @Test
    void theDeskListsPrintedBadgesNotYetCollectedAndTheOthersByFilter() {
        String slug = forum();
        String[] cz = confirmed(slug, "Alfa", "CZ");
        String[] at = confirmed(slug, "Beta", "AT");
        String[] de = confirmed(slug, "Gama", "DE");
        asOrganizer().get("/api/v1/events/" + slug + "/badges.pdf").then().statusCode(200).header("X-Badge-Count", "3");
        String[] late = confirmed(slug, "Delta", "BE"); // confirmed after the print: not printed
        Map<String, Object> media = delegate(email());
        media.put("category", "MEDIA");
        register(slug, media); // pending: no badge, never listed
        collect(asOrganizer(), cz[0], Map.of("by", "SELF")).then().statusCode(200);

        JsonPath waiting = list(slug, "collected=false");
        assertEquals(2, waiting.getInt("total"));
        assertEquals(List.of(at[0], de[0]), waiting.getList("items.id"), "printed, not collected, in print order (country)");
        assertEquals("Beta", waiting.getString("items[0].familyName"));
        assertEquals("Anna", waiting.getString("items[0].givenName"));
        assertEquals("Czech Telecom Union", waiting.getString("items[0].organization"));
        assertEquals("AT", waiting.getString("items[0].country"));
        assertEquals("INDUSTRY", waiting.getString("items[0].category"));
        assertNotNull(waiting.getString("items[0].printedAt"));
        assertNull(waiting.get("items[0].collectedAt"));

        assertEquals(List.of(late[0]), list(slug, "collected=false&printed=false").getList("items.id"));
        assertEquals(List.of(at[0], de[0]), list(slug, "collected=false&printed=true").getList("items.id"));
        JsonPath done = list(slug, "collected=true");
        assertEquals(List.of(cz[0]), done.getList("items.id"));
        assertEquals("SELF", done.getString("items[0].collectedBy"));
        assertNotNull(done.getString("items[0].collectedAt"));
        assertEquals("admin", done.getString("items[0].handedOutBy"));
        assertEquals(List.of(at[0], cz[0], de[0]), list(slug, "printed=true").getList("items.id"));
        assertEquals(List.of(late[0]), list(slug, "printed=false").getList("items.id"));
        assertEquals(List.of(at[0], late[0], cz[0], de[0]), list(slug, "size=50").getList("items.id"));

        JsonPath paged = list(slug, "collected=false&page=1&size=1");
        assertEquals(2, paged.getInt("total"));
        assertEquals(List.of(de[0]), paged.getList("items.id"));
        assertEquals(1, paged.getInt("page"));

        asOrganizer().get("/api/v1/events/" + slug + "/badges?collected=maybe&printed=1&size=0").then().statusCode(400)
                .body("code", is("request.invalid"))
                .body("violations.field", is(List.of("collected", "printed", "size")))
                .body("violations[0].code", is("true_false"));
        asDoor().get("/api/v1/events/" + slug + "/badges?collected=false").then().statusCode(403);
        asOrganizer().get("/api/v1/events/no-such-event/badges").then().statusCode(404);
    }

    @Test
    void aReissuedBadgeIsNeitherPrintedNorCollected() {
        String slug = forum();
        String[] d = confirmed(slug, "Reissueová", "CZ");
        asOrganizer().get("/api/v1/registrations/" + d[0] + "/badge.pdf").then().statusCode(200);
        collect(asOrganizer(), d[0], Map.of("by", "PROXY", "proxyName", "Eva Dvořák")).then().statusCode(200);
        asOrganizer().post("/api/v1/registrations/" + d[0] + "/badge/reissue").then().statusCode(200)
                .body("serial", is(2)).body("printedAt", nullValue()).body("collectedAt", nullValue())
                .body("collectedBy", nullValue()).body("proxyName", nullValue());
        JsonPath view = badgeOf(d[0]);
        assertEquals(2, view.getInt("badge.serial"));
        assertNull(view.get("badge.collectedAt"));
        assertEquals(List.of(), list(slug, "collected=true").getList("items"));
        assertEquals(List.of(d[0]), list(slug, "printed=false").getList("items.id"));
        // the new badge can be handed out in turn
        collect(asOrganizer(), d[0], Map.of("by", "SELF")).then().statusCode(200).body("serial", is(2));
    }

    @Test
    void doorStaffMayMarkWithinTheirEventsOnly() {
        String a = forum();
        String b = forum();
        String[] inA = confirmed(a, "Doorová", "CZ");
        String[] inB = confirmed(b, "Jinde", "CZ");
        String doorA = Fixtures.staffToken("door", List.of(a));
        String organizerA = Fixtures.staffToken("organizer", List.of(a));

        given().contentType(ContentType.JSON).auth().oauth2(doorA).body(Map.of("by", "SELF"))
                .post("/api/v1/registrations/" + inB[0] + "/badge/collected").then().statusCode(403)
                .body("code", is("auth.event_not_in_scope"));
        given().contentType(ContentType.JSON).auth().oauth2(organizerA).body(Map.of("by", "SELF"))
                .post("/api/v1/registrations/" + inB[0] + "/badge/collected").then().statusCode(403)
                .body("code", is("auth.event_not_in_scope"));
        given().auth().oauth2(organizerA).get("/api/v1/events/" + b + "/badges").then().statusCode(403)
                .body("code", is("auth.event_not_in_scope"));
        assertNull(badgeOf(inB[0]).get("badge.collectedAt"));

        String username = given().auth().oauth2(doorA).get("/api/v1/auth/me").then().extract().path("username");
        given().contentType(ContentType.JSON).auth().oauth2(doorA).body(Map.of("by", "SELF"))
                .post("/api/v1/registrations/" + inA[0] + "/badge/collected").then().statusCode(200)
                .body("collectedBy", is("SELF"));
        assertEquals(username, audit(a).get(0).get("actor"), "the audit names the door account that handed it out");
        given().auth().oauth2(organizerA).get("/api/v1/events/" + a + "/badges?collected=true").then().statusCode(200)
                .body("items[0].handedOutBy", is(username));
        // a delegate's manage token is no staff credential
        given().contentType(ContentType.JSON).auth().oauth2(inB[1]).body(Map.of("by", "SELF"))
                .post("/api/v1/registrations/" + inB[0] + "/badge/collected").then().statusCode(401);
    }

    @Test
    void collectAllMarksEveryDueBadgeByOneProxyAndSaysWhichItSkipped() {
        String slug = forum();
        String[] due = confirmed(slug, "Duea", "CZ");
        String[] dueToo = confirmed(slug, "Dueb", "CZ");
        String[] taken = confirmed(slug, "Taken", "CZ");
        collect(asOrganizer(), taken[0], Map.of("by", "SELF")).then().statusCode(200);
        Map<String, Object> media = delegate(email());
        media.put("category", "MEDIA");
        String pending = (String) register(slug, media).get("id");

        DomainException refused = assertThrows(DomainException.class,
                () -> desk.collectAll(List.of(databaseKey(due[0])), " ", "focal-point"));
        assertEquals("proxyName", refused.violations().get(0).field());
        assertNull(badgeOf(due[0]).get("badge.collectedAt"));

        BadgeDesk.CollectAllResult result = desk.collectAll(List.of(databaseKey(due[0]), databaseKey(taken[0]),
                databaseKey(pending), databaseKey(dueToo[0]), -1L), "  Maria Focal ", "focal-point");
        assertEquals(2, result.marked());
        assertEquals(List.of(due[0], dueToo[0]), result.markedIds());
        assertEquals(List.of(new BadgeDesk.Skipped(databaseKey(taken[0]), taken[0], BadgeDesk.SkipReason.ALREADY_COLLECTED),
                new BadgeDesk.Skipped(databaseKey(pending), pending, BadgeDesk.SkipReason.NO_BADGE),
                new BadgeDesk.Skipped(-1L, null, BadgeDesk.SkipReason.NO_BADGE)), result.skipped());
        for (String id : List.of(due[0], dueToo[0])) {
            JsonPath view = badgeOf(id);
            assertEquals("PROXY", view.getString("badge.collectedBy"));
            assertEquals("Maria Focal", view.getString("badge.proxyName"));
        }
        assertEquals("SELF", badgeOf(taken[0]).getString("badge.collectedBy"), "an earlier hand-out stands");
        List<Map<String, Object>> entries = audit(slug);
        assertEquals(3, entries.size(), entries.toString());
        assertTrue(entries.stream().filter(e -> "focal-point".equals(e.get("actor")))
                .allMatch(e -> "PROXY: Maria Focal".equals(e.get("detail"))), entries.toString());
        assertEquals(2, entries.stream().filter(e -> "focal-point".equals(e.get("actor"))).count());

        // by public ids: everything is collected by now
        BadgeDesk.CollectAllResult again = desk.collectAllByPublicId(List.of(due[0], "no-such-id"), "Maria Focal", "focal-point");
        assertEquals(0, again.marked());
        assertEquals(List.of(new BadgeDesk.Skipped(databaseKey(due[0]), due[0], BadgeDesk.SkipReason.ALREADY_COLLECTED),
                new BadgeDesk.Skipped(null, "no-such-id", BadgeDesk.SkipReason.NO_BADGE)), again.skipped());
    }

    @Test
    void erasingADelegateErasesTheProxysNameToo() {
        String slug = forum();
        String[] d = confirmed(slug, "Erasedová", "CZ");
        collect(asOrganizer(), d[0], Map.of("by", "PROXY", "proxyName", "Karel Erased")).then().statusCode(200);
        asOrganizer().post("/api/v1/registrations/" + d[0] + "/erase").then().statusCode(200);
        Long key = databaseKey(d[0]);
        List<?> names = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select proxy_name from badge where registration_id = ?1").setParameter(1, key).getResultList());
        assertEquals(1, names.size());
        assertNull(names.get(0));
    }
}
