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
