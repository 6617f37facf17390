package org.forumpass.browser;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asDoor;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.unique;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.forumpass.Fixtures;
import org.forumpass.checkin.Arrivals;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16: an organizer marks a VIP in the delegate list, and the protocol desk's Arrivals tab shows the VIP with the
 * note as soon as a door lets them in.
 */
@QuarkusTest
@Tag("browser")
class ArrivalsBrowserTest {
    private static final String NOTE = "Escort to front row, seat A3";

    @TestHTTPResource("/")
    URL root;
    @Inject
    Arrivals arrivals;

    @Test
    void aVipMarkedInTheConsoleAppearsOnTheArrivalsBoardWhenScannedIn() throws Exception {
        String slug = Fixtures.doorRulesEvent(false);
        Map<String, Object> d = delegate(email());
        String family = "Ministrova" + unique().replaceAll("[^a-z]", "x");
        d.put("familyName", family);
        Map<String, Object> r = register(slug, d);
        String id = (String) r.get("id");
        String code = given().auth().oauth2((String) r.get("manageToken")).get("/api/v1/registrations/" + id).then()
                .statusCode(200).extract().path("badge.code");

        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = Browser.console(browser, root + "admin?lang=en", slug);

            // the delegate list: Protocol opens the labelled form, focused on the VIP box
            browser.findElement(By.cssSelector("[data-tab=delegates]")).click();
            browser.findElement(By.id("f-q")).sendKeys(family);
            browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
            By row = By.cssSelector("#delegates-table tr[data-id='" + id + "']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(row));
            browser.findElement(By.cssSelector("#delegates-table tr[data-id='" + id + "'] button.edit-protocol")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("protocol-form")));
            assertEquals("Protocol for Anna " + family, browser.findElement(By.id("protocol-title")).getText());
            assertEquals("p-vip", browser.switchTo().activeElement().getAttribute("id"));
            assertEquals("Rank (1 is the highest)", browser.findElement(By.cssSelector("label[for=p-rank]")).getText());
            assertEquals("Protocol note", browser.findElement(By.cssSelector("label[for=p-note]")).getText());
            assertTrue(!browser.findElement(By.id("p-rank")).isEnabled(), "no rank without VIP");
            browser.findElement(By.id("p-vip")).click();
            new Select(browser.findElement(By.id("p-rank"))).selectByValue("1");
            browser.findElement(By.id("p-note")).sendKeys(NOTE);
            browser.findElement(By.id("protocol-save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Protocol saved for Anna " + family));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "VIP · Rank 1"));
            assertTrue(browser.findElement(row).getText().contains(NOTE));
            asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200)
                    .body("protocol.vip", is(true)).body("protocol.rank", is(1)).body("protocol.note", is(NOTE));
            // the VIPs filter
            new Select(browser.findElement(By.id("f-vip"))).selectByValue("true");
            browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "1"));

            // the Arrivals tab: live, nobody yet; a door lets the VIP in
            WebElement tab = browser.findElement(By.cssSelector("[data-tab=arrivals]"));
            assertEquals("Arrivals", tab.getText());
            tab.click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("arrivals-status"), "Live"));
            assertEquals("No VIP has arrived yet.", browser.findElement(By.id("arrivals-none")).getText());
            assertTrue(arrivals.polls(slug), "the board follows the event");
            asDoor().body(Map.of("code", code, "deviceId", "gate-1", "nonce", unique()))
                    .post("/api/v1/events/" + slug + "/scans").then().statusCode(200).body("result", is("ACCEPTED"))
                    .body("delegate.vip", is(true)).body("delegate.protocolNote", is(NOTE));

            By arrival = By.cssSelector("#arrivals-table tr[data-id='" + id + "']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(arrival));
            assertEquals(NOTE, browser.findElement(By.cssSelector("#arrivals-table tr[data-id='" + id + "'] td.protocol-note")).getText());
            assertEquals("Rank 1", browser.findElement(By.cssSelector("#arrivals-table tr[data-id='" + id + "'] td.rank")).getText());
            String shown = browser.findElement(arrival).getText();
            assertTrue(shown.contains("Anna " + family) && shown.contains("Anna Nováková"), shown);
            assertTrue(shown.contains("Czech Telecom Union") && shown.contains("Venue entrance (gate-1)"), shown);
            assertEquals("1 VIPs have arrived.", browser.findElement(By.id("arrivals-count")).getText());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("arrivals-announce"), "Arrived: Anna " + family));

            // leaving the tab closes the stream: the server stops polling the event
            browser.findElement(By.cssSelector("[data-tab=dashboard]")).click();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !arrivals.polls(slug));
        } finally {
            browser.quit();
        }
    }
}
