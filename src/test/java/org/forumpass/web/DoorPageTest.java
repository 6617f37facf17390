package org.forumpass.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DoorPageTest {
    @Test
    void theDoorPageAndItsScriptsAreServedByTheAppItself() {
        given().get("/door?lang=zh").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"zh\">"))
                .body(containsString("入口扫码"))
                .body(containsString("src=\"/door/vendor/jsQR.js\""))
                .body(containsString("id=\"queue\""));
        given().header("Accept-Language", "en").get("/door").then().statusCode(200).body(containsString("Door scanner"));
        given().get("/door/vendor/jsQR.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("jsQR"));
        given().get("/door/door.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("scans/batch"));
    }
}
