package org.forumpass.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What a person's browser and an API client each get from an address that leads nowhere, and the site's icon. */
@QuarkusTest
class NotFoundAndIconTest {
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aBrowserGetsAPageInItsLanguageWithTheStatus404() {
        given().header("Accept", BROWSER_ACCEPT).header("Accept-Language", "en").get("/no-such-page")
                .then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("<h1>Page not found</h1>"), containsString("href=\"/\""), not(containsString("http.not_found")));
        given().header("Accept", BROWSER_ACCEPT).get("/events/x/y/z?lang=zh")
                .then().statusCode(404).contentType(startsWith("text/html")).header("Content-Language", "zh")
                .body(containsString("找不到页面"), containsString("此地址没有页面。"));
    }

    @Test
    void apiClientsAndApiPathsKeepProblemJson() {
        given().header("Accept", "application/json").get("/no-such-page")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("http.not_found"));
        given().get("/no-such-page").then().statusCode(404).contentType("application/problem+json");
        // a browser that follows an API link still gets what the API answers
        given().header("Accept", BROWSER_ACCEPT).get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("http.not_found"));
        given().header("Accept", BROWSER_ACCEPT).get("/api/v1/events/no-such-event-here")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theSiteHasAnIconEverywhereABrowserLooks() {
        byte[] ico = given().get("/favicon.ico").then().statusCode(200).extract().asByteArray();
        assertEquals(0, ico[0]);
        assertEquals(1, ico[2], "an icon resource");
        given().get("/favicon.svg").then().statusCode(200).contentType(startsWith("image/svg+xml"));
        given().get("/apple-touch-icon.png").then().statusCode(200).contentType("image/png");
        for (String page : new String[] {"/", "/door", "/admin"}) {
            given().get(page).then().statusCode(200).body(containsString("<link rel=\"icon\" href=\"/favicon.svg\""));
        }
    }
}
