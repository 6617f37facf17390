package org.forumpass.browser;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.ADMIN_PASSWORD;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.login;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.unique;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14 end to end, in Chromium: a delegate registers in 中文 with the event's own field, a photo from the (fake)
 * camera and a passport; the organizer accepts the photo in the console with the keyboard; the badge PDF carries the
 * photo; the door's verdict shows it.
 */
@QuarkusTest
@Tag("browser")
class AccreditationBrowserTest {
    @TestHTTPResource("/")
    URL root;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.start("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + FakeCamera.video("FACE"), "--window-size=1280,1000");
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class); // the manage page reloads itself after an upload
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private static String accreditedEvent() {
        Map<String, Object> e = event(slug());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        e.put("startsAt", now.minusHours(1).toString());
        e.put("endsAt", now.plusDays(2).toString());
        e.put("photoRequiredFor", List.of("INDUSTRY"));
        e.put("identityRequiredFor", List.of("INDUSTRY"));
        e.put("approvalRequiredFor", List.of("GOVERNMENT"));
        Map<String, Object> plenary = session("PLENARY", now.minusMinutes(30));
        plenary.put("capacity", null);
        e.put("sessions", List.of(plenary));
        String slug = createEvent(e);
        asOrganizer().body(Map.of("fields", List.of(Map.of("key", "diet", "type", "CHOICE", "required", true,
                        "label", Map.of("en", "Dietary needs", "zh", "饮食需求"),
                        "options", List.of(Map.of("value", "none", "label", Map.of("en", "None", "zh", "无")),
                                Map.of("value", "halal", "label", Map.of("en", "Halal", "zh", "清真")))))))
                .put("/api/v1/events/" + slug + "/form").then().statusCode(200);
        return slug;
    }

    private void setDate(String id, String value) {
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    @Test
    void registeredInChineseWithPhotoAndPassportAcceptedInTheConsoleAndSeenAtTheDoor() throws Exception {
        String slug = accreditedEvent();
        String passport = "E" + (10000000 + (int) (Math.random() * 89999999));

        // 1. the delegate registers on the page in 中文, with a photo from the camera
        browser.get(root + "events/" + slug + "?lang=zh");
        browser.findElement(By.id("givenName")).sendKeys("Mei");
        browser.findElement(By.id("familyName")).sendKeys("Wang");
        browser.findElement(By.id("nativeName")).sendKeys("王梅");
        browser.findElement(By.id("email")).sendKeys("wang-" + unique() + "@example.org");
        new Select(browser.findElement(By.id("country"))).selectByValue("CN");
        browser.findElement(By.id("organization")).sendKeys("中国信息通信研究院");
        new Select(browser.findElement(By.id("category"))).selectByValue("INDUSTRY");
        new Select(browser.findElement(By.id("answer-diet"))).selectByVisibleText("清真");
        new Select(browser.findElement(By.id("identity-documentType"))).selectByValue("PASSPORT");
        browser.findElement(By.id("identity-number")).sendKeys(passport);
        new Select(browser.findElement(By.id("identity-issuingCountry"))).selectByValue("CN");
        new Select(browser.findElement(By.id("identity-nationality"))).selectByValue("CN");
        setDate("identity-expiresOn", OffsetDateTime.now().plusYears(5).toLocalDate().toString());
        setDate("identity-dateOfBirth", "1980-05-04");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("photo-camera"))).click();
        wait.until(b -> ((Number) browser.executeScript("return document.getElementById('photo-video').videoWidth")).intValue() > 0);
        browser.findElement(By.id("photo-capture")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("photo-upload"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("photo-message"), "照片已准备好"));
        browser.findElement(By.id("consent")).click();
        browser.findElement(By.cssSelector("#registration-form button[type=submit]")).click();

        // 2. the manage page sends the photo taken while registering; it waits for review
        wait.until(ExpectedConditions.attributeToBe(By.id("photo-status"), "data-status", "PENDING_REVIEW"));
        assertEquals("等待主办方审核", browser.findElement(By.id("photo-status")).getText());
        String id = browser.getCurrentUrl().replaceAll(".*/r/([^?/]+).*", "$1");
        asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200)
                .body("status", is("PENDING")).body("badge", nullValue())
                .body("answers.diet", is("halal"))
                .body("identity.documentType", is("PASSPORT"))
                .body("identity.number", is(passport.substring(0, 3) + "*".repeat(passport.length() - 4) + passport.charAt(passport.length() - 1)))
                .body("photo.status", is("PENDING_REVIEW"));
        asOrganizer().get("/api/v1/registrations/" + id + "/badge.pdf").then().statusCode(409).body("code", is("badge.photo_missing"));

        // 3. the organizer accepts it in the console: Photos tab, the first photo has focus, A accepts
        browser.get(root + "admin?lang=zh");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.id("signin-button")).click();
        wait.until(d -> new Select(d.findElement(By.id("event"))).getOptions().stream().anyMatch(o -> slug.equals(o.getAttribute("value"))));
        new Select(browser.findElement(By.id("event"))).selectByValue(slug);
        browser.findElement(By.cssSelector("[data-tab=photos]")).click();
        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".photo-card[data-id='" + id + "']")));
        wait.until(b -> (Boolean) browser.executeScript(
                "var i = arguments[0].querySelector('img'); return i.complete && i.naturalWidth > 0;", card));
        assertTrue(card.getText().contains("中国信息通信研究院") && card.getText().contains("王梅"), card.getText());
        assertEquals(card, browser.switchTo().activeElement(), "the first photo waiting has the keyboard's focus");
        card.sendKeys("a");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("photo-status"), "已通过"));
        assertTrue(browser.findElements(By.cssSelector(".photo-card[data-id='" + id + "']")).isEmpty(), "the accepted photo leaves the queue");
        String code = asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200)
                .body("status", is("CONFIRMED")).body("photo.status", is("ACCEPTED")).extract().path("badge.code");

        // 4. the badge PDF prints the photo
        byte[] pdf = asOrganizer().get("/api/v1/registrations/" + id + "/badge.pdf").then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int images = 0;
            for (COSName name : doc.getPage(0).getResources().getXObjectNames()) {
                if (doc.getPage(0).getResources().getXObject(name) instanceof PDImageXObject) {
                    images++;
                }
            }
            assertEquals(1, images, "the photo is on the badge");
        }

        // 5. the door's verdict shows the photo beside the name
        String door = "gate-" + unique();
        asOrganizer().body(Map.of("username", door, "password", "door-password-9", "role", "door")).post("/api/v1/staff")
                .then().statusCode(201);
        browser.executeScript("sessionStorage.clear();");
        browser.get(root + "door?lang=zh");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(door);
        browser.findElement(By.id("password")).sendKeys("door-password-9");
        browser.findElement(By.id("signin-button")).click();
        wait.until(d -> new Select(d.findElement(By.id("event"))).getOptions().stream().anyMatch(o -> slug.equals(o.getAttribute("value"))));
        new Select(browser.findElement(By.id("event"))).selectByValue(slug);
        wait.until(d -> new Select(d.findElement(By.id("session"))).getOptions().size() == 2);
        new Select(browser.findElement(By.id("session"))).selectByValue("PLENARY");
        WebElement typed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("typed")));
        typed.sendKeys(code + Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
        wait.until(b -> (Boolean) browser.executeScript("var i = document.getElementById('verdict-photo');"
                + " return !i.hidden && i.complete && i.naturalWidth === 96 && i.naturalHeight === 128;"));
        assertEquals("ACCEPTED", browser.executeScript("return document.getElementById('verdict').getAttribute('data-result')"));
        given().auth().oauth2(login(door, "door-password-9")).get("/api/v1/registrations/" + id + "/identity").then()
                .statusCode(403);
    }
}
