package org.forumpass.registration;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.forumpass.Fixtures;
import org.junit.jupiter.api.Test;

/** Issue 16: the organizers' protocol fields (VIP, rank, note), and who may set and read them. */
@QuarkusTest
class ProtocolTest {
    private static final String NOTE = "Escort to front row, seat A3";

    private static Map<String, Object> protocol(Object vip, Object rank, Object note) {
        Map<String, Object> p = new HashMap<>();
        p.put("vip", vip);
        p.put("rank", rank);
        p.put("note", note);
        return p;
    }

    @Test
    void organizersMarkAVipAndSeeItInTheViewAndTheList() {
        String slug = createEvent(event(slug()));
        String vip = (String) register(slug, delegate(email())).get("id");
        String other = (String) register(slug, delegate(email())).get("id");
        asOrganizer().get("/api/v1/registrations/" + other).then().statusCode(200)
                .body("protocol.vip", is(false)).body("protocol.rank", nullValue()).body("protocol.note", nullValue());

        asOrganizer().body(protocol(true, 1, "  " + NOTE + "  ")).put("/api/v1/registrations/" + vip + "/protocol").then()
                .statusCode(200).body("id", is(vip)).body("protocol.vip", is(true)).body("protocol.rank", is(1))
                .body("protocol.note", is(NOTE));
        asOrganizer().get("/api/v1/registrations/" + vip).then().statusCode(200)
                .body("protocol.vip", is(true)).body("protocol.rank", is(1)).body("protocol.note", is(NOTE));

        asOrganizer().get("/api/v1/events/" + slug + "/registrations?vip=true").then().statusCode(200)
                .body("total", is(1)).body("items.id", contains(vip)).body("items[0].protocol.note", is(NOTE));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?vip=false").then().statusCode(200)
                .body("total", is(1)).body("items.id", contains(other));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?vip=maybe").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("vip"));

        // the PATCH of a registration takes it too; unmarking clears the rank and the note
        asOrganizer().body(Map.of("protocol", protocol(true, 4, null))).patch("/api/v1/registrations/" + other).then()
                .statusCode(200).body("protocol.vip", is(true)).body("protocol.rank", is(4)).body("protocol.note", nullValue());
        asOrganizer().body(Map.of("protocol", Map.of("vip", false))).patch("/api/v1/registrations/" + vip).then()
                .statusCode(200).body("protocol.vip", is(false)).body("protocol.rank", nullValue()).body("protocol.note", nullValue());
        // a PATCH without protocol leaves it as it is
        asOrganizer().body(Map.of("jobTitle", "Minister")).patch("/api/v1/registrations/" + other).then().statusCode(200)
                .body("protocol.rank", is(4));

        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=PROTOCOL_CHANGED").then().statusCode(200)
                .body("total", is(3)).body("items.subject", hasItem(vip))
                .body("items.detail", hasItem("vip=true rank=1 note=set"))
                .body("items.detail", not(hasItem(org.hamcrest.Matchers.containsString("seat A3"))));
    }

    @Test
    void aRankOrANoteWithoutVipAndBadValuesAreRefusedByField() {
        String slug = createEvent(event(slug()));
        String id = (String) register(slug, delegate(email())).get("id");
        String path = "/api/v1/registrations/" + id + "/protocol";
        asOrganizer().body(protocol(false, 2, null)).put(path).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("rank")).body("violations[0].code", is("protocol_vip_only"));
        asOrganizer().body(protocol(null, null, NOTE)).put(path).then().statusCode(400)
                .body("violations.field", contains("note", "vip"));
        asOrganizer().body(protocol(true, 6, null)).put(path).then().statusCode(400).body("violations[0].field", is("rank"));
        asOrganizer().body(protocol(true, 0, null)).put(path).then().statusCode(400).body("violations[0].field", is("rank"));
        asOrganizer().body(protocol(true, null, "Seat\u0000A3")).put(path).then().statusCode(400)
                .body("violations[0].field", is("note")).body("violations[0].code", is("control_characters"));
        asOrganizer().body(protocol(true, null, "x".repeat(501))).put(path).then().statusCode(400)
                .body("violations[0].field", is("note"));
        asOrganizer().body(Map.of("protocol", protocol(false, null, NOTE))).patch("/api/v1/registrations/" + id).then()
                .statusCode(400).body("violations[0].field", is("protocol.note"));
        asOrganizer().body(protocol(true, 5, "x".repeat(500))).put(path).then().statusCode(200).body("protocol.rank", is(5));
        asOrganizer().body(protocol(true, null, null)).put("/api/v1/registrations/no-such-" + unique() + "/protocol").then()
                .statusCode(404);
    }

    @Test
    void delegatesAndFocalPointsNeitherSetNorReadIt() {
        String slug = createEvent(event(slug()));
        Map<String, Object> r = register(slug, delegate(email()));
        String id = (String) r.get("id");
        String token = (String) r.get("manageToken");
        asOrganizer().body(protocol(true, 2, NOTE)).put("/api/v1/registrations/" + id + "/protocol").then().statusCode(200);

        given().auth().oauth2(token).get("/api/v1/registrations/" + id).then().statusCode(200)
                .body("id", is(id)).body("$", not(hasKey("protocol")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("protocol", protocol(true, 1, "Front row")))
                .patch("/api/v1/registrations/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("protocol")).body("violations[0].code", is("protocol_locked"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("jobTitle", "Adviser"))
                .patch("/api/v1/registrations/" + id).then().statusCode(200).body("$", not(hasKey("protocol")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(protocol(false, null, null))
                .put("/api/v1/registrations/" + id + "/protocol").then().statusCode(401);
        asOrganizer().get("/api/v1/registrations/" + id).then().body("protocol.rank", is(2)).body("protocol.note", is(NOTE));

        // a focal point's token opens its member's registration, not the protocol fields
        Map<String, Object> d = new HashMap<>();
        d.put("name", "Delegation " + unique());
        d.put("country", "KZ");
        d.put("organization", "Embassy");
        d.put("focalPoint", Map.of("name", "Focal Point", "email", email()));
        d.put("quotas", Map.of("INDUSTRY", 2));
        Map<String, Object> created = asOrganizer().body(d).post("/api/v1/events/" + slug + "/delegations").then()
                .statusCode(201).extract().jsonPath().getMap("");
        String delegation = (String) created.get("id");
        String member = asOrganizer().body(delegate(email())).post("/api/v1/delegations/" + delegation + "/members").then()
                .statusCode(201).extract().path("id");
        asOrganizer().body(protocol(true, 1, NOTE)).put("/api/v1/registrations/" + member + "/protocol").then().statusCode(200);
        String focal = (String) created.get("focalPointToken");
        given().auth().oauth2(focal).get("/api/v1/registrations/" + member).then().statusCode(200)
                .body("id", is(member)).body("$", not(hasKey("protocol")));
        given().auth().oauth2(focal).get("/api/v1/delegations/" + delegation).then().statusCode(200)
                .body(not(org.hamcrest.Matchers.containsString("seat A3")));
    }

    @Test
    void theDelegateExportHasTheProtocolColumnsAndErasureClearsThem() {
        String slug = createEvent(event(slug()));
        String id = (String) register(slug, delegate(email())).get("id");
        asOrganizer().body(protocol(true, 2, NOTE)).put("/api/v1/registrations/" + id + "/protocol").then().statusCode(200);
        String csv = asOrganizer().get("/api/v1/events/" + slug + "/exports/delegates.csv").then().statusCode(200)
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains(",Registered at,VIP,VIP rank,Protocol note,"), csv);
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains(",yes,2,\"" + NOTE + "\""), csv);
        asOrganizer().post("/api/v1/registrations/" + id + "/erase").then().statusCode(200)
                .body("protocol.vip", is(false)).body("protocol.note", nullValue());
    }

    @Test
    void theImportTakesTheProtocolColumns() {
        String slug = createEvent(event(slug()));
        String tag = unique();
        String csv = "givenName,familyName,organization,country,email,category,vip,vip_rank,protocol_note\r\n"
                + "Wei,Zhang,Ministry of Industry,CN,wei." + tag + "@gov.example,GOVERNMENT,yes,1,\"" + NOTE + "\"\r\n"
                + "Li,Na,Ministry of Industry,CN,li." + tag + "@gov.example,INDUSTRY,,,\r\n"
                + "Bad,Rank,Ministry of Industry,CN,bad." + tag + "@gov.example,INDUSTRY,yes,9,\r\n"
                + "No,Vip,Ministry of Industry,CN,novip." + tag + "@gov.example,INDUSTRY,no,,Front row\r\n"
                + "Odd,Flag,Ministry of Industry,CN,odd." + tag + "@gov.example,INDUSTRY,perhaps,x,\r\n";
        asOrganizer().contentType("text/csv").body(csv).post("/api/v1/events/" + slug + "/registrations/import").then()
                .statusCode(200).body("created", is(2)).body("invalid", is(3))
                .body("report[2].errors[0].field", is("vipRank"))
                .body("report[3].errors[0].field", is("protocolNote"))
                .body("report[3].errors[0].code", is("protocol_vip_only"))
                .body("report[4].errors.field", contains("vip", "vipRank"));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?vip=true").then().statusCode(200)
                .body("total", is(1)).body("items[0].familyName", is("Zhang")).body("items[0].protocol.rank", is(1))
                .body("items[0].protocol.note", is(NOTE));
    }

    @Test
    void aScopedOrganizerOfAnotherEventCannotMarkAVip() {
        String slug = createEvent(event(slug()));
        String id = (String) register(slug, delegate(email())).get("id");
        String elsewhere = Fixtures.staffToken("organizer", java.util.List.of(createEvent(event(slug()))));
        given().auth().oauth2(elsewhere).contentType(ContentType.JSON).body(protocol(true, 1, null))
                .put("/api/v1/registrations/" + id + "/protocol").then().statusCode(403).body("code", is("auth.event_not_in_scope"));
        asOrganizer().get("/api/v1/registrations/" + id).then().body("protocol.vip", is(false));
    }
}
