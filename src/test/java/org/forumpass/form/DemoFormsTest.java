package org.forumpass.form;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.forumpass.seed.DemoForumLoader;
import org.junit.jupiter.api.Test;

/** issue 14, item 1: the demo forums come with realistic fields of their own. */
@QuarkusTest
class DemoFormsTest {
    @Inject
    DemoForumLoader loader;

    @Test
    void demoForumsAskForDietArrivalAndInterpretation() {
        loader.loadAll();
        given().get("/api/v1/events/bri-ict-forum/form").then().statusCode(200)
                .body("fields.key", contains("diet", "diet_other", "arrival_date"))
                .body("fields[0].options.value", contains("none", "vegetarian", "halal", "kosher", "other"))
                .body("fields[2].type", is("DATE"))
                .body("fields[2].requiredFor", contains("DIPLOMATIC", "GOVERNMENT"));
        given().get("/api/v1/events/wic-digital-silk-road/form").then().statusCode(200)
                .body("fields.key", hasItems("diet", "interpretation", "arrival_date"))
                .body("fields.find { it.key == 'interpretation' }.options.value", contains("en", "zh", "ru", "ar"))
                .body("fields.find { it.key == 'interpretation' }.label.zh", is("分论坛同声传译语言"));

        Map<String, Object> body = delegate(email(), "SUB-CONNECT");
        body.put("answers", Map.of("diet", "halal", "interpretation", "ar"));
        anonymous().body(body).post("/api/v1/events/wic-digital-silk-road/registrations").then().statusCode(201);
        Map<String, Object> diplomat = delegate(email());
        diplomat.put("category", "DIPLOMATIC");
        anonymous().body(diplomat).post("/api/v1/events/bri-ict-forum/registrations").then().statusCode(400)
                .body("violations.field", contains("answers.arrival_date"));
        diplomat.put("answers", Map.of("arrival_date", "2026-11-11", "diet", "other", "diet_other", "No nuts"));
        anonymous().body(diplomat).post("/api/v1/events/bri-ict-forum/registrations").then().statusCode(201);
        given().get("/events/wic-digital-silk-road?lang=zh").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("分论坛同声传译语言"));
    }
}
