package org.forumpass.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminPageTest {
    @Test
    void theConsoleShellAndItsScriptsAreServedByTheAppItself() {
        given().get("/admin?lang=zh").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("主办方控制台"))
                .body(containsString("src=\"/admin/vendor/chart.umd.js\""))
                .body(containsString("id=\"signin-form\""));
        given().header("Accept-Language", "en-US").get("/admin").then().statusCode(200)
                .body(containsString("Organizer console"))
                // the signed-in console's heading, the visible labels of its filters (axe: page-has-heading-one, select-name; WCAG2AA H44)
                .body(containsString("<h1 class=\"console-title\" data-t=\"console_title\">"))
                .body(containsString("\"console_title\":\"Organizer console\""))
                .body(containsString("<label for=\"f-accreditation\" data-t=\"accreditation_filter\"></label><select id=\"f-accreditation\">"))
                .body(containsString("\"ready_true\":\"Ready for badge\""))
                .body(containsString("<label for=\"f-status\" data-t=\"status\"></label><select id=\"f-status\">"));
        given().get("/admin/vendor/chart.umd.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/admin/admin.js").then().statusCode(200).body(containsString("/api/v1/events/"));
    }
}
