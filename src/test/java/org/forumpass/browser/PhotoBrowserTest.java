package org.forumpass.browser;

import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.register;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.forumpass.photo.PhotoTestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Issue 14: a delegate takes a photo with the (fake) camera on the manage page and sees it waiting for review, in 中文. */
@QuarkusTest
@Tag("browser")
class PhotoBrowserTest {
    @TestHTTPResource("/")
    URL root;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() throws Exception {
        Path camera = FakeCamera.video("FACE");
        browser = Browser.start("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + camera);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class); // the manage page reloads itself after an upload
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void aDelegateTakesAPhotoWithTheCameraAndSeesItPending() {
        String slug = PhotoTestEvents.photoEvent();
        Map<String, Object> d = register(slug, delegate(email()));
        String id = (String) d.get("id");
        browser.get(root + "r/" + id + "?t=" + d.get("manageToken")); // the token moves into a cookie
        browser.get(root + "r/" + id + "?lang=zh");
        wait.until(ExpectedConditions.textToBe(By.id("photo-title"), "照片"));
        assertEquals("NONE", browser.findElement(By.id("photo-status")).getAttribute("data-status"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("photo-camera"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("photo-capture")));
        wait.until(b -> ((Number) browser.executeScript("return document.getElementById('photo-video').videoWidth")).intValue() > 0);
        browser.findElement(By.id("photo-capture")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("photo-upload"))).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("photo-status"), "data-status", "PENDING_REVIEW"));
        assertEquals("等待主办方审核", browser.findElement(By.id("photo-status")).getText());
        asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200)
                .body("photo.status", is("PENDING_REVIEW")).body("photo.width", is(360)).body("photo.height", is(480));

        asOrganizer().body(Map.of("reason", "请使用纯色背景")).post("/api/v1/registrations/" + id + "/photo/reject").then().statusCode(200);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.attributeToBe(By.id("photo-status"), "data-status", "REJECTED"));
        assertTrue(browser.findElement(By.id("photo-reason")).getText().contains("请使用纯色背景"));
        assertTrue(browser.findElement(By.id("photo-camera")).isDisplayed(), "a new upload answers the rejection");
    }
}
