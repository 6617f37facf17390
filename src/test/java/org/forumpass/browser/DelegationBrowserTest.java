package org.forumpass.browser;

import static org.forumpass.Fixtures.ADMIN_PASSWORD;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** issue 15: the console's Delegations tab in a real browser, with the keyboard where it matters. */
@QuarkusTest
@Tag("browser")
class DelegationBrowserTest {
    @TestHTTPResource("/")
    URL root;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.start("--window-size=1280,900");
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // the tab redraws its tables after each action
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private void signIn(String slug, String lang) {
        browser.get(root + "admin?lang=" + lang);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.id("signin-button")).click();
        wait.until(driver -> new Select(driver.findElement(By.id("event"))).getOptions().stream()
                .anyMatch(o -> slug.equals(o.getAttribute("value"))));
        new Select(browser.findElement(By.id("event"))).selectByValue(slug);
    }

    private WebElement row(String name) {
        return browser.findElements(By.cssSelector("#deleg-table tbody tr")).stream()
                .filter(tr -> tr.findElement(By.cssSelector("td.name")).getText().equals(name)).findFirst().orElseThrow();
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void anOrganizerCreatesADelegationAndFollowsItsQuotas() {
        String slug = createEvent(event(slug()));
        signIn(slug, "en");
        browser.findElement(By.cssSelector("[data-tab=delegations]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deleg-status"), "This forum has no delegation yet."));

        // a first try without a country and with a bad e-mail: the API's violations beside the fields, and a summary
        type("d-name", "Embassy of Kazakhstan");
        type("d-organization", "Embassy of the Republic of Kazakhstan");
        type("d-focal-name", "Aigerim Sadykova");
        type("d-focal-email", "not-an-address");
        type("dq-DIPLOMATIC", "3");
        type("dq-GOVERNMENT", "2");
        browser.findElement(By.id("deleg-create")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deleg-errors"), "Not saved"));
        WebElement country = browser.findElement(By.id("d-country"));
        WebElement mail = browser.findElement(By.id("d-focal-email"));
        assertEquals("true", country.getAttribute("aria-invalid"));
        assertEquals("is required", browser.findElement(By.id(country.getAttribute("aria-describedby"))).getText());
        assertEquals("true", mail.getAttribute("aria-invalid"));
        assertEquals("is not a valid e-mail address", browser.findElement(By.id(mail.getAttribute("aria-describedby"))).getText());
        assertTrue(browser.findElement(By.id("deleg-errors")).getText().contains("Country: is required"),
                browser.findElement(By.id("deleg-errors")).getText());
        assertEquals("deleg-errors", browser.switchTo().activeElement().getAttribute("id"), "the summary takes the focus");
        asOrganizer().get("/api/v1/events/" + slug + "/delegations").then().body("size()", is(0));

        // corrected and sent with the keyboard
        new Select(country).selectByValue("KZ");
        type("d-focal-email", "aigerim.sadykova@example.org");
        mail.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deleg-status"), "Delegation Embassy of Kazakhstan created"));
        assertTrue(browser.findElements(By.cssSelector("#deleg-form [aria-invalid]")).isEmpty(), "the errors are gone");
        // the status is said first, then the list is read again: wait for the new row
        wait.until(d -> d.findElements(By.cssSelector("#deleg-table tbody tr td.name")).stream()
                .anyMatch(td -> td.getText().equals("Embassy of Kazakhstan")));
        WebElement created = row("Embassy of Kazakhstan");
        assertEquals("Kazakhstan", created.findElements(By.tagName("td")).get(1).getText());
        assertTrue(created.getText().contains("Aigerim Sadykova, aigerim.sadykova@example.org"), created.getText());
        assertEquals("Government: 0 / 2\nDiplomatic corps: 0 / 3", created.findElement(By.cssSelector("td.places")).getText());
        assertEquals("0 / 5", created.findElement(By.cssSelector("td.total")).getText());
        String id = created.getAttribute("data-id");

        // the focal point registers a member: opening the delegation shows it, and the counters move
        Map<String, Object> m = delegate(email());
        m.put("category", "DIPLOMATIC");
        m.put("givenName", "Yerlan");
        m.put("familyName", "Zhaksybekov");
        m.put("nativeName", "Ерлан Жақсыбеков");
        m.remove("country");
        m.remove("organization");
        m.remove("phone");
        String member = asOrganizer().body(m).post("/api/v1/delegations/" + id + "/members").then().statusCode(201).extract().path("id");
        WebElement open = row("Embassy of Kazakhstan").findElement(By.cssSelector("button.deleg-open"));
        assertEquals("Open the delegation Embassy of Kazakhstan", open.getAttribute("aria-label"));
        open.sendKeys(Keys.ENTER);
        By memberRow = By.cssSelector("#deleg-members tr[data-id='" + member + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(memberRow));
        assertEquals("deleg-detail-title", browser.switchTo().activeElement().getAttribute("id"));
        assertEquals("Embassy of Kazakhstan", browser.findElement(By.id("deleg-detail-title")).getText());
        WebElement mr = browser.findElement(memberRow);
        assertEquals("Yerlan Zhaksybekov · Ерлан Жақсыбеков", mr.findElement(By.cssSelector("td.name")).getText());
        assertEquals("Confirmed", mr.findElement(By.cssSelector("td.status")).getText());
        assertEquals("none", mr.findElement(By.cssSelector("td.photo")).getText());
        assertEquals("issued", mr.findElement(By.cssSelector("td.badge")).getText());
        wait.until(d -> row("Embassy of Kazakhstan").findElement(By.cssSelector("td.total")).getText().equals("1 / 5"));
        assertEquals("Government: 0 / 2\nDiplomatic corps: 1 / 3", row("Embassy of Kazakhstan").findElement(By.cssSelector("td.places")).getText());
        assertEquals("1 in use", browser.findElement(By.id("q-DIPLOMATIC-used")).getText());

        // a quota below the places in use is refused with a message; a higher one is saved
        type("q-DIPLOMATIC", "0");
        browser.findElement(By.id("deleg-quota-save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("deleg-quota-error")));
        assertEquals("A quota cannot be lower than the places already in use; withdraw members first.",
                browser.findElement(By.id("deleg-quota-error")).getText());
        assertEquals("true", browser.findElement(By.id("q-DIPLOMATIC")).getAttribute("aria-invalid"));
        type("q-DIPLOMATIC", "4");
        browser.findElement(By.id("deleg-quota-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deleg-status"), "Quotas saved."));
        wait.until(d -> row("Embassy of Kazakhstan").findElement(By.cssSelector("td.total")).getText().equals("1 / 6"));
        asOrganizer().get("/api/v1/delegations/" + id).then().body("quotas.DIPLOMATIC.quota", is(4));

        // the focal point's link, sent again from the console
        browser.findElement(By.id("deleg-send-link")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deleg-status"),
                "The link is sent again to aigerim.sadykova@example.org."));

        // the delegation's badges handed to one proxy at the desk: a name is needed, then the member's badge is collected
        browser.findElement(By.id("deleg-collect")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("deleg-proxy"), "aria-invalid", "true"));
        assertTrue(browser.findElement(By.id("deleg-status")).getText().startsWith("Hand every confirmed member's badge to"),
                browser.findElement(By.id("deleg-status")).getText());
        browser.findElement(By.id("deleg-proxy")).sendKeys("Second Secretary Dana Serikbayeva", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deleg-status"), "1 badges handed out to the proxy; 0 left"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#deleg-members tr[data-id='" + member + "'] td.badge"), "collected"));
        asOrganizer().get("/api/v1/registrations/" + member).then().body("badge.proxyName", is("Second Secretary Dana Serikbayeva"));

        // withdrawing asks first; dismissed, nothing happens; accepted, the place is free again
        WebElement withdraw = browser.findElement(memberRow).findElement(By.cssSelector("button.withdraw"));
        assertEquals("Withdraw Yerlan Zhaksybekov · Ерлан Жақсыбеков", withdraw.getAttribute("aria-label"));
        withdraw.click();
        wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(browser.switchTo().alert().getText().startsWith("Withdraw Yerlan Zhaksybekov"), browser.switchTo().alert().getText());
        browser.switchTo().alert().dismiss();
        asOrganizer().get("/api/v1/registrations/" + member).then().body("status", is("CONFIRMED"));
        browser.findElement(memberRow).findElement(By.cssSelector("button.withdraw")).click();
        wait.until(ExpectedConditions.alertIsPresent());
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(memberRow, "Cancelled"));
        assertTrue(browser.findElement(memberRow).findElements(By.cssSelector("button.withdraw")).isEmpty());
        wait.until(d -> row("Embassy of Kazakhstan").findElement(By.cssSelector("td.total")).getText().equals("0 / 6"));
        asOrganizer().get("/api/v1/delegations/" + id).then().body("quotas.DIPLOMATIC.used", is(0));

        // the delegation's members in the delegate list, through its Delegation filter
        browser.findElement(By.id("deleg-in-list")).click();
        By listed = By.cssSelector("#delegates-table tr[data-id='" + member + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(listed));
        assertEquals(id, new Select(browser.findElement(By.id("f-delegation"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("Delegation", browser.findElement(By.id("f-delegation")).getAccessibleName());
        assertTrue(browser.findElement(listed).getText().contains("Embassy of Kazakhstan"), browser.findElement(listed).getText());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "1"));

        // the same tab in Chinese
        browser.get(root + "admin?lang=zh");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-tab=delegations]")));
        wait.until(driver -> new Select(driver.findElement(By.id("event"))).getOptions().stream()
                .anyMatch(o -> slug.equals(o.getAttribute("value"))));
        new Select(browser.findElement(By.id("event"))).selectByValue(slug);
        browser.findElement(By.cssSelector("[data-tab=delegations]")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#deleg-table tbody tr")).isEmpty());
        assertEquals("代表团", browser.findElement(By.cssSelector("[data-tab=delegations]")).getText());
        assertEquals("政府：0 / 2\n外交使节：0 / 4", row("Embassy of Kazakhstan").findElement(By.cssSelector("td.places")).getText());
        assertEquals("哈萨克斯坦", row("Embassy of Kazakhstan").findElements(By.tagName("td")).get(1).getText());
    }
}
