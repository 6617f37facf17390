package org.forumpass.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void publishesOpenApiAndSwaggerUi() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", is("ForumPass API"))
                .body("paths.'/api/v1/events'.get", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/auth/login'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/events/{slug}/registrations'.post", org.hamcrest.Matchers.notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void exportsPrometheusMetrics() {
        given().get("/api/v1/events").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds"));
    }

    /**
     * A request refused for its sign-in is counted under its route, not its raw path, so random paths cannot
     * swell the metrics.
     */
    @Test
    void refusedSignInsAreCountedUnderTheirRoute() {
        String slug = "refused-" + org.forumpass.Fixtures.unique();
        given().header("Authorization", "Bearer not-a-token").get("/api/v1/events/" + slug + "/registrations").then()
                .statusCode(401).contentType("application/problem+json").body("code", is("auth.unauthorized"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("status=\"401\",uri=\"/api/v1/events/{slug}/registrations\""))
                .body(org.hamcrest.Matchers.not(containsString(slug)));
    }

    @Test
    void countsDoorScansByVerdictAndGroup() {
        String slug = org.forumpass.Fixtures.createEvent(org.forumpass.Fixtures.event(org.forumpass.Fixtures.slug()));
        org.forumpass.Fixtures.asDoor().body(java.util.Map.of("code", "FP1.forged", "deviceId", "door-m",
                        "nonce", org.forumpass.Fixtures.unique()))
                .post("/api/v1/events/" + slug + "/scans").then().statusCode(200).body("result", is("INVALID_CODE"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("forumpass_scans_total{result=\"INVALID_CODE\"}"))
                .body(containsString("forumpass_scan_group_size_count"))
                .body(containsString("forumpass_scan_group_seconds_count"));
    }

    @Test
    void unknownPathsAnswerProblemJson() {
        given().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("code", is("http.not_found"));
        given().contentType("application/json").body("{}").delete("/api/v1/events").then().statusCode(405)
                .contentType("application/problem+json").body("code", is("http.method_not_allowed"));
    }
}
