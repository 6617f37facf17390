package org.forumpass.checkin;

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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatsTest {

    @Test
    void countsRegistrationsAndPresenceLive() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("capacity", 2);
        e.put("sessions", List.of(session("HALL", OffsetDateTime.parse((String) e.get("startsAt")))));
        createEvent(e);
        String a = (String) register(slug, delegate(email(), "HALL")).get("id");
        Map<String, Object> cn = delegate(email(), "HALL");
        cn.put("country", "CN");
        cn.put("phone", null);
        String b = (String) register(slug, cn).get("id");
        register(slug, delegate(email(), "HALL"));
        for (String id : List.of(a, b)) {
            asOrganizer().body(Map.of("registrationId", id, "session", "HALL", "deviceId", "d1", "nonce", unique()))
                    .post("/api/v1/events/" + slug + "/checkin/manual").then().body("result", is("ACCEPTED"));
        }
        asOrganizer().body(Map.of("registrationId", a, "session", "HALL", "direction", "OUT", "deviceId", "d1", "nonce", unique()))
                .post("/api/v1/events/" + slug + "/checkin/manual").then().body("result", is("ACCEPTED"));
        asDoor().body(Map.of("code", "junk", "deviceId", "d1", "nonce", unique()))
                .post("/api/v1/events/" + slug + "/scans").then().body("result", is("INVALID_CODE"));

        asOrganizer().get("/api/v1/events/" + slug + "/stats").then().statusCode(200)
                .body("registrations.total", is(3))
                .body("registrations.byStatus.CONFIRMED", is(2))
                .body("registrations.byStatus.WAITLISTED", is(1))
                .body("registrations.byCountry.find { it.country == 'CN' }.count", is(1))
                .body("sessions[0].code", is("HALL"))
                .body("sessions[0].registered", is(2))
                .body("sessions[0].checkedIn", is(2))
                .body("sessions[0].insideNow", is(1))
                .body("entrance.checkedIn", is(0))
                .body("scansPerMinute", hasSize(30))
                .body("scansPerMinute.scans.sum()", is(4))
                .body("scansPerMinute.accepted.sum()", is(3))
                .body("registrationsPerDay.registrations.sum()", is(registrationsTotal(slug)));
        asDoor().get("/api/v1/events/" + slug + "/stats").then().statusCode(403);
    }

    private static int registrationsTotal(String slug) {
        return org.forumpass.Fixtures.asOrganizer().get("/api/v1/events/" + slug + "/stats").then().extract().path("registrations.total");
    }
}
