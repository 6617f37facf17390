package org.forumpass.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.forumpass.Fixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's chromium, headless, through Debian's chromedriver (no driver download). */
public final class Browser {
    private Browser() {
    }

    public static ChromeDriver start(String... extraFlags) throws Exception {
        Path profile = Files.createTempDirectory("fp-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        List<String> flags = new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=412,915", "--user-data-dir=" + profile));
        flags.addAll(List.of(extraFlags));
        options.addArguments(flags);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(0));
        return driver;
    }

    /** The organizer console at {@code url}, signed in as the first organizer with {@code slug} chosen and its live view shown. */
    public static WebDriverWait console(ChromeDriver browser, String url, String slug) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(url);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(Fixtures.ADMIN_PASSWORD);
        browser.findElement(By.id("signin-button")).click();
        wait.until(driver -> new Select(driver.findElement(By.id("event"))).getOptions().stream()
                .anyMatch(o -> slug.equals(o.getAttribute("value"))));
        new Select(browser.findElement(By.id("event"))).selectByValue(slug);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kpis")));
        return wait;
    }
}
