package org.forumpass.audit;

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
import static org.forumpass.Fixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.forumpass.registration.PrivacyService;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditAndPrivacyTest {
    @Inject
    PrivacyService privacy;

    @Test
    void organizersActionsAndFailedSignInsAreInTheAuditLog() {
        Map<String, Object> e = event(slug());
        e.put("approvalRequiredFor", List.of("MEDIA"));
        String slug = createEvent(e);
        Map<String, Object> d = delegate(email());
        d.put("category", "MEDIA");
        String id = (String) register(slug, d).get("id");
        String stranger = "nobody-" + unique();
        anonymous().body(Map.of("username", stranger, "password", "wrong-password-1")).post("/api/v1/auth/login")
                .then().statusCode(401);
        asOrganizer().post("/api/v1/registrations/" + id + "/approve").then().statusCode(200);
        asOrganizer().get("/api/v1/events/" + slug + "/exports/delegates.csv?groupBy=country").then().statusCode(200);
        asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200);

        asOrganizer().get("/api/v1/audit?actor=" + stranger).then().statusCode(200)
                .body("total", is(1)).body("items[0].action", is("SIGN_IN_FAILED"));
        asOrganizer().get("/api/v1/audit?event=" + slug).then().statusCode(200)
                .body("items.action", hasItem("APPROVE"))
                .body("items.action", hasItem("EXPORT"))
                .body("items.action", hasItem("VIEW_PERSONAL_DATA"))
                .body("items.find { it.action == 'APPROVE' }.subject", is(id))
                .body("items.find { it.action == 'APPROVE' }.actor", is("admin"))
                .body("items.find { it.action == 'EXPORT' }.detail", containsString("delegates.csv?groupBy=country"));
        String csv = new String(asOrganizer().get("/api/v1/audit/export.csv?event=" + slug).then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFat,actor,action,event,subject,detail"), csv);
        assertTrue(csv.contains("APPROVE") && csv.contains(id), csv);
        asOrganizer().get("/api/v1/audit?action=DANCE").then().statusCode(400).body("violations[0].field", is("action"));
        asDoor().get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void anAccessRequestShowsEverythingAndErasureKeepsOnlyTheCounts() {
        String slug = createEvent(event(slug()));
        Map<String, Object> d = delegate(email());
        d.put("nativeName", "李肇星");
        Map<String, Object> r = register(slug, d);
        String id = (String) r.get("id");
        String token = (String) r.get("manageToken");
        asOrganizer().body(Map.of("registrationId", id, "deviceId", "desk", "nonce", unique()))
                .post("/api/v1/events/" + slug + "/checkin/manual").then().statusCode(200).body("result", is("ACCEPTED"));

        asOrganizer().get("/api/v1/registrations/" + id + "/personal-data").then().statusCode(200)
                .body("registration.email", is(d.get("email")))
                .body("registration.nativeName", is("李肇星"))
                .body("checkIns[0].door", is("entrance"))
                .body("scans[0].result", is("ACCEPTED"))
                .body("erasedAt", nullValue());

        asOrganizer().post("/api/v1/registrations/" + id + "/erase").then().statusCode(200)
                .body("givenName", is("Erased")).body("nativeName", nullValue()).body("phone", nullValue())
                .body("email", not(is(d.get("email")))).body("badge", nullValue());
        given().auth().oauth2(token).get("/api/v1/registrations/" + id).then().statusCode(403);
        asOrganizer().get("/api/v1/events/" + slug + "/stats").then().statusCode(200)
                .body("entrance.checkedIn", is(1)).body("registrations.total", is(1));
        String export = asOrganizer().get("/api/v1/events/" + slug + "/exports/delegates.csv").then().statusCode(200)
                .extract().asString();
        assertTrue(!export.contains("李肇星") && !export.contains((String) d.get("email")), export);
        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=ERASE").then().body("total", is(1));
    }

    @Test
    void anEventPastItsRetentionPeriodIsErased() {
        Map<String, Object> e = event(slug());
        String slug = createEvent(e);
        String id = (String) register(slug, delegate(email())).get("id");
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(20);
        e.put("startsAt", start.toString());
        e.put("endsAt", start.plusHours(8).toString());
        e.put("retentionDays", 7);
        asOrganizer().body(e).put("/api/v1/events/" + slug).then().statusCode(200).body("retentionDays", is(7));

        assertTrue(privacy.eraseExpired() >= 1);
        asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200).body("givenName", is("Erased"));
        assertEquals(0, privacy.eraseSome(privacy.expiredEvents().get(0), 10), "erasing again changes nothing");
    }
}
