package org.forumpass.registration;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may choose which delegate category online: privileged ones are not self-service. */
@QuarkusTest
class CategoryAccessTest {

    /** An event made without saying anything about categories: the defaults apply. */
    private static String defaultsForum() {
        Map<String, Object> e = event(slug());
        e.remove("approvalRequiredFor");
        return createEvent(e);
    }

    private static Map<String, Object> as(String category) {
        Map<String, Object> d = delegate(email());
        d.put("category", category);
        return d;
    }

    @Test
    void aNewEventOffersEveryCategoryButStaffAndHoldsPrivilegedOnesForApproval() {
        String slug = defaultsForum();
        anonymous().get("/api/v1/events/" + slug).then().statusCode(200)
                .body("selfServiceCategories", contains("GOVERNMENT", "DIPLOMATIC", "ACADEMIC", "INDUSTRY", "MEDIA", "SPEAKER"))
                .body("approvalRequiredFor", contains("GOVERNMENT", "DIPLOMATIC", "SPEAKER"));
    }

    @Test
    void registeringOnlineAsStaffIsRefusedOnTheCategoryAndStoresNothing() {
        String slug = defaultsForum();
        anonymous().body(as("STAFF")).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .contentType("application/problem+json").body("code", is("request.invalid"))
                .body("violations.field", contains("category"))
                .body("violations[0].message", containsString("Delegates of this category are invited by the organizers"));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().body("total", is(0));
    }

    @Test
    void registeringOnlineAsGovernmentWaitsForApprovalAndOpensNothingYet() {
        String slug = defaultsForum();
        Map<String, Object> r = register(slug, as("GOVERNMENT"));
        given().auth().oauth2((String) r.get("manageToken")).get("/api/v1/registrations/" + r.get("id")).then()
                .statusCode(200).body("status", is("PENDING")).body("badge", is((Object) null));
        register(slug, as("SPEAKER"));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?status=PENDING").then().body("total", is(2));
        String academic = (String) register(slug, as("ACADEMIC")).get("status");
        org.junit.jupiter.api.Assertions.assertEquals("CONFIRMED", academic);
    }

    @Test
    void anOrganizerChoosesTheSelfServiceCategoriesAndOnlyACodeNamingAnotherOneGrantsIt() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("selfServiceCategories", List.of("ACADEMIC", "INDUSTRY"));
        createEvent(e);
        anonymous().body(as("GOVERNMENT")).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .body("violations.field", contains("category"));

        asOrganizer().body(Map.of("code", "ANY-CATEGORY-" + slug.substring(2, 10), "label", "Open"))
                .post("/api/v1/events/" + slug + "/invitation-codes").then().statusCode(201);
        Map<String, Object> withOpenCode = as("STAFF");
        withOpenCode.put("invitationCode", "ANY-CATEGORY-" + slug.substring(2, 10));
        anonymous().body(withOpenCode).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .body("violations.field", contains("category"));

        asOrganizer().body(Map.of("code", "CREW-" + slug.substring(2, 10), "label", "Crew", "categories", List.of("STAFF")))
                .post("/api/v1/events/" + slug + "/invitation-codes").then().statusCode(201);
        Map<String, Object> crew = as("STAFF");
        crew.put("invitationCode", "CREW-" + slug.substring(2, 10));
        org.junit.jupiter.api.Assertions.assertEquals("CONFIRMED", register(slug, crew).get("status"));

        String csv = "Given name,Family name,Organization,Country,E-mail,Category\r\n"
                + "Wei,Zhang,Ministry of Industry,CN," + email() + ",GOVERNMENT\r\n";
        asOrganizer().contentType("text/csv").body(csv).post("/api/v1/events/" + slug + "/registrations/import")
                .then().statusCode(200).body("created", is(1)).body("report[0].status", is("CONFIRMED"));
    }

    @Test
    void theRegistrationPageOffersOnlyTheSelfServiceCategories() {
        String byDefault = defaultsForum();
        given().get("/events/" + byDefault + "?lang=en").then().statusCode(200)
                .body(containsString("<option value=\"GOVERNMENT\""))
                .body(containsString("<option value=\"ACADEMIC\""))
                .body(not(containsString("<option value=\"STAFF\"")));

        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("selfServiceCategories", List.of("ACADEMIC", "INDUSTRY"));
        createEvent(e);
        given().get("/events/" + slug + "?lang=en").then().statusCode(200)
                .body(containsString("<option value=\"ACADEMIC\""))
                .body(containsString("<option value=\"INDUSTRY\""))
                .body(not(containsString("<option value=\"GOVERNMENT\"")))
                .body(not(containsString("<option value=\"STAFF\"")));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("givenName", "Wei").formParam("familyName", "Zhang").formParam("email", email())
                .formParam("country", "CN").formParam("organization", "Ministry").formParam("category", "GOVERNMENT")
                .formParam("consent", "true").post("/events/" + slug + "/register?lang=en").then().statusCode(400)
                .body(containsString("id=\"category-error\">Delegates of this category are invited by the organizers: enter your invitation code"));
    }
}
