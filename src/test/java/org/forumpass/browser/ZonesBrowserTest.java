package org.forumpass.browser;

import static org.forumpass.Fixtures.ADMIN_PASSWORD;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Issue 16: an organizer defines an event's access zones in the console and puts a session in one. */
@QuarkusTest
@Tag("browser")
class ZonesBrowserTest {
    @TestHTTPResource("/")
    URL root;

    @Test
    void anOrganizerAddsZonesSeesTheBadFieldsAndPutsASessionInAZone() throws Exception {
        Map<String, Object> e = event(slug());
        e.put("timeZone", "Asia/Shanghai");
        e.put("startsAt", "2030-07-01T09:00:00+08:00");
        e.put("endsAt", "2030-07-01T18:00:00+08:00");
        e.put("sessions", List.of(session("CONSULS", OffsetDateTime.parse("2030-07-01T14:00:00+08:00"))));
        String slug = createEvent(e);

        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(root + "admin?lang=en");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
            browser.findElement(By.id("signin-button")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kpis")));
            browser.findElement(By.cssSelector("[data-tab=events]")).click();
            By row = By.xpath("//table[@id='events-table']//tr[td[1][text()='" + slug + "']]");
            wait.until(ExpectedConditions.elementToBeClickable(row)).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("zones-editor")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("zones-for"), "Test Forum " + slug));
            assertTrue(browser.findElement(By.id("zones-none")).isDisplayed(), "no zones yet");

            // a first zone with a bad code: the row's field is marked and the rule is said
            browser.findElement(By.id("zone-add")).click();
            WebElement code = browser.findElement(By.cssSelector("#zones-table input[aria-label='Code, Zone 1']"));
            code.sendKeys("vip lounge");
            browser.findElement(By.cssSelector("#zones-table input[aria-label='Name in English, Zone 1']")).sendKeys("VIP lounge");
            browser.findElement(By.cssSelector("#zones-table input[aria-label='Name in Chinese, Zone 1']")).sendKeys("贵宾区");
            browser.findElement(By.id("zones-save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("zones-errors"), "Zone 1 code: must be 1 to 32 of A-Z"));
            assertEquals("true", code.getAttribute("aria-invalid"));
            asOrganizer().get("/api/v1/events/" + slug + "/zones").then().body("size()", is(0));

            code.clear();
            code.sendKeys("VIP");
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "var c = arguments[0]; c.value = '#b8860b'; c.dispatchEvent(new Event('input'));",
                    browser.findElement(By.cssSelector("#zones-table input[aria-label='Colour, Zone 1']")));
            for (String category : List.of("Government", "Diplomatic corps")) {
                browser.findElement(By.xpath("//fieldset[legend[text()='Categories, Zone 1']]//label[span[text()='" + category
                        + "']]/input")).click();
            }
            WebElement closes = browser.findElement(By.cssSelector("#zones-table input[aria-label='Closes, Zone 1']"));
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "arguments[0].value = '2030-07-01T18:00'; arguments[0].dispatchEvent(new Event('change'));", closes);
            browser.findElement(By.id("zone-add")).click();
            browser.findElement(By.cssSelector("#zones-table input[aria-label='Code, Zone 2']")).sendKeys("hall");
            browser.findElement(By.cssSelector("#zones-table input[aria-label='Name in English, Zone 2']")).sendKeys("Plenary hall");
            browser.findElement(By.id("zones-save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("zones-status"), "Zones saved: 2."));
            asOrganizer().get("/api/v1/events/" + slug + "/zones").then().statusCode(200)
                    .body("code", contains("VIP", "HALL"))
                    .body("[0].name.zh", is("贵宾区"))
                    .body("[0].color", is("#B8860B"))
                    .body("[0].categories", contains("GOVERNMENT", "DIPLOMATIC"))
                    .body("[0].to", is("2030-07-01T18:00:00+08:00"))
                    .body("[1].categories", org.hamcrest.Matchers.nullValue());

            // the session editor offers the zones saved
            browser.findElement(By.xpath("//table[@id='event-sessions']//tr[td[1][text()='CONSULS']]")).click();
            Select zone = new Select(browser.findElement(By.id("s-zone")));
            assertEquals(List.of("No zone", "VIP · VIP lounge", "HALL · Plenary hall"),
                    zone.getOptions().stream().map(WebElement::getText).toList());
            zone.selectByValue("VIP");
            browser.findElement(By.cssSelector("#session-form button[type=submit]")).click();
            // the console says so once it has drawn the event again (the zones table included)
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("session-status"), "Session saved: CONSULS."));
            assertEquals("VIP", asOrganizer().get("/api/v1/events/" + slug).then().extract().path("sessions[0].zone"));

            // removing the zone the session is in is refused, and the console says why
            browser.findElement(By.cssSelector("#zones-table button[aria-label='Remove zone VIP']")).click();
            browser.findElement(By.id("zones-save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("zones-errors"), "VIP (sessions CONSULS)"));
            asOrganizer().get("/api/v1/events/" + slug + "/zones").then().body("code", contains("VIP", "HALL"));
        } finally {
            browser.quit();
        }
    }
}
