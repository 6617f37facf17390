package org.forumpass.browser;

import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15: a focal point opens the e-mailed link, switches to 中文, adds two members through the form (names in
 * Chinese and Arabic script), sends one's photo, sees both in the members table with their status and the places
 * counting down, and withdraws one through the confirmation step.
 */
@QuarkusTest
@Tag("browser")
class FocalPointBrowserTest {
    @TestHTTPResource("/")
    URL root;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class); // every action reloads the page
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    /** A forum that needs a photo of diplomats, with a keynote and a session for diplomats; a delegation's focal-point URL. */
    private String[] delegation() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        OffsetDateTime start = OffsetDateTime.parse((String) e.get("startsAt"));
        Map<String, Object> keynote = session("KEYNOTE", start);
        keynote.put("titleZh", "主旨演讲");
        Map<String, Object> consuls = session("CONSULS", start.plusHours(2));
        consuls.put("titleZh", "总领事专场");
        consuls.put("restrictedTo", List.of("DIPLOMATIC"));
        e.put("sessions", List.of(keynote, consuls));
        e.put("photoRequiredFor", List.of("DIPLOMATIC"));
        createEvent(e);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", "Delegation of Egypt " + slug);
        d.put("country", "EG");
        d.put("organization", "Ministry of Communications and Information Technology");
        d.put("focalPoint", Map.of("name", "Mona Hassan", "email", "mona-" + slug + "@example.org", "language", "zh"));
        d.put("quotas", Map.of("GOVERNMENT", 2, "DIPLOMATIC", 1));
        Map<String, Object> created = asOrganizer().body(d).post("/api/v1/events/" + slug + "/delegations").then()
                .statusCode(201).extract().jsonPath().getMap("");
        return new String[] {(String) created.get("id"), (String) created.get("focalPointUrl")};
    }

    private String places(String category) {
        return browser.findElement(By.cssSelector("#quota-" + category + " .places")).getText();
    }

    private void addMember(String given, String family, String nativeName, String category, String session) {
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("registration-form")));
        browser.findElement(By.id("givenName")).sendKeys(given);
        browser.findElement(By.id("familyName")).sendKeys(family);
        browser.findElement(By.id("nativeName")).sendKeys(nativeName);
        browser.findElement(By.id("email")).sendKeys(given.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        new Select(browser.findElement(By.id("category"))).selectByVisibleText(category);
        browser.findElement(By.cssSelector("input[name=sessions][value=" + session + "]")).click();
        browser.findElement(By.id("consent")).click();
        form.findElement(By.id("add-member")).click();
    }

    @Test
    void aFocalPointAddsTwoMembersInChineseAndWithdrawsOne() throws Exception {
        String[] d = delegation();
        String id = d[0];
        String url = d[1];
        browser.get(root + url.substring(url.indexOf("/d/") + 1)); // the e-mailed link, on this test's port
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("delegation-name")));
        assertFalse(browser.getCurrentUrl().contains("t="), "the token left the address bar: " + browser.getCurrentUrl());
        browser.findElement(By.cssSelector("a.lang[hreflang=zh]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("add-title"), "添加成员"));
        assertEquals("已用 0 / 2，剩余 2", places("GOVERNMENT"));
        assertEquals("已用 0 / 1，剩余 1", places("DIPLOMATIC"));
        assertEquals("埃及", new Select(browser.findElement(By.id("country"))).getFirstSelectedOption().getText(),
                "the delegation's country is filled in");

        // a government member with a Chinese name, from another country than the delegation's
        new Select(browser.findElement(By.id("country"))).selectByVisibleText("中国");
        addMember("Zhaoxing", "Li", "李肇星", "政府", "KEYNOTE");
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "已添加 Zhaoxing Li：已确认。"));
        assertEquals("已用 1 / 2，剩余 1", places("GOVERNMENT"));

        // a diplomat with an Arabic name: the diplomats' session may be chosen; the photo is needed
        new Select(browser.findElement(By.id("category"))).selectByVisibleText("外交使节");
        assertTrue(browser.findElement(By.cssSelector("input[name=sessions][value=CONSULS]")).isEnabled());
        new Select(browser.findElement(By.id("category"))).selectByVisibleText("政府");
        assertFalse(browser.findElement(By.cssSelector("input[name=sessions][value=CONSULS]")).isEnabled(),
                "a session closed to the chosen category cannot be picked");
        new Select(browser.findElement(By.id("category"))).selectByIndex(0);
        addMember("Mohamed", "Aly", "محمد علي", "外交使节", "CONSULS");
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "已添加 Mohamed Aly：待审核。"));
        assertEquals("已用 1 / 1，剩余 0", places("DIPLOMATIC"));
        assertTrue(browser.findElements(By.cssSelector("#category option[value=DIPLOMATIC]")).isEmpty(),
                "a category used up is no longer offered");

        List<WebElement> rows = browser.findElements(By.cssSelector("#members tbody tr"));
        assertEquals(2, rows.size());
        WebElement li = rows.get(0);
        WebElement aly = rows.get(1);
        assertEquals("李肇星", li.findElement(By.className("member-native")).getText());
        assertEquals("已确认", li.findElement(By.className("member-status")).getText());
        assertEquals("محمد علي", aly.findElement(By.className("member-native")).getText());
        assertEquals("待审核", aly.findElement(By.className("member-status")).getText());
        assertEquals("需要，尚未上传", aly.findElement(By.className("member-photo-state")).findElement(By.className("pill")).getText());

        // the diplomat's photo, chosen from a file in the members table
        String alyId = aly.getAttribute("id").substring("member-".length());
        aly.findElement(By.cssSelector("input[type=file]")).sendKeys(photo().toString());
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "Mohamed Aly 的照片已发送，等待主办方审核。"));
        assertEquals("等待主办方审核", browser.findElement(By.cssSelector("#member-" + alyId + " .photo-label")).getText());
        wait.until(b -> (Boolean) browser.executeScript("const i = document.querySelector('#member-" + alyId
                + " .photo-thumb'); return i.complete && i.naturalWidth > 0;"));
        asOrganizer().get("/api/v1/registrations/" + alyId).then().body("photo.status", is("PENDING_REVIEW"));

        // withdraw Zhaoxing Li through the confirmation step
        browser.findElement(By.cssSelector("#members tbody tr:first-child .member-withdraw")).click();
        wait.until(ExpectedConditions.textToBe(By.id("withdraw-title"), "撤回 Zhaoxing Li？"));
        browser.findElement(By.id("withdraw-confirm")).click();
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "已撤回 Zhaoxing Li，名额已空出。"));
        assertEquals("已用 0 / 2，剩余 2", places("GOVERNMENT"));
        assertEquals(1, browser.findElements(By.cssSelector("#members tbody tr")).size());
        WebElement gone = browser.findElement(By.cssSelector("#withdrawn tbody tr"));
        assertEquals("李肇星", gone.findElement(By.className("member-native")).getText());
        assertEquals("已取消", gone.findElement(By.className("member-status")).getText());
        assertFalse(browser.getCurrentUrl().contains("t="), browser.getCurrentUrl());
        asOrganizer().get("/api/v1/delegations/" + id).then().body("quotas.GOVERNMENT.used", is(0))
                .body("quotas.DIPLOMATIC.used", is(1));
    }

    /**
     * The walk for visa letters: in 中文 the focal point adds two members with their passports, asks for both
     * letters from the members table, the organizers issue them for the delegation, and the focal point downloads
     * them from the page (one PDF, no token in the link), read back with PDFBox.
     */
    @Test
    void aFocalPointAddsTwoMembersInChineseAndDownloadsTheirLetters() throws Exception {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("identityRequiredFor", List.of("GOVERNMENT"));
        createEvent(e);
        asOrganizer().body(org.forumpass.visa.VisaFixtures.settings()).put("/api/v1/events/" + slug + "/visa-letter").then().statusCode(200);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Embassy of Egypt " + slug);
        body.put("country", "EG");
        body.put("organization", "Embassy of the Arab Republic of Egypt");
        body.put("focalPoint", Map.of("name", "Mona Hassan", "email", "mona-" + slug + "@example.org", "language", "zh"));
        body.put("quotas", Map.of("GOVERNMENT", 2));
        Map<String, Object> created = asOrganizer().body(body).post("/api/v1/events/" + slug + "/delegations").then()
                .statusCode(201).extract().jsonPath().getMap("");
        String id = (String) created.get("id");
        String url = (String) created.get("focalPointUrl");
        Path downloads = Files.createTempDirectory("fp-letters");
        browser.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString(), "eventsEnabled", true));

        browser.get(root + url.substring(url.indexOf("/d/") + 1));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("delegation-name")));
        browser.findElement(By.cssSelector("a.lang[hreflang=zh]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("add-title"), "添加成员"));
        String cairo = "A" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String alex = "A" + (10_000_000 + (int) (Math.random() * 89_999_999));
        addWithPassport("Ahmed", "Hassan", "أحمد حسن", cairo);
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "已添加 Ahmed Hassan：已确认。"));
        addWithPassport("Laila", "Mahmoud", "ليلى محمود", alex);
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "已添加 Laila Mahmoud：已确认。"));

        // ask for both letters from the members table
        for (String name : List.of("Ahmed Hassan", "Laila Mahmoud")) {
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//tr[.//span[@class='member-name' and text()='" + name + "']]//button[contains(@class,'member-visa-request')]"))).click();
            wait.until(ExpectedConditions.textToBe(By.id("notice"), "已为 " + name + " 申请签证邀请函，主办方将予以签发。"));
        }
        List<WebElement> states = browser.findElements(By.cssSelector("#members .member-visa [data-state]"));
        assertEquals(List.of("已申请", "已申请"), states.stream().map(WebElement::getText).toList());

        // the organizers issue the delegation's letters at once
        asOrganizer().post("/api/v1/delegations/" + id + "/visa-letters/approve").then().statusCode(200).body("issued", is(2));
        browser.navigate().refresh();
        WebElement all = wait.until(ExpectedConditions.elementToBeClickable(By.id("all-letters")));
        assertEquals("下载全部已签发的邀请函（一个 PDF）", all.getText());
        assertEquals(List.of("已签发", "已签发"), browser.findElements(By.cssSelector("#members .member-visa [data-state]")).stream()
                .map(WebElement::getText).toList());
        assertEquals(2, browser.findElements(By.cssSelector("#members a.member-visa-pdf")).size(), "each member's letter too");
        assertFalse(all.getAttribute("href").contains("t="), "no token in the link");
        all.click();
        Path file = downloads.resolve("visa-letters-" + id + ".pdf");
        new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(100))
                .until(b -> Files.exists(file) && !Files.exists(downloads.resolve("visa-letters-" + id + ".pdf.crdownload")));
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(Files.readAllBytes(file))) {
            assertEquals(2, doc.getNumberOfPages());
            String text = java.text.Normalizer.normalize(new org.apache.pdfbox.text.PDFTextStripper().getText(doc),
                    java.text.Normalizer.Form.NFKC);
            for (String want : List.of(cairo, alex, "Ahmed Hassan", "Laila Mahmoud", "签证邀请函", "Invitation Letter for a Visa Application")) {
                assertTrue(text.contains(want), want + " in the letters:\n" + text);
            }
        }
    }

    /** A government member with the passport the forum asks of that category; the rest of the form by its defaults. */
    private void addWithPassport(String given, String family, String nativeName, String number) {
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("registration-form")));
        browser.findElement(By.id("givenName")).sendKeys(given);
        browser.findElement(By.id("familyName")).sendKeys(family);
        browser.findElement(By.id("nativeName")).sendKeys(nativeName);
        browser.findElement(By.id("email")).sendKeys(given.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        new Select(browser.findElement(By.id("category"))).selectByVisibleText("政府");
        new Select(browser.findElement(By.id("identity-documentType"))).selectByValue("PASSPORT");
        browser.findElement(By.id("identity-number")).sendKeys(number);
        new Select(browser.findElement(By.id("identity-issuingCountry"))).selectByValue("EG");
        new Select(browser.findElement(By.id("identity-nationality"))).selectByValue("EG");
        browser.executeScript("document.getElementById('identity-expiresOn').value = arguments[0];"
                + "document.getElementById('identity-dateOfBirth').value = '1975-06-01';",
                java.time.LocalDate.now().plusYears(5).toString());
        browser.findElement(By.id("consent")).click();
        form.findElement(By.id("add-member")).click();
    }

    /** A 600×800 picture on disk, for the file input. */
    private static Path photo() throws Exception {
        BufferedImage img = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x3a6ea5));
        g.fillRect(0, 0, 600, 800);
        g.setColor(new Color(0xf1c27d));
        g.fillOval(150, 160, 300, 400);
        g.dispose();
        Path file = Files.createTempFile("member-photo", ".jpg");
        ImageIO.write(img, "jpg", file.toFile());
        file.toFile().deleteOnExit();
        return file;
    }
}
