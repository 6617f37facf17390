package org.forumpass.browser;

import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
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

    @Inject
    MockMailbox mailbox;

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
        assertEquals("请按 name@example.org 的格式填写电子邮箱地址", emailError.getText());
        assertEquals("email-error", browser.findElement(By.id("email")).getAttribute("aria-describedby"));
        assertEquals("请勾选同意隐私声明，否则无法为您报名", browser.findElement(By.id("consent-error")).getText());
        assertEquals("Wei", browser.findElement(By.id("givenName")).getAttribute("value"), "what was typed is kept");
        assertEquals("email", browser.switchTo().activeElement().getAttribute("id"), "focus moves to the first bad field");
    }

    // ---- issue 17: the registration form ----------------------------------------------------------

    /** The error summary's lines as the delegate reads them, top to bottom. */
    private List<String> summaryLines() {
        return browser.findElements(By.cssSelector("#form-errors li a")).stream().map(WebElement::getText).toList();
    }

    @Test
    void aBadSubmitSaysWhatToDoInTheFormsOrderAndEachLineLeadsToItsField() {
        String slug = forum();
        browser.get(root + "events/" + slug + "?lang=en");
        browser.findElement(By.id("email")).sendKeys("not an address");
        browser.findElement(By.id("organization")).sendKeys("Ministry of Industry");
        browser.findElement(By.cssSelector("#registration-form button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertEquals(List.of(
                "Enter your given name in Latin letters, as in your passport",
                "Enter your family name in Latin letters, as in your passport",
                "Enter an e-mail address like name@example.org",
                "Choose your country or region",
                "Choose your delegate category",
                "Tick the box to agree to the privacy notice: we cannot register you without it"), summaryLines());
        assertEquals("Enter your family name in Latin letters, as in your passport",
                browser.findElement(By.id("familyName-error")).getText());
        browser.findElement(By.linkText("Choose your country or region")).click();
        assertEquals("country", browser.switchTo().activeElement().getAttribute("id"), "the summary's line leads to its field");

        browser.get(root + "events/" + slug + "?lang=zh"); // the same refusal read in Chinese
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("register-title"), "报名参加本论坛"));
        browser.findElement(By.id("email")).sendKeys("不是邮箱");
        browser.findElement(By.cssSelector("#registration-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertEquals(List.of("请按护照用拉丁字母填写名", "请按护照用拉丁字母填写姓", "请按 name@example.org 的格式填写电子邮箱地址",
                "请选择国家或地区", "请填写您所代表的单位名称", "请选择代表类别", "请勾选同意隐私声明，否则无法为您报名"), summaryLines());
        assertFalse(browser.getPageSource().contains("must not be"), "no validator jargon");
    }

    private void fillTheRest(String email) {
        browser.findElement(By.id("email")).sendKeys(email);
        new Select(browser.findElement(By.id("country"))).selectByValue("CN");
        browser.findElement(By.id("organization")).sendKeys("China Academy of ICT");
        new Select(browser.findElement(By.id("category"))).selectByValue("INDUSTRY");
        browser.findElement(By.id("consent")).click();
    }

    @Test
    void aNameInChineseCharactersIsRefusedAndItsPinyinTakenWithAClick() {
        String slug = forum();
        browser.get(root + "events/" + slug + "?lang=en");
        browser.findElement(By.id("givenName")).sendKeys("伟");
        browser.findElement(By.id("familyName")).sendKeys("王伟");
        fillTheRest("wang-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        browser.findElement(By.cssSelector("#registration-form button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("familyName-error")));
        assertEquals("Write your family name in Latin letters, as in your passport, e.g. Wang. Put “王伟” in “Name in your own script”.",
                browser.findElement(By.id("familyName-error")).getText());
        assertEquals("王伟", browser.findElement(By.id("familyName")).getAttribute("value"), "nothing is replaced on its own");
        WebElement use = browser.findElement(By.cssSelector("button[data-suggest-for=familyName]"));
        assertEquals("Use “Wang”", use.getText());
        use.click();
        assertEquals("Wang", browser.findElement(By.id("familyName")).getAttribute("value"));
        browser.findElement(By.cssSelector("button[data-suggest-for=givenName]")).click();
        assertEquals("Wei", browser.findElement(By.id("givenName")).getAttribute("value"));
        assertTrue(browser.findElement(By.id("consent")).isSelected(), "a refused form comes back as it was sent");
        browser.findElement(By.cssSelector("#registration-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks")));
        assertEquals("Wei Wang", browser.findElement(By.id("shown-name")).getText());
    }

    @Test
    void theNativeNameOffersItsLatinFormForTheDelegateToConfirm() {
        String slug = forum();
        browser.get(root + "events/" + slug + "?lang=zh");
        browser.findElement(By.id("nativeName")).sendKeys("王伟");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("native-offer-use")));
        assertEquals("姓：Wang · 名：Wei", browser.findElement(By.id("native-offer-names")).getText());
        assertEquals("", browser.findElement(By.id("familyName")).getAttribute("value"), "offered, not filled in");
        browser.findElement(By.id("native-offer-use")).click();
        assertEquals("Wang", browser.findElement(By.id("familyName")).getAttribute("value"));
        assertEquals("Wei", browser.findElement(By.id("givenName")).getAttribute("value"));
        fillTheRest("wei-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        browser.findElement(By.cssSelector("#registration-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks")));
        assertEquals("Wei Wang", browser.findElement(By.id("shown-name")).getText());
        assertEquals("王伟", browser.findElement(By.id("shown-native-name")).getText());
    }

    @Test
    void theConsentsPrivacyLinkOpensTheNotice() {
        String slug = forum();
        browser.get(root + "events/" + slug + "?lang=zh");
        String form = browser.getWindowHandle();
        browser.findElement(By.id("privacy-link")).click();
        wait.until(d -> d.getWindowHandles().size() == 2);
        browser.switchTo().window(browser.getWindowHandles().stream().filter(h -> !h.equals(form)).findFirst().orElseThrow());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "隐私声明"));
        assertTrue(browser.findElement(By.id("privacy-kept")).getText().contains("主办方"), "how long the data is kept");
        assertTrue(browser.getCurrentUrl().endsWith("/events/" + slug + "/privacy?lang=zh"), browser.getCurrentUrl());
        browser.close();
        browser.switchTo().window(form);
        assertTrue(browser.findElement(By.id("registration-form")).isDisplayed(), "the form is still there");
    }

    @Test
    void aDelegateWhoLostTheEmailGetsTheLinkAgain() {
        String slug = forum();
        String known = "lost-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Map<String, Object> body = org.forumpass.Fixtures.delegate(known);
        org.forumpass.Fixtures.register(slug, body);
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        List<String> answers = new java.util.ArrayList<>();
        for (String address : List.of(known, unknown)) {
            browser.get(root + "events/" + slug + "?lang=en");
            browser.findElement(By.id("resend-link")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Send me my link again"));
            browser.findElement(By.id("email")).sendKeys(address);
            browser.findElement(By.id("resend-submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your e-mail"));
            answers.add(browser.findElement(By.id("message-text")).getText().replace(address, "ADDRESS"));
        }
        assertEquals(answers.get(0), answers.get(1), "the same answer, registered or not");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> mailbox.getMailsSentTo(known).stream().anyMatch(m -> m.getSubject().startsWith("Your registration link")));
        String text = mailbox.getMailsSentTo(known).stream().filter(m -> m.getSubject().startsWith("Your registration link"))
                .findFirst().orElseThrow().getText();
        String link = text.replaceAll("(?s).*(http\\S+/r/\\S+).*", "$1");
        browser.get(root + link.substring(link.indexOf("r/")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
        assertEquals("Anna Novák", browser.findElement(By.id("shown-name")).getText());
        assertTrue(mailbox.getMailsSentTo(unknown).isEmpty());
    }
}
