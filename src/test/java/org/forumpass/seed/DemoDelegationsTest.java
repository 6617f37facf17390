package org.forumpass.seed;

import static org.forumpass.Fixtures.asOrganizer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** issue 15: each demo forum comes with an embassy and a company, their focal points and members. */
@QuarkusTest
class DemoDelegationsTest {
    @Inject
    DemoForumLoader loader;
    @Inject
    DemoDelegations demoDelegations;

    @Test
    void eachDemoForumHasAnEmbassyAndACompanyWithMembers() {
        loader.loadAll();
        check("bri-ict-forum", "Embassy of the Republic of Kazakhstan in China", "Huawei Technologies", 3, 3);
        check("wic-digital-silk-road", "Embassy of the Kingdom of Thailand in China", "Alibaba Group", 3, 2);

        // loading again, or applying the seed to a forum that has its delegations, creates nothing twice
        assertEquals(List.of(), loader.loadAll());
        assertEquals(List.of(), demoDelegations.apply("bri-ict-forum", "bri-ict-forum.json", 0));
        asOrganizer().get("/api/v1/events/bri-ict-forum/delegations").then().body("size()", is(2))
                .body("members", contains(3, 3));
    }

    private static void check(String slug, String embassy, String company, int embassyMembers, int companyMembers) {
        JsonPath list = asOrganizer().get("/api/v1/events/" + slug + "/delegations").then().statusCode(200)
                .body("name", containsInAnyOrder(company, embassy))
                .body("focalPoint.email", everyItem(org.hamcrest.Matchers.endsWith("@example.org")))
                .extract().jsonPath();
        Map<String, Object> e = list.getMap("find { it.name == '" + embassy + "' }");
        Map<String, Object> c = list.getMap("find { it.name == '" + company + "' }");
        assertEquals(Map.of("DIPLOMATIC", 3, "GOVERNMENT", 2), quotas(e));
        assertEquals(Map.of("INDUSTRY", 5), quotas(c));
        assertEquals(embassyMembers, e.get("members"));
        assertEquals(companyMembers, c.get("members"));

        OffsetDateTime starts = OffsetDateTime.parse(asOrganizer().get("/api/v1/events/" + slug).then().extract().path("startsAt"));
        JsonPath members = asOrganizer().get("/api/v1/delegations/" + e.get("id")).then().statusCode(200)
                .body("members.holdsPlace", everyItem(is(true)))
                // one letter issued (an embassy can check it), one waiting for the organizers
                .body("members.findAll { it.visaLetter != null }.visaLetter.state", containsInAnyOrder("ISSUED", "REQUESTED"))
                .extract().jsonPath();
        String reference = members.getString("members.find { it.visaLetter?.state == 'ISSUED' }.visaLetter.reference");
        io.restassured.RestAssured.given().get("/api/v1/visa-letters/" + reference).then().statusCode(200).body("valid", is(true));
        // the embassy's members have their passports on file (visa letters need them) and arrive before the forum
        for (String id : members.getList("members.id", String.class)) {
            JsonPath r = asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200)
                    .body("identity.documentType", is("PASSPORT")).body("delegation.name", is(embassy))
                    .body("answers.arrival_date", notNullValue()).body("source", is("DELEGATION"))
                    .extract().jsonPath();
            LocalDate arrival = LocalDate.parse(r.getString("answers.arrival_date"));
            assertTrue(!arrival.isAfter(starts.toLocalDate()) && arrival.isAfter(starts.toLocalDate().minusDays(5)),
                    "arrives in the days before the forum: " + arrival + " for " + starts);
        }
        asOrganizer().get("/api/v1/delegations/" + c.get("id")).then().statusCode(200)
                .body("members.size()", is(companyMembers)).body("members.category", everyItem(is("INDUSTRY")));
        // members are found through the search's delegation filter, names in their own scripts
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?delegation=" + e.get("id")).then()
                .body("total", is(embassyMembers)).body("items.nativeName", everyItem(notNullValue()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> quotas(Map<String, Object> summary) {
        Map<String, Map<String, Integer>> q = (Map<String, Map<String, Integer>>) summary.get("quotas");
        return q.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, x -> x.getValue().get("quota")));
    }
}
