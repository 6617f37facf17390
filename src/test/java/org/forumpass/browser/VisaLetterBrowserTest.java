package org.forumpass.browser;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.ADMIN_PASSWORD;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.forumpass.visa.VisaFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15, visa letters in Chromium: a delegate on their manage page in 中文 asks for a letter, the organizer issues
 * it, and the delegate downloads it through the page's link (the manage cookie, no token in the URL); the file is a PDF
 * with the passport number, read by PDFBox and by poppler's pdftotext. Then the console: an organizer issues a
 * second delegate's letter from the Visa letters tab with the keyboard alone.
 */
@QuarkusTest
@Tag("browser")
class VisaLetterBrowserTest {
    private static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");

    @TestHTTPResource("/")
    URL root;

    ChromeDriver browser;
    WebDriverWait wait;
    Path downloads;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.start("--window-size=1280,1000");
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        downloads = Files.createTempDirectory("fp-downloads");
        browser.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString(), "eventsEnabled", true));
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void aDelegateAsksInChineseAndDownloadsTheIssuedLetterFromTheirPage() throws Exception {
        String slug = VisaFixtures.visaEvent();
        String number = VisaFixtures.passportNumber();
        Map<String, Object> reg = register(slug, VisaFixtures.withPassport("Mei", "Wang", "王梅", "CN", number));
        String id = (String) reg.get("id");

        // the e-mailed link, then the page in Chinese
        browser.get(root + "r/" + id + "?t=" + reg.get("manageToken"));
        browser.get(root + "r/" + id + "?lang=zh");
        WebElement ask = wait.until(ExpectedConditions.elementToBeClickable(By.id("visa-request")));
        assertEquals("申请邀请函", ask.getText());
        assertEquals("未申请", browser.findElement(By.id("visa-state")).getText());
        ask.click();
        wait.until(ExpectedConditions.attributeToBe(By.id("visa-state"), "data-state", "REQUESTED"));
        assertEquals("您的申请已提交给主办方。", browser.findElement(By.id("visa-requested")).getText());
        assertEquals("已申请，等待主办方处理", browser.findElement(By.id("visa-state")).getText());

        // the organizer issues it
        String reference = asOrganizer().post("/api/v1/registrations/" + id + "/visa-letter/approve").then().statusCode(200)
                .extract().path("reference");

        // the delegate downloads it with the page's link
        browser.navigate().refresh();
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.id("visa-pdf")));
        assertEquals(reference, browser.findElement(By.id("visa-reference")).getText());
        assertEquals(root.getPath() + "r/" + id + "/visa-letter.pdf", new URL(link.getAttribute("href")).getPath());
        assertTrue(!link.getAttribute("href").contains("t="), "no token in the link");
        link.click();
        Path file = downloads.resolve("visa-invitation-letter.pdf");
        new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(100))
                .until(b -> Files.exists(file) && !Files.exists(downloads.resolve("visa-invitation-letter.pdf.crdownload")));
        byte[] pdf = Files.readAllBytes(file);
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(number) && text.contains("王梅"), text);
        }

        // the same file through poppler, as a consulate's or a printer's tools read it
        assertTrue(Files.isExecutable(PDFTOTEXT), "poppler-utils is needed for this test (/usr/bin/pdftotext is missing): "
                + "apt-get install poppler-utils");
        Process p = new ProcessBuilder(PDFTOTEXT.toString(), "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true).start();
        String extracted = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "pdftotext ends");
        assertEquals(0, p.exitValue(), extracted);
        for (String want : List.of(number, "王梅", "Mei Wang", "签证邀请函", "Invitation Letter for a Visa Application", reference)) {
            assertTrue(extracted.contains(want), want + " in pdftotext's output:\n" + extracted);
        }
    }

    @Test
    void anOrganizerIssuesALetterFromTheConsoleWithTheKeyboard() {
        String slug = VisaFixtures.visaEvent();
        Map<String, Object> reg = register(slug, VisaFixtures.withPassport("Ivan", "Petrov", "Иван Петров", "RU",
                VisaFixtures.passportNumber()));
        String id = (String) reg.get("id");
        given().auth().oauth2((String) reg.get("manageToken")).post("/api/v1/registrations/" + id + "/visa-letter").then()
                .statusCode(200);

        browser.get(root + "admin?lang=zh");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD + Keys.ENTER);
        wait.until(d -> new Select(d.findElement(By.id("event"))).getOptions().stream().anyMatch(o -> slug.equals(o.getAttribute("value"))));
        new Select(browser.findElement(By.id("event"))).selectByValue(slug);
        WebElement tab = browser.findElement(By.cssSelector("[data-tab=visa]"));
        assertEquals("签证邀请函", tab.getText());
        tab.sendKeys(Keys.ENTER);
        WebElement issue = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#visa-table tr[data-id='" + id + "'] button")));
        assertEquals("签发", issue.getText());
        assertEquals("签发Ivan Petrov (Иван Петров)的邀请函", issue.getAttribute("aria-label"));
        // the settings form shows what the event has
        wait.until(ExpectedConditions.attributeToBe(By.id("v-name-zh"), "value", "测试论坛组委会"));
        issue.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#visa-table tr[data-id='" + id + "']"), "data-state", "ISSUED"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("visa-status"), "已签发"));
        String reference = asOrganizer().get("/api/v1/registrations/" + id + "/visa-letter").then().statusCode(200)
                .extract().path("reference");
        assertTrue(browser.findElement(By.cssSelector("#visa-table tr[data-id='" + id + "']")).getText().contains(reference));
    }
}
