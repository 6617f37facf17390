package org.forumpass.browser;

import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.unique;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Issue 15: the console's badge desk, from the keyboard: find a printed badge and hand it to a named proxy. */
@QuarkusTest
@Tag("browser")
class BadgeDeskBrowserTest {
    @TestHTTPResource("/")
    URL root;

    @Test
    void aDeskHandsAPrintedBadgeToAProxyFromTheKeyboard() throws Exception {
        String slug = createEvent(event(slug()));
        Map<String, Object> d = delegate(email());
        String family = "Deskova" + unique().replaceAll("[^a-z]", "x");
        d.put("familyName", family);
        String id = (String) register(slug, d).get("id");
        asOrganizer().get("/api/v1/events/" + slug + "/badges.pdf").then().statusCode(200); // printed, now waiting at the desk

        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = Browser.console(browser, root + "admin?lang=en", slug);

            browser.findElement(By.cssSelector("[data-tab=desk]")).click();
            By waitingRow = By.cssSelector("#desk-waiting tr[data-id='" + id + "']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(waitingRow));
            assertEquals("1 printed badges not yet collected.", browser.findElement(By.id("desk-waiting-count")).getText());

            // the search field is labelled, and Enter searches
            WebElement q = browser.findElement(By.id("desk-q"));
            assertEquals("Delegate's name or organization",
                    browser.findElement(By.cssSelector("label[for=desk-q]")).getText());
            q.sendKeys(family, Keys.ENTER);
            By resultRow = By.cssSelector("#desk-results tr[data-id='" + id + "']");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(resultRow, "not collected"));
            String state = browser.findElement(By.cssSelector("#desk-results tr[data-id='" + id + "'] td.badge-state")).getText();
            assertTrue(state.matches("Printed \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d, not collected"), state);

            // "Collected by proxy…" from the keyboard: the proxy's name field opens, labelled and focused
            WebElement proxy = browser.findElement(By.cssSelector("#desk-results tr[data-id='" + id + "'] button.collect-proxy"));
            assertEquals("Collected by proxy…", proxy.getText());
            proxy.sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("desk-proxy-name")));
            assertEquals("desk-proxy-name", browser.switchTo().activeElement().getAttribute("id"));
            assertEquals("Name of the person collecting the badge",
                    browser.findElement(By.cssSelector("label[for=desk-proxy-name]")).getText());
            browser.switchTo().activeElement().sendKeys("Marie Zástupce", Keys.ENTER);

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("desk-status"),
                    "Marked collected by Marie Zástupce for Anna " + family));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(resultRow, "Collected by Marie Zástupce for the delegate"));
            assertTrue(browser.findElements(By.cssSelector("#desk-results tr[data-id='" + id + "'] button")).isEmpty(),
                    "a collected badge offers no hand-out any more");
            wait.until(ExpectedConditions.invisibilityOfElementLocated(waitingRow));
            assertEquals("0 printed badges not yet collected.", browser.findElement(By.id("desk-waiting-count")).getText());
            assertEquals("desk-q", browser.switchTo().activeElement().getAttribute("id"), "ready for the next delegate");
            asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200)
                    .body("badge.collectedBy", is("PROXY")).body("badge.proxyName", is("Marie Zástupce"));
        } finally {
            browser.quit();
        }
    }
}
