package org.forumpass.browser;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The door page in headless chromium whose camera is a video of a real badge's QR code. */
@QuarkusTest
@Tag("browser")
class DoorBrowserTest {
    @TestHTTPResource("/")
    URL root;

    private record Setup(String slug, String code, String doorUser) {
    }

    private static Setup setup() {
        Map<String, Object> e = event(slug());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        e.put("startsAt", now.minusHours(1).toString());
        e.put("endsAt", now.plusDays(1).toString());
        Map<String, Object> plenary = session("PLENARY", now.minusMinutes(30));
        plenary.put("capacity", null);
        plenary.put("title", "Opening plenary");
        e.put("sessions", List.of(plenary));
        String slug = createEvent(e);
        Map<String, Object> d = delegate(email());
        d.put("nativeName", "李肇星");
        Map<String, Object> r = register(slug, d);
        String code = given().auth().oauth2((String) r.get("manageToken")).get("/api/v1/registrations/" + r.get("id"))
                .then().statusCode(200).extract().path("badge.code");
        String door = "gate-" + unique();
        asOrganizer().body(Map.of("username", door, "password", "door-password-9", "role", "door"))
                .post("/api/v1/staff").then().statusCode(201);
        return new Setup(slug, code, door);
    }

    private ChromeDriver openDoor(Setup s, Path camera) throws Exception {
        ChromeDriver browser = Browser.start("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + camera);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(root + "door?lang=en");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(s.doorUser());
        browser.findElement(By.id("password")).sendKeys("door-password-9");
        browser.findElement(By.id("signin-button")).click();
        wait.until(d -> new Select(d.findElement(By.id("event"))).getOptions().stream()
                .anyMatch(o -> s.slug().equals(o.getAttribute("value"))));
        new Select(browser.findElement(By.id("event"))).selectByValue(s.slug());
        wait.until(d -> new Select(d.findElement(By.id("session"))).getOptions().size() == 2);
        new Select(browser.findElement(By.id("session"))).selectByValue("PLENARY");
        // the event's keys and its signed roster are kept for offline use once the event is chosen
        wait.until(d -> (Boolean) browser.executeScript("return localStorage.getItem('fp_keys_' + arguments[0]) !== null", s.slug()));
        wait.until(d -> "ready".equals(d.findElement(By.id("roster")).getAttribute("data-state")));
        return browser;
    }

    /** What the verdict box showed, read at once: a good verdict closes itself after 2.5 s. */
    private record Verdict(String result, String className, String nativeName, boolean offlineShown) {
    }

    @SuppressWarnings("unchecked")
    private static Verdict verdict(ChromeDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
        Map<String, Object> v = (Map<String, Object>) browser.executeScript("var box = document.getElementById('verdict');"
                + " return {result: box.getAttribute('data-result'), className: box.className,"
                + " nativeName: document.getElementById('verdict-native').textContent,"
                + " offlineShown: !document.getElementById('verdict-offline').hidden};");
        return new Verdict((String) v.get("result"), (String) v.get("className"), (String) v.get("nativeName"),
                Boolean.TRUE.equals(v.get("offlineShown")));
    }

    /** Closes the verdict with its button, as the door staff would, unless it has closed itself already. */
    private static void closeVerdict(ChromeDriver browser) {
        browser.executeScript("if (!document.getElementById('verdict').hidden) { document.getElementById('verdict-close').click(); }");
    }

    private static JsonPath plenary(String slug) {
        return asOrganizer().get("/api/v1/events/" + slug + "/stats").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theCameraReadsARealBadgeAndTheDoorAdmitsTheDelegate() throws Exception {
        Setup s = setup();
        ChromeDriver browser = openDoor(s, FakeCamera.video(s.code()));
        try {
            browser.findElement(By.id("camera")).click();
            Verdict v = verdict(browser);
            assertEquals("ACCEPTED", v.result());
            assertTrue(v.nativeName().contains("李肇星"), v.nativeName());
            assertTrue(v.className().contains("good"), v.className());
            closeVerdict(browser);
            browser.findElement(By.id("camera")).click();
            assertEquals(1, plenary(s.slug()).getInt("sessions.find { it.code == 'PLENARY' }.checkedIn"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void offlineTheDoorVerifiesTheBadgeItselfQueuesTheScanAndSyncsItExactlyOnce() throws Exception {
        Setup s = setup();
        ChromeDriver browser = openDoor(s, FakeCamera.video(s.code()));
        try {
            browser.executeCdpCommand("Network.enable", Map.of());
            browser.executeCdpCommand("Network.emulateNetworkConditions",
                    Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
            browser.findElement(By.id("camera")).click();
            Verdict v = verdict(browser);
            assertEquals("ACCEPTED", v.result(), "decided on this device with the roster, as the server would");
            assertTrue(v.nativeName().contains("李肇星"), "the roster names the delegate offline: " + v.nativeName());
            assertTrue(v.className().contains("offline"), v.className());
            assertTrue(v.offlineShown(), "the verdict says it was checked offline");
            closeVerdict(browser);
            browser.findElement(By.id("camera")).click();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.until(d -> !"0".equals(d.findElement(By.id("queue")).getAttribute("data-count")));
            assertEquals("Offline", browser.findElement(By.id("net")).getText());
            assertEquals(0, plenary(s.slug()).getInt("sessions.find { it.code == 'PLENARY' }.checkedIn"),
                    "nothing reached the server while offline");

            browser.executeCdpCommand("Network.emulateNetworkConditions",
                    Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
            wait.until(d -> "0".equals(d.findElement(By.id("queue")).getAttribute("data-count")));
            assertEquals("Online", browser.findElement(By.id("net")).getText());
            JsonPath stats = plenary(s.slug());
            assertEquals(1, stats.getInt("sessions.find { it.code == 'PLENARY' }.checkedIn"), "checked in exactly once");
            List<Integer> accepted = stats.getList("scansPerMinute.accepted", Integer.class);
            assertEquals(1, accepted.stream().mapToInt(Integer::intValue).sum(), "one accepted scan in the log");
        } finally {
            browser.quit();
        }
    }
}
