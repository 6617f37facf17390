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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The door page as a tablet on the venue's network meets it: the server reached by a name that is not localhost
 * ({@code door.venue.test}, mapped to this machine), over plain HTTP (not a secure context: no WebCrypto, no camera)
 * and over the HTTPS the app serves out of the box with the certificate its own authority signed.
 */
@QuarkusTest
@QuarkusTestResource(TlsTestResource.class)
@Tag("browser")
class DoorHttpsBrowserTest {
    @TestHTTPResource("/")
    URL root;
    @TestHTTPResource(value = "/", tls = true)
    URL secureRoot;

    private record Setup(String slug, String code, String walkInFamilyName, String doorUser) {
    }

    private static Setup setup() {
        Map<String, Object> e = event(slug());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        e.put("startsAt", now.minusHours(1).toString());
        e.put("endsAt", now.plusDays(1).toString());
        Map<String, Object> plenary = session("PLENARY", now.minusMinutes(30));
        plenary.put("capacity", null);
        e.put("sessions", List.of(plenary));
        String slug = createEvent(e);
        Map<String, Object> d = delegate(email());
        d.put("nativeName", "李肇星");
        Map<String, Object> r = register(slug, d);
        String code = given().auth().oauth2((String) r.get("manageToken")).get("/api/v1/registrations/" + r.get("id"))
                .then().statusCode(200).extract().path("badge.code");
        String walkIn = "Okonkwo" + unique().substring(0, 4);
        Map<String, Object> w = delegate(email());
        w.put("familyName", walkIn);
        register(slug, w);
        String door = "gate-" + unique();
        asOrganizer().body(Map.of("username", door, "password", "door-password-9", "role", "door"))
                .post("/api/v1/staff").then().statusCode(201);
        return new Setup(slug, code, walkIn, door);
    }

    private static WebDriverWait signIn(ChromeDriver browser, String url, Setup s) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(url);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(s.doorUser());
        browser.findElement(By.id("password")).sendKeys("door-password-9");
        browser.findElement(By.id("signin-button")).click();
        wait.until(d -> new Select(d.findElement(By.id("event"))).getOptions().stream()
                .anyMatch(o -> s.slug().equals(o.getAttribute("value"))));
        new Select(browser.findElement(By.id("event"))).selectByValue(s.slug());
        wait.until(d -> new Select(d.findElement(By.id("session"))).getOptions().size() == 2);
        new Select(browser.findElement(By.id("session"))).selectByValue("PLENARY");
        return wait;
    }

    private static String verdict(ChromeDriver browser, WebDriverWait wait) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
        String result = browser.findElement(By.id("verdict")).getAttribute("data-result");
        browser.executeScript("if (!document.getElementById('verdict').hidden) { document.getElementById('verdict-close').click(); }");
        return result;
    }

    @Test
    void overPlainHttpFromAnotherDeviceThePageSaysWhyAndTheScannerAndSearchStillWork() throws Exception {
        Setup s = setup();
        ChromeDriver browser = Browser.start("--host-resolver-rules=MAP " + TlsTestResource.VENUE_HOST + " 127.0.0.1");
        try {
            String url = "http://" + TlsTestResource.VENUE_HOST + ":" + root.getPort() + "/door?lang=en";
            WebDriverWait wait = signIn(browser, url, s);
            assertEquals(Boolean.FALSE, browser.executeScript("return window.isSecureContext"), "plain HTTP to another host");

            // a visible explanation, the secure address and the certificate to trust, no camera button
            assertTrue(browser.findElement(By.id("insecure")).isDisplayed());
            assertTrue(browser.findElement(By.id("insecure-title")).getText().contains("Camera and offline checking are off"));
            assertEquals("https://" + TlsTestResource.VENUE_HOST + ":" + secureRoot.getPort() + "/door?lang=en",
                    browser.findElement(By.id("insecure-link")).getAttribute("href"));
            assertEquals(TlsTestResource.caFingerprint(), browser.findElement(By.id("insecure-fingerprint")).getText());
            assertFalse(browser.findElement(By.id("camera")).isDisplayed());
            assertTrue(browser.findElement(By.id("camera-hint")).getText().contains("USB"), browser.findElement(By.id("camera-hint")).getText());
            assertEquals(1, browser.findElements(By.cssSelector("main h1")).size(), "one main heading");

            // a USB scanner types the code and Enter
            browser.findElement(By.id("typed")).sendKeys(s.code(), Keys.ENTER);
            assertEquals("ACCEPTED", verdict(browser, wait));
            // again: already inside, said once, with the first entry's time
            browser.findElement(By.id("typed")).sendKeys(s.code(), Keys.ENTER);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
            String title = browser.findElement(By.id("verdict-result")).getText();
            String message = browser.findElement(By.id("verdict-message")).getText();
            assertEquals("Already checked in", title);
            assertTrue(message.startsWith("First entry "), message);
            assertEquals("ALREADY_CHECKED_IN", verdict(browser, wait));

            // a delegate without a badge, found by name
            browser.findElement(By.id("search")).sendKeys(s.walkInFamilyName());
            wait.until(d -> !d.findElements(By.cssSelector("#found button")).isEmpty());
            // the sticky sign-out bar covers the foot of the screen: scrolled up, as a steward's thumb does
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.findElement(By.cssSelector("#found button")));
            browser.findElement(By.cssSelector("#found button")).click();
            assertEquals("ACCEPTED", verdict(browser, wait));
        } finally {
            browser.quit();
        }
        // the certificate the page names is downloadable over HTTP, and it is the one whose fingerprint it shows
        byte[] ca = given().get("/ca.crt").then().statusCode(200).contentType("application/x-x509-ca-cert")
                .extract().asByteArray();
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(ca));
        assertEquals(TlsTestResource.caFingerprint(),
                HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded())));
    }

    @Test
    void overTheHttpsServedOutOfTheBoxTheDoorHasItsCameraAndOfflineChecking() throws Exception {
        Setup s = setup();
        ChromeDriver browser = Browser.start("--host-resolver-rules=MAP " + TlsTestResource.VENUE_HOST + " 127.0.0.1",
                "--ignore-certificate-errors-spki-list=" + TlsTestResource.serverSpki(),
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + FakeCamera.video(s.code()));
        try {
            String url = "https://" + TlsTestResource.VENUE_HOST + ":" + secureRoot.getPort() + "/door?lang=en";
            WebDriverWait wait = signIn(browser, url, s);
            assertEquals(Boolean.TRUE, browser.executeScript("return window.isSecureContext"));
            assertFalse(browser.findElement(By.id("insecure")).isDisplayed());
            // WebCrypto: the signed roster is verified and sealed on the device
            wait.until(d -> "ready".equals(d.findElement(By.id("roster")).getAttribute("data-state")));
            browser.findElement(By.id("camera")).click();
            assertEquals("ACCEPTED", verdict(browser, wait));
        } finally {
            browser.quit();
        }
    }
}
