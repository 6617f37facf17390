package org.forumpass.browser;

import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console's main path: sign in, find a delegate, approve, export. */
@QuarkusTest
@Tag("browser")
class AdminBrowserTest {
    @TestHTTPResource("/")
    URL root;

    @Test
    void anOrganizerFindsAPendingDelegateApprovesAndExports() throws Exception {
        Map<String, Object> e = event(slug());
        e.put("approvalRequiredFor", List.of("MEDIA"));
        String slug = createEvent(e);
        Map<String, Object> d = delegate(email());
        d.put("category", "MEDIA");
        d.put("familyName", "Pressová");
        d.put("nativeName", "Jana Pressová");
        String id = (String) register(slug, d).get("id");

        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = Browser.console(browser, root + "admin?lang=en", slug);

            browser.findElement(By.cssSelector("[data-tab=delegates]")).click();
            browser.findElement(By.id("f-q")).sendKeys("Pressová");
            browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
            By row = By.cssSelector("#delegates-table tr[data-id='" + id + "']");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "PENDING"));
            // issue 14: the "Accreditation" select; pending, the delegate is not ready for a badge
            Select accreditation = new Select(browser.findElement(By.id("f-accreditation")));
            assertTrue(browser.findElement(By.id("f-accreditation")).getAttribute("aria-label").equals("Accreditation"));
            accreditation.selectByVisibleText("Ready for badge");
            browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "0"));
            assertTrue(browser.findElements(row).isEmpty(), "a pending delegate is not ready for a badge");
            accreditation.selectByVisibleText("Not ready for badge (still needs something)");
            browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "PENDING"));
            browser.findElement(By.cssSelector("#delegates-table tr[data-id='" + id + "'] button.approve")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "CONFIRMED"));
            asOrganizer().get("/api/v1/registrations/" + id).then().body("status", is("CONFIRMED"));
            accreditation.selectByVisibleText("Ready for badge");
            browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "1"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "CONFIRMED"));

            browser.findElement(By.cssSelector("[data-tab=exports]")).click();
            new Select(browser.findElement(By.id("x-group"))).selectByValue("country");
            browser.findElement(By.cssSelector("[data-export='exports/delegates.csv']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "-delegates-by-country-en.csv")); // issue 17: the server's file name
            assertTrue(browser.findElement(By.id("notice")).getText().startsWith("Downloaded"),
                    browser.findElement(By.id("notice")).getText());

            browser.findElement(By.cssSelector("[data-tab=audit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-table"), "APPROVE"));
            assertTrue(browser.findElement(By.id("audit-table")).getText().contains(id), "the approval names the delegate");
        } finally {
            browser.quit();
        }
    }
}
