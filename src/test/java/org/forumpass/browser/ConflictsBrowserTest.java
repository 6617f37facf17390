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
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Issue 16: the console's Door conflicts tab shows a scan admitted offline and refused by the server, and resolves it. */
@QuarkusTest
@Tag("browser")
class ConflictsBrowserTest {
    @TestHTTPResource("/")
    URL root;

    @Test
    void anOrganizerSeesBothVerdictsAndResolvesTheConflictWithANote() throws Exception {
        String slug = org.forumpass.Fixtures.doorRulesEvent(false);
        Map<String, Object> d = delegate(email());
        String family = "Konfliktova" + unique().replaceAll("[^a-z]", "x");
        d.put("familyName", family);
        d.put("nativeName", "コンフリクト");
        Map<String, Object> r = register(slug, d);
        String code = given().auth().oauth2((String) r.get("manageToken")).get("/api/v1/registrations/" + r.get("id")).then()
                .statusCode(200).extract().path("badge.code");
        asOrganizer().post("/api/v1/registrations/" + r.get("id") + "/badge/reissue").then().statusCode(200);
        Map<String, Object> scan = new HashMap<>();
        scan.put("code", code);
        scan.put("session", "PLENARY");
        scan.put("deviceId", "tablet-7");
        scan.put("nonce", unique());
        scan.put("offlineResult", "ACCEPTED");
        asDoor().body(Map.of("scans", List.of(scan))).post("/api/v1/events/" + slug + "/scans/batch").then().statusCode(200)
                .body("results[0].conflict", is(true));

        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = Browser.console(browser, root + "admin?lang=en", slug);

            WebElement tab = browser.findElement(By.cssSelector("[data-tab=conflicts]"));
            assertEquals("Door conflicts", tab.getText());
            tab.click();
            By row = By.cssSelector("#conflicts-table tbody tr");
            wait.until(ExpectedConditions.visibilityOfElementLocated(row));
            assertEquals(1, browser.findElements(row).size());
            String who = browser.findElement(By.cssSelector("#conflicts-table tbody tr td:nth-child(2)")).getText();
            assertTrue(who.contains("Anna " + family) && who.contains("コンフリクト"), who);
            assertTrue(browser.findElement(By.cssSelector("#conflicts-table tbody tr td:nth-child(3)")).getText()
                    .startsWith("PLENARY · Session PLENARY"));
            assertTrue(browser.findElement(By.cssSelector("#conflicts-table tbody tr td:nth-child(4)")).getText()
                    .startsWith("tablet-7"));
            assertEquals("Welcome", browser.findElement(By.cssSelector("#conflicts-table td.verdict-offline")).getText());
            assertEquals("Badge revoked", browser.findElement(By.cssSelector("#conflicts-table td.verdict-server")).getText());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conflicts-status"), "1 conflicts, 1 unresolved."));

            // the note is labelled; Enter in it resolves
            WebElement note = browser.findElement(By.cssSelector("#conflicts-table td.conflict-handling input"));
            assertEquals("Note (optional)", browser.findElement(By.cssSelector("label[for='" + note.getAttribute("id") + "']"))
                    .getText());
            note.sendKeys("Escorted out at the north gate", Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#conflicts-table td.conflict-handling"),
                    "Resolved by admin"));
            assertTrue(browser.findElement(By.cssSelector("#conflicts-table td.conflict-handling")).getText()
                    .contains("Escorted out at the north gate"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conflicts-status"), "1 conflicts, 0 unresolved."));

            // unresolved only: none left, and the page says so
            browser.findElement(By.id("conflicts-open")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conflicts-empty")));
            assertTrue(browser.findElement(By.id("conflicts-empty")).getText().startsWith("No door conflicts"));
            assertTrue(browser.findElements(By.cssSelector("#conflicts-table tbody tr")).isEmpty());
        } finally {
            browser.quit();
        }
    }
}
