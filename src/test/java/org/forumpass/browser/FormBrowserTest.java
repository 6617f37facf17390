package org.forumpass.browser;

import static org.forumpass.Fixtures.ADMIN_PASSWORD;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.forumpass.form.FormApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** issue 14, item 1: the event's own fields in a real browser, on the registration page and in the console's editor. */
@QuarkusTest
@Tag("browser")
class FormBrowserTest {
    @TestHTTPResource("/")
    URL root;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void aDelegateRegistersInChineseWithTheEventsOwnFields() {
        String slug = FormApiTest.eventWithForm(FormApiTest.everyType());
        browser.get(root + "events/" + slug + "?lang=zh");
        browser.findElement(By.id("givenName")).sendKeys("Zhaoxing");
        browser.findElement(By.id("familyName")).sendKeys("Li");
        browser.findElement(By.id("email")).sendKeys("li-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        new Select(browser.findElement(By.id("country"))).selectByValue("CN");
        browser.findElement(By.id("organization")).sendKeys("信息通信研究院");
        new Select(browser.findElement(By.id("category"))).selectByValue("INDUSTRY");
        browser.findElement(By.id("consent")).click();
        // the required choice left empty first: the server's message appears beside it
        browser.findElement(By.cssSelector("#registration-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("answer-diet-error")));
        assertEquals("请填写“饮食需求”", browser.findElement(By.id("answer-diet-error")).getText());

        new Select(browser.findElement(By.id("answer-diet"))).selectByVisibleText("素食");
        browser.findElement(By.cssSelector("input[name='answers.topics'][value=ai]")).click();
        browser.findElement(By.id("answer-visa")).click();
        browser.findElement(By.id("answer-bio")).sendKeys("网络工程师");
        if (!browser.findElement(By.id("consent")).isSelected()) {
            browser.findElement(By.id("consent")).click();
        }
        browser.findElement(By.cssSelector("#registration-form button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks")));
        String details = browser.findElement(By.id("details-title")).findElement(By.xpath("..")).getText();
        assertTrue(details.contains("饮食需求") && details.contains("素食"), details);
        assertTrue(details.contains("人工智能"), details);
        String id = browser.getCurrentUrl().replaceAll(".*/r/([^?]+).*", "$1");
        asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200)
                .body("answers.diet", is("vegetarian")).body("answers.topics", contains("ai"))
                .body("answers.visa", is(true)).body("answers.bio", is("网络工程师"));
    }

    @Test
    void anOrganizerAddsAFieldWithTheEditorAndSeesItInThePreview() {
        String slug = createEvent(event(slug()));
        browser.get(root + "admin?lang=en");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.id("signin-button")).click();
        wait.until(d -> new Select(d.findElement(By.id("event"))).getOptions().stream()
                .anyMatch(o -> slug.equals(o.getAttribute("value"))));
        new Select(browser.findElement(By.id("event"))).selectByValue(slug);
        browser.findElement(By.cssSelector("[data-tab=form]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("form-add"))).click();

        // saved without a label: the server's violation shows beside the field
        browser.findElement(By.id("form-save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ff-0-label-en-error")));
        assertEquals("ff-0-label-en-error", browser.findElement(By.id("ff-0-label-en")).getAttribute("aria-describedby"));

        browser.findElement(By.id("ff-0-key")).clear();
        browser.findElement(By.id("ff-0-key")).sendKeys("interpretation");
        new Select(browser.findElement(By.id("ff-0-type"))).selectByValue("CHOICE");
        browser.findElement(By.id("ff-0-label-en")).sendKeys("Interpretation");
        browser.findElement(By.id("ff-0-label-zh")).sendKeys("同传语言");
        browser.findElement(By.id("ff-0-opt0-value")).clear();
        browser.findElement(By.id("ff-0-opt0-value")).sendKeys("ru");
        browser.findElement(By.id("ff-0-opt0-en")).sendKeys("Russian");
        browser.findElement(By.id("ff-0-for-DIPLOMATIC")).click();
        String preview = browser.findElement(By.id("form-preview-body")).getText();
        assertTrue(preview.contains("Interpretation") && preview.contains("Russian") && preview.contains("Required for: Diplomatic"),
                preview);
        browser.findElement(By.id("form-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-editor-errors"), "Form saved."));

        asOrganizer().get("/api/v1/events/" + slug + "/form").then().statusCode(200)
                .body("fields.key", contains("interpretation"))
                .body("fields[0].label.zh", is("同传语言"))
                .body("fields[0].options[0].value", is("ru"))
                .body("fields[0].requiredFor", contains("DIPLOMATIC"));
    }
}
