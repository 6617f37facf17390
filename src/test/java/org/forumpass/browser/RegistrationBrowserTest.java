package org.forumpass.browser;

import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The registration form in a real browser: headless chromium, keyboard and clicks, in Chinese. */
@QuarkusTest
@Tag("browser")
class RegistrationBrowserTest {
    @TestHTTPResource("/")
    URL root;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private String forum() {
        Map<String, Object> e = event(slug());
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30);
        Map<String, Object> keynote = session("KEYNOTE", start);
        keynote.put("titleZh", "主旨演讲");
        Map<String, Object> consuls = session("CONSULS", start.plusHours(2));
        consuls.put("titleZh", "总领事专场");
        consuls.put("restrictedTo", List.of("DIPLOMATIC"));
        e.put("sessions", List.of(keynote, consuls));
        return createEvent(e);
    }

    @Test
    void aDelegateFillsTheFormInChineseAndSeesTheConfirmation() {
        String slug = forum();
        browser.get(root + "events/" + slug);
        browser.findElement(By.cssSelector("a.lang[hreflang=zh]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("register-title"), "报名参加本论坛"));

        browser.findElement(By.id("givenName")).sendKeys("Zhaoxing");
        browser.findElement(By.id("familyName")).sendKeys("Li");
        browser.findElement(By.id("nativeName")).sendKeys("李肇星");
        browser.findElement(By.id("email")).sendKeys("li-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        browser.findElement(By.id("phone")).sendKeys("+86 138 0013 8000");
        new Select(browser.findElement(By.id("country"))).selectByVisibleText("中国");
        browser.findElement(By.id("organization")).sendKeys("信息通信研究院");
        new Select(browser.findElement(By.id("category"))).selectByVisibleText("企业界");

        WebElement consuls = browser.findElement(By.cssSelector("input[name=sessions][value=CONSULS]"));
        assertFalse(consuls.isEnabled(), "a session closed to the chosen category cannot be picked");
        browser.findElement(By.cssSelector("input[name=sessions][value=KEYNOTE]")).click();
        browser.findElement(By.id("consent")).click();
        browser.findElement(By.cssSelector("#registration-form button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks")));
        assertEquals("谢谢！我们已收到您的报名。", browser.findElement(By.id("thanks")).getText());
        assertEquals("已确认", browser.findElement(By.id("status")).getText());
        assertTrue(browser.findElement(By.id("shown-native-name")).getText().contains("李肇星"));
        wait.until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("const i = document.getElementById('badge-qr'); return i.complete && i.naturalWidth > 0;"));
        assertTrue(browser.findElement(By.id("badge-code")).getText().startsWith("FP2."), "the badge code is printed");
        String link = browser.findElement(By.id("manage-link")).getAttribute("value");
        assertTrue(link.contains("/r/") && link.contains("?t="), link);
        assertFalse(browser.getCurrentUrl().contains("t="), "the token left the address bar: " + browser.getCurrentUrl());
    }

    @Test
    void aBadFormShowsEachErrorBesideItsField() {
        String slug = forum();
        browser.get(root + "events/" + slug + "?lang=zh");
        browser.findElement(By.id("givenName")).sendKeys("Wei");
        browser.findElement(By.id("familyName")).sendKeys("Zhang");
        browser.findElement(By.id("email")).sendKeys("不是邮箱");
        new Select(browser.findElement(By.id("country"))).selectByValue("CN");
        browser.findElement(By.id("organization")).sendKeys("Org");
        new Select(browser.findElement(By.id("category"))).selectByValue("ACADEMIC");
        browser.findElement(By.id("email")).submit();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        WebElement emailError = browser.findElement(By.id("email-error"));
        assertEquals("电子邮箱地址无效", emailError.getText());
        assertEquals("email-error", browser.findElement(By.id("email")).getAttribute("aria-describedby"));
        assertEquals("请勾选同意后再提交", browser.findElement(By.id("consent-error")).getText());
        assertEquals("Wei", browser.findElement(By.id("givenName")).getAttribute("value"), "what was typed is kept");
        assertEquals("email", browser.switchTo().activeElement().getAttribute("id"), "focus moves to the first bad field");
    }
}
