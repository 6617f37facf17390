package org.forumpass.browser;

import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.forumpass.Fixtures.asDoor;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.unique;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console's main path: sign in, find a delegate, approve, export; issue 17: the Events tab, the sessions, a new
 *  badge asked for first, enums in words, times in the event's zone, every control named. */
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
            wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "Awaiting approval"));
            // issue 14: the "Accreditation" select; pending, the delegate is not ready for a badge
            Select accreditation = new Select(browser.findElement(By.id("f-accreditation")));
            // issue 17: its visible label
            assertEquals("Accreditation", browser.findElement(By.cssSelector("label[for=f-accreditation]")).getText());
            accreditation.selectByVisibleText("Ready for badge");
            browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "0"));
            assertTrue(browser.findElements(row).isEmpty(), "a pending delegate is not ready for a badge");
            accreditation.selectByVisibleText("Not ready for badge (still needs something)");
            browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "Awaiting approval"));
            browser.findElement(By.cssSelector("#delegates-table tr[data-id='" + id + "'] button.approve")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "Confirmed"));
            asOrganizer().get("/api/v1/registrations/" + id).then().body("status", is("CONFIRMED"));
            accreditation.selectByVisibleText("Ready for badge");
            browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "1"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "Confirmed"));

            browser.findElement(By.cssSelector("[data-tab=exports]")).click();
            new Select(browser.findElement(By.id("x-group"))).selectByValue("country");
            browser.findElement(By.cssSelector("[data-export='exports/delegates.csv']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "-delegates-by-country-en.csv")); // issue 17: the server's file name
            assertTrue(browser.findElement(By.id("notice")).getText().startsWith("Downloaded"),
                    browser.findElement(By.id("notice")).getText());

            browser.findElement(By.cssSelector("[data-tab=audit]")).click();
            // issue 17: the audit's actions in words
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-table"), "Approved"));
            assertTrue(browser.findElement(By.id("audit-table")).getText().contains(id), "the approval names the delegate");
        } finally {
            browser.quit();
        }
    }

    /** Issue 17: the Events tab shows and saves theme, description, registration window and the Chinese city and venue;
     *  the sessions need an event chosen, say why they are not added, and show their times in the event's zone. */
    @Test
    void theEventsTabEditsEveryFieldAndItsSessionsInTheEventsZone() throws Exception {
        assertFalse(ZoneId.systemDefault().getId().equals("Asia/Shanghai"), "the event's zone must differ from the machine's");
        Map<String, Object> e = event(slug());
        e.put("timeZone", "Asia/Shanghai");
        e.put("startsAt", "2030-07-01T09:00:00+08:00");
        e.put("endsAt", "2030-07-02T18:00:00+08:00");
        e.put("sessions", List.of(session("OPENING", OffsetDateTime.parse("2030-07-01T14:00:00+08:00"))));
        String slug = createEvent(e);

        ChromeDriver browser = Browser.start("--window-size=1280,900");
        try {
            WebDriverWait wait = Browser.console(browser, root + "admin?lang=en", slug);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("zone-note"), "Asia/Shanghai"));
            browser.findElement(By.cssSelector("[data-tab=events]")).click();

            // no event chosen: the hint, and "Add session" says why it adds nothing
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sessions-hint")));
            assertEquals("Choose an event to see its sessions: press Edit beside an event in the list above.",
                    browser.findElement(By.id("sessions-hint")).getText());
            assertFalse(browser.findElement(By.id("event-sessions")).isDisplayed(), "no event's sessions are shown");
            browser.findElement(By.id("session-save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("session-errors"), "No event is chosen"));

            // the event opened: its sessions, at the event's wall time with the zone named
            WebElement edit = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#events-table tr[data-slug='" + slug + "'] button.edit-event")));
            assertEquals("Edit the event Test Forum " + slug, edit.getAttribute("aria-label"));
            assertTrue(browser.findElement(By.cssSelector("#events-table tr[data-slug='" + slug + "']")).getText()
                    .contains("2030-07-01 09:00 – 2030-07-02 18:00 (Asia/Shanghai)"));
            edit.click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sessions-for"), "Times are in Asia/Shanghai"));
            assertFalse(browser.findElement(By.id("sessions-hint")).isDisplayed());
            By opening = By.cssSelector("#event-sessions tr[data-session=OPENING] .session-start");
            assertEquals("2030-07-01 14:00 (Asia/Shanghai)", browser.findElement(opening).getText());
            assertEquals("2030-07-01T09:00", browser.findElement(By.id("e-start")).getAttribute("value"));
            assertEquals("Panel", browser.findElement(By.cssSelector("#event-sessions tr[data-session=OPENING] td:nth-child(3)")).getText());

            // theme, description, window, Chinese city and venue saved
            type(browser, "e-theme", "Digital Silk Road");
            type(browser, "e-themezh", "数字丝绸之路");
            type(browser, "e-description", "Two days of panels.");
            type(browser, "e-descriptionzh", "为期两天的论坛。");
            type(browser, "e-cityzh", "上海");
            type(browser, "e-venuezh", "大宴会厅");
            setValue(browser, "e-opens", "2030-06-01T09:00");
            setValue(browser, "e-closes", "2030-06-30T18:00");
            browser.findElement(By.id("event-save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-status"), "Event saved: " + slug + "."));
            asOrganizer().get("/api/v1/events/" + slug).then().statusCode(200)
                    .body("theme", is("Digital Silk Road")).body("themeZh", is("数字丝绸之路"))
                    .body("description", is("Two days of panels.")).body("descriptionZh", is("为期两天的论坛。"))
                    .body("cityZh", is("上海")).body("venueZh", is("大宴会厅"))
                    .body("registrationOpensAt", is("2030-06-01T09:00:00+08:00"))
                    .body("registrationClosesAt", is("2030-06-30T18:00:00+08:00"))
                    .body("sessions[0].startsAt", is("2030-07-01T14:00:00+08:00"));
            assertEquals("2030-06-01T09:00", browser.findElement(By.id("e-opens")).getAttribute("value"));
            assertEquals("上海", browser.findElement(By.id("e-cityzh")).getAttribute("value"));

            // problems beside their fields, nothing saved
            browser.findElement(By.id("e-name")).clear();
            setValue(browser, "e-closes", "2030-07-03T09:00");
            browser.findElement(By.id("event-save")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("event-errors")));
            assertEquals("is required", browser.findElement(By.cssSelector("[data-for=name] .field-error")).getText());
            assertEquals("true", browser.findElement(By.id("e-name")).getAttribute("aria-invalid"));
            assertEquals("must not be after the event ends",
                    browser.findElement(By.cssSelector("[data-for=registrationClosesAt] .field-error")).getText());
            asOrganizer().get("/api/v1/events/" + slug).then().body("name", is("Test Forum " + slug));
            // a capacity of 0 is refused beside its field
            type(browser, "e-name", "Test Forum " + slug);
            setValue(browser, "e-closes", "2030-06-30T18:00");
            browser.findElement(By.id("e-capacity")).clear();
            type(browser, "e-capacity", "0");
            browser.findElement(By.id("event-save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-for=capacity] .field-error"),
                    "must be a whole number from 1 to 1000000"));

            // a session: errors beside the fields, then added, its time in the event's zone
            browser.findElement(By.id("session-save")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-for=code] .field-error")));
            assertEquals("is required", browser.findElement(By.cssSelector("#session-form [data-for=title] .field-error")).getText());
            assertEquals("is required", browser.findElement(By.cssSelector("#session-form [data-for=startsAt] .field-error")).getText());
            type(browser, "s-code", "close");
            type(browser, "s-title", "Closing ceremony");
            new Select(browser.findElement(By.id("s-type"))).selectByVisibleText("Ceremony");
            setValue(browser, "s-start", "2030-07-02T17:00");
            setValue(browser, "s-end", "2030-07-02T16:00");
            browser.findElement(By.id("session-save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#session-form [data-for=endsAt] .field-error"),
                    "must be after the start"));
            setValue(browser, "s-end", "2030-07-02T18:00");
            browser.findElement(By.id("session-save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("session-status"), "Session added: CLOSE."));
            assertEquals("2030-07-02 17:00 (Asia/Shanghai)",
                    browser.findElement(By.cssSelector("#event-sessions tr[data-session=CLOSE] .session-start")).getText());
            asOrganizer().get("/api/v1/events/" + slug).then().body("sessions.find { it.code == 'CLOSE' }.startsAt",
                    is("2030-07-02T17:00:00+08:00")).body("sessions.find { it.code == 'CLOSE' }.type", is("CEREMONY"));
        } finally {
            browser.quit();
        }
    }

    /** Issue 17: "New badge" asks first; cancel keeps the badge working, confirming revokes it. */
    @Test
    void aNewBadgeIsAskedForFirstAndCancelKeepsTheOldOne() throws Exception {
        String slug = createEvent(event(slug()));
        Map<String, Object> d = delegate(email());
        d.put("familyName", "Reissue" + unique().substring(0, 6));
        String id = (String) register(slug, d).get("id");
        String code = asOrganizer().get("/api/v1/registrations/" + id).then().extract().path("badge.code");

        ChromeDriver browser = Browser.start("--window-size=1280,900");
        try {
            WebDriverWait wait = Browser.console(browser, root + "admin?lang=en", slug);
            browser.findElement(By.cssSelector("[data-tab=delegates]")).click();
            By row = By.cssSelector("#delegates-table tr[data-id='" + id + "']");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "Confirmed"));
            By reissue = By.cssSelector("#delegates-table tr[data-id='" + id + "'] button.reissue");
            assertEquals("New badge for Anna " + d.get("familyName"), browser.findElement(reissue).getAttribute("aria-label"));
            browser.findElement(reissue).click();
            WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reissue-dialog")));
            assertTrue(dialog.getText().contains("stops working at the doors"), dialog.getText());
            assertEquals("reissue-cancel", browser.switchTo().activeElement().getAttribute("id"), "the safe choice has the focus");
            browser.findElement(By.id("reissue-cancel")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("reissue-dialog")));
            assertEquals("New badge", browser.switchTo().activeElement().getText(), "the focus is back on the button");
            asOrganizer().get("/api/v1/registrations/" + id).then().body("badge.code", is(code)).body("badge.serial", is(1));
            assertEquals("ACCEPTED", entrance(slug, code), "the badge still opens the doors");

            browser.findElement(reissue).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reissue-confirm"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "the old one no longer opens the doors"));
            asOrganizer().get("/api/v1/registrations/" + id).then().body("badge.serial", is(2));
            assertEquals("REVOKED", entrance(slug, code));
        } finally {
            browser.quit();
        }
    }

    /** Issue 17: API values are words in both languages: the delegate list, its filters, the audit. */
    @Test
    void enumsAreWordsInEnglishAndChinese() throws Exception {
        String slug = createEvent(event(slug()));
        Map<String, Object> d = delegate(email());
        d.put("familyName", "Words" + unique().substring(0, 6));
        String id = (String) register(slug, d).get("id");
        for (String[] lang : new String[][] {{"en", "Confirmed", "Industry", "Awaiting approval"}, {"zh", "已确认", "企业界", "待审核"}}) {
            ChromeDriver browser = Browser.start("--window-size=1280,900");
            try {
                WebDriverWait wait = Browser.console(browser, root + "admin?lang=" + lang[0], slug);
                browser.findElement(By.cssSelector("[data-tab=delegates]")).click();
                By row = By.cssSelector("#delegates-table tr[data-id='" + id + "']");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(row, lang[1]));
                String text = browser.findElement(row).getText();
                assertTrue(text.contains(lang[2]), text);
                assertFalse(text.contains("CONFIRMED") || text.contains("INDUSTRY"), text);
                List<String> statuses = new Select(browser.findElement(By.id("f-status"))).getOptions().stream()
                        .map(WebElement::getText).toList();
                assertTrue(statuses.contains(lang[3]) && !statuses.contains("PENDING"), statuses.toString());
                browser.findElement(By.cssSelector("[data-tab=audit]")).click();
                List<String> actions = new Select(browser.findElement(By.id("a-action"))).getOptions().stream()
                        .map(WebElement::getText).toList();
                assertFalse(actions.contains("REISSUE_BADGE") || actions.contains(""), actions.toString());
            } finally {
                browser.quit();
            }
        }
    }

    /** Issue 17: every input, select, textarea and button of every tab has an accessible name, and ids are unique. */
    @Test
    void everyControlOfEveryTabHasAName() throws Exception {
        Map<String, Object> e = event(slug());
        e.put("sessions", List.of(session("PLENARY", OffsetDateTime.now().plusDays(30))));
        String slug = createEvent(e);
        register(slug, delegate(email()));
        for (String lang : List.of("en", "zh")) {
            ChromeDriver browser = Browser.start("--window-size=1280,900");
            try {
                WebDriverWait wait = Browser.console(browser, root + "admin?lang=" + lang, slug);
                List<String> tabs = browser.findElements(By.cssSelector("[role=tab]")).stream()
                        .filter(WebElement::isDisplayed).map(t -> t.getAttribute("data-tab")).toList();
                assertTrue(tabs.size() >= 14, tabs.toString());
                for (String tab : tabs) {
                    browser.findElement(By.cssSelector("[data-tab=" + tab + "]")).click();
                    if (tab.equals("delegates")) {
                        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#delegates-table tbody tr")));
                    }
                    if (tab.equals("events")) {
                        wait.until(ExpectedConditions.elementToBeClickable(
                                By.cssSelector("#events-table tr[data-slug='" + slug + "'] button.edit-event"))).click();
                        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#event-sessions tr[data-session=PLENARY]")));
                    }
                    List<?> nameless = (List<?>) ((JavascriptExecutor) browser).executeScript(NAMELESS);
                    assertEquals(List.of(), nameless, lang + " tab " + tab + ": controls without an accessible name or duplicate ids");
                }
            } finally {
                browser.quit();
            }
        }
    }

    /** The controls whose accessible name (aria-labelledby, aria-label, label, title, a button's text) is empty, and
     *  the ids given twice. */
    private static final String NAMELESS = """
            var out = [];
            function text(el) { return el ? (el.textContent || '').trim() : ''; }
            document.querySelectorAll('input, select, textarea, button').forEach(function (c) {
              if (c.type === 'hidden') { return; }
              var name = '';
              if (c.getAttribute('aria-labelledby')) {
                name = c.getAttribute('aria-labelledby').split(/\\s+/).map(function (i) { return text(document.getElementById(i)); }).join(' ').trim();
              }
              if (!name) { name = (c.getAttribute('aria-label') || '').trim(); }
              if (!name && c.labels) { name = Array.prototype.map.call(c.labels, text).join(' ').trim(); }
              if (!name) { name = (c.getAttribute('title') || '').trim(); }
              if (!name && c.tagName === 'BUTTON') { name = text(c); }
              if (!name) { out.push(c.outerHTML.slice(0, 120)); }
            });
            var seen = {};
            document.querySelectorAll('[id]').forEach(function (el) {
              if (seen[el.id]) { out.push('duplicate id ' + el.id); }
              seen[el.id] = true;
            });
            return out;
            """;

    private static String entrance(String slug, String code) {
        return asDoor().body(Map.of("code", code, "deviceId", "door-" + unique(), "nonce", unique()))
                .post("/api/v1/events/" + slug + "/scans").then().statusCode(200).extract().path("result");
    }

    private static void type(ChromeDriver browser, String id, String text) {
        WebElement el = browser.findElement(By.id(id));
        el.clear();
        el.sendKeys(text);
    }

    /** A datetime-local's value as the browser's picker would set it. */
    private static void setValue(ChromeDriver browser, String id, String value) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", browser.findElement(By.id(id)), value);
    }
}
