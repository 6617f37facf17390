package org.forumpass.browser;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.login;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The door offline, in chromium whose camera films a real badge: the page judges with the signed roster and the
 * server's rules, and each refusal is the one the server gives online for the same badge at the same door.
 */
@QuarkusTest
@Tag("browser")
class DoorOfflineBrowserTest {
    @TestHTTPResource("/")
    URL root;

    /** An event with a council that needs a seat and a VIP lounge in a zone for government delegates only. */
    private record Forum(String slug, String door, String seated, String seatedTwin, String unseated, String revoked,
                         String vipCode) {
    }

    private static Forum forum() {
        Map<String, Object> e = event(slug());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        e.put("startsAt", now.minusHours(1).toString());
        e.put("endsAt", now.plusDays(1).toString());
        Map<String, Object> council = session("COUNCIL", now.minusMinutes(30));
        council.put("capacity", null);
        council.put("requiresRegistration", true);
        council.put("title", "Ministerial council");
        e.put("sessions", List.of(council));
        String slug = createEvent(e);
        Map<String, Object> zone = new LinkedHashMap<>();
        zone.put("code", "VIPL");
        zone.put("name", Map.of("en", "VIP lounge", "zh", "贵宾室"));
        zone.put("color", "#D4A017");
        zone.put("categories", List.of("GOVERNMENT"));
        zone.put("from", null);
        zone.put("to", null);
        asOrganizer().body(List.of(zone)).put("/api/v1/events/" + slug + "/zones").then().log().ifValidationFails().statusCode(200);
        Map<String, Object> lounge = session("LOUNGE", now.minusMinutes(30));
        lounge.put("capacity", null);
        lounge.put("zone", "VIPL");
        asOrganizer().body(lounge).post("/api/v1/events/" + slug + "/sessions").then().statusCode(201);

        Map<String, Object> s = delegate(email(), "COUNCIL");
        s.put("givenName", "Lin");
        s.put("familyName", "Wei");
        s.put("nativeName", "林伟");
        String seated = code(register(slug, s));
        String twin = code(register(slug, delegate(email(), "COUNCIL")));
        String unseated = code(register(slug, delegate(email())));
        Map<String, Object> gone = register(slug, delegate(email(), "COUNCIL"));
        String revoked = code(gone);
        asOrganizer().post("/api/v1/registrations/" + gone.get("id") + "/badge/reissue").then().statusCode(200);
        Map<String, Object> minister = delegate(email(), "COUNCIL");
        minister.put("category", "GOVERNMENT");
        minister.put("givenName", "Amina");
        minister.put("familyName", "Haddad");
        minister.put("nativeName", "أمينة حداد");
        Map<String, Object> m = register(slug, minister);
        asOrganizer().body(Map.of("vip", true, "rank", 1, "note", "Escort to front row, seat A3"))
                .put("/api/v1/registrations/" + m.get("id") + "/protocol").then().statusCode(200);
        String door = "gate-" + unique();
        asOrganizer().body(Map.of("username", door, "password", "door-password-9", "role", "door"))
                .post("/api/v1/staff").then().statusCode(201);
        return new Forum(slug, door, seated, twin, unseated, revoked, code(m));
    }

    private static String code(Map<String, Object> r) {
        return given().auth().oauth2((String) r.get("manageToken")).get("/api/v1/registrations/" + r.get("id"))
                .then().statusCode(200).extract().path("badge.code");
    }

    /** What the server answers online for this badge at this door, from a device of its own. */
    private static String online(Forum f, String code, String session, String doorToken) {
        Map<String, Object> scan = new HashMap<>();
        scan.put("code", code);
        scan.put("session", session);
        scan.put("deviceId", "online-reference");
        scan.put("nonce", UUID.randomUUID().toString());
        return given().auth().oauth2(doorToken).contentType("application/json").body(scan)
                .post("/api/v1/events/" + f.slug() + "/scans").then().statusCode(200).extract().path("result");
    }

    /** The door page signed in at {@code session} with the roster loaded, filming {@code code}. */
    private ChromeDriver openDoor(Forum f, String session, String code) throws Exception {
        Path camera = FakeCamera.video(code);
        ChromeDriver browser = Browser.start("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + camera);
        WebDriverWait wait = wait(browser);
        browser.get(root + "door?lang=en");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(f.door());
        browser.findElement(By.id("password")).sendKeys("door-password-9");
        browser.findElement(By.id("signin-button")).click();
        wait.until(d -> new Select(d.findElement(By.id("event"))).getOptions().stream()
                .anyMatch(o -> f.slug().equals(o.getAttribute("value"))));
        new Select(browser.findElement(By.id("event"))).selectByValue(f.slug());
        wait.until(d -> new Select(d.findElement(By.id("session"))).getOptions().size() == 3);
        new Select(browser.findElement(By.id("session"))).selectByValue(session);
        wait.until(d -> "ready".equals(d.findElement(By.id("roster")).getAttribute("data-state")));
        assertEquals("5", browser.findElement(By.id("roster")).getAttribute("data-count"), "every current badge");
        return browser;
    }

    private static WebDriverWait wait(ChromeDriver browser) {
        WebDriverWait w = new WebDriverWait(browser, Duration.ofSeconds(20));
        w.ignoring(StaleElementReferenceException.class);
        return w;
    }

    private static void network(ChromeDriver browser, boolean offline) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private record Verdict(String result, String className, String name, String nativeName, String meta,
                           boolean offlineShown, boolean vipShown, String vipNote, boolean photoShown) {
    }

    @SuppressWarnings("unchecked")
    private static Verdict verdict(ChromeDriver browser) {
        wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
        Map<String, Object> v = (Map<String, Object>) browser.executeScript("var $ = function (id) { return document.getElementById(id); };"
                + " return {result: $('verdict').getAttribute('data-result'), className: $('verdict').className,"
                + " name: $('verdict-name').textContent, nativeName: $('verdict-native').textContent,"
                + " meta: $('verdict-meta').textContent, offlineShown: !$('verdict-offline').hidden,"
                + " vipShown: !$('verdict-vip').hidden, vipNote: $('verdict-vip-note').textContent,"
                + " photoShown: !$('verdict-photo').hidden};");
        return new Verdict((String) v.get("result"), (String) v.get("className"), (String) v.get("name"),
                (String) v.get("nativeName"), (String) v.get("meta"), Boolean.TRUE.equals(v.get("offlineShown")),
                Boolean.TRUE.equals(v.get("vipShown")), (String) v.get("vipNote"), Boolean.TRUE.equals(v.get("photoShown")));
    }

    /** The camera's button, pressed under the verdict (which covers the page while it shows). */
    private static void stopCamera(ChromeDriver browser) {
        browser.executeScript("document.getElementById('camera').click();");
    }

    private static void closeVerdict(ChromeDriver browser) {
        browser.executeScript("if (!document.getElementById('verdict').hidden) { document.getElementById('verdict-close').click(); }");
        wait(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("verdict")));
    }

    /** Offline, the camera reads {@code code} at {@code session}: the verdict, which must be marked offline. */
    private Verdict offlineVerdict(Forum f, String session, String code) throws Exception {
        ChromeDriver browser = openDoor(f, session, code);
        try {
            network(browser, true);
            browser.findElement(By.id("camera")).click();
            Verdict v = verdict(browser);
            assertTrue(v.offlineShown(), "the verdict says it was decided offline");
            assertTrue(v.className().contains("offline"), v.className());
            return v;
        } finally {
            browser.quit();
        }
    }

    @Test
    void offlineTheDoorRefusesARevokedBadgeAnotherSessionsBadgeAndAWrongZoneBadgeAsTheServerDoes() throws Exception {
        Forum f = forum();
        String token = login(f.door(), "door-password-9");
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"revoked", f.revoked(), "COUNCIL", "REVOKED"});
        cases.add(new String[] {"not registered for the council", f.unseated(), "COUNCIL", "NOT_REGISTERED_FOR_SESSION"});
        cases.add(new String[] {"an industry delegate at the government lounge", f.seated(), "LOUNGE", "ZONE_NOT_ALLOWED"});
        for (String[] c : cases) {
            String online = online(f, c[1], c[2], token);
            assertEquals(c[3], online, c[0] + ": online");
            Verdict v = offlineVerdict(f, c[2], c[1]);
            assertEquals(online, v.result(), c[0] + ": offline as online");
            assertTrue(v.className().contains("bad"), c[0] + ": " + v.className());
            if (!"REVOKED".equals(c[3])) {
                assertFalse(v.name().isBlank(), c[0] + ": the roster names the delegate offline");
            }
        }
    }

    @Test
    void offlineARepeatIsRefusedAsOnlineAndTheVerdictShowsNameCategoryAndProtocol() throws Exception {
        Forum f = forum();
        String token = login(f.door(), "door-password-9");
        assertEquals("ACCEPTED", online(f, f.seatedTwin(), "COUNCIL", token));
        assertEquals("ALREADY_CHECKED_IN", online(f, f.seatedTwin(), "COUNCIL", token), "online, a repeat");

        ChromeDriver browser = openDoor(f, "COUNCIL", f.seated());
        try {
            network(browser, true);
            browser.findElement(By.id("camera")).click();
            Verdict first = verdict(browser);
            assertEquals("ACCEPTED", first.result());
            assertTrue(first.offlineShown());
            assertEquals("Lin Wei", first.name());
            assertEquals("林伟", first.nativeName());
            assertTrue(first.meta().contains("Industry"), first.meta());
            String ms = browser.findElement(By.id("verdict")).getAttribute("data-ms");
            assertTrue(Double.parseDouble(ms) >= 0, "the page records the time from the code to the verdict: " + ms);
            closeVerdict(browser);
            Verdict repeat = verdict(browser); // the camera still films the badge: it reads it again after 5 s
            assertEquals("ALREADY_CHECKED_IN", repeat.result(), "offline, a repeat, as online");
            assertTrue(repeat.className().contains("warn"), repeat.className());
            stopCamera(browser);
            closeVerdict(browser);

            browser.findElement(By.id("typed")).sendKeys(f.vipCode() + "\n");
            Verdict vip = verdict(browser);
            assertEquals("ACCEPTED", vip.result());
            assertTrue(vip.vipShown(), "a VIP is shown as such offline");
            assertEquals("Escort to front row, seat A3", vip.vipNote());
            assertEquals("أمينة حداد", vip.nativeName());
        } finally {
            browser.quit();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTamperedRosterIsRefusedVisiblyAndSigningOutLeavesNothingReadable() throws Exception {
        Forum f = forum();
        ChromeDriver browser = openDoor(f, "COUNCIL", f.seated());
        try {
            // the roster as the server sent it, with one category changed: the page must not take it
            Map<String, Object> outcome = (Map<String, Object>) browser.executeAsyncScript(
                    "var done = arguments[arguments.length - 1]; var slug = arguments[0];"
                            + "fetch('/api/v1/events/' + slug + '/door-roster', {headers: {Authorization: 'Bearer '"
                            + " + localStorage.getItem('fp_door_token')}}).then(function (r) {"
                            + "  var sig = r.headers.get('Roster-Signature');"
                            + "  return r.text().then(function (t) {"
                            + "    var bad = new TextEncoder().encode(t.replace('\"INDUSTRY\"', '\"DIPLOMAT\"'));"
                            + "    return FpRoster.ingest(slug, bad.buffer, sig).then(function (tampered) {"
                            + "      return {tampered: tampered, changed: t.indexOf('\"INDUSTRY\"') >= 0};"
                            + "    });"
                            + "  });"
                            + "}).then(done, function (e) { done({error: String(e)}); });", f.slug());
            assertEquals(Boolean.TRUE, outcome.get("changed"), String.valueOf(outcome));
            assertEquals(Boolean.FALSE, outcome.get("tampered"), "a tampered roster is refused");
            wait(browser).until(d -> "ready-refused".equals(d.findElement(By.id("roster")).getAttribute("data-state")));
            String shown = browser.findElement(By.id("roster")).getText();
            assertTrue(shown.contains("refused"), shown);
            assertTrue(browser.findElement(By.id("roster")).isDisplayed());

            // the roster held before still decides, and still says the delegate is an industry delegate
            network(browser, true);
            browser.findElement(By.id("typed")).sendKeys(f.seated() + "\n");
            Verdict v = verdict(browser);
            assertEquals("ACCEPTED", v.result());
            assertTrue(v.meta().contains("Industry"), v.meta());
            closeVerdict(browser);
            network(browser, false);
            wait(browser).until(d -> "0".equals(d.findElement(By.id("queue")).getAttribute("data-count")));

            // the stored copy is sealed: nothing in IndexedDB reads as a name
            Boolean plain = (Boolean) browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "var open = indexedDB.open('forumpass-roster'); open.onsuccess = function () {"
                    + " var all = open.result.transaction('data').objectStore('data').getAll();"
                    + " all.onsuccess = function () { var text = all.result.map(function (r) {"
                    + "   return new TextDecoder().decode(r.data); }).join(' ');"
                    + "   open.result.close(); done(text.indexOf('Lin') >= 0 || text.indexOf('INDUSTRY') >= 0); }; };");
            assertEquals(Boolean.FALSE, plain, "the stored roster is encrypted");

            browser.findElement(By.id("signout")).click();
            wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            List<Object> dbs = (List<Object>) browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "setTimeout(function () { indexedDB.databases().then(function (l) {"
                    + " done(l.map(function (d) { return d.name; })); }); }, 300);");
            assertFalse(dbs.contains("forumpass-roster"), "signing out deletes the roster: " + dbs);
            Long keys = (Long) browser.executeScript("return Object.keys(localStorage).filter(function (k) {"
                    + " return k.indexOf('fp_keys_') === 0 || k.indexOf('fp_seen_') === 0 || k === 'fp_door_token'; }).length;");
            assertEquals(0L, keys);
        } finally {
            browser.quit();
        }
    }

    @Test
    void afterReconnectTheScansTheServerJudgesOtherwiseAppearAsConflicts() throws Exception {
        Forum f = forum();
        String token = login(f.door(), "door-password-9");
        ChromeDriver browser = openDoor(f, "COUNCIL", f.seated());
        try {
            network(browser, true);
            browser.findElement(By.id("camera")).click();
            assertEquals("ACCEPTED", verdict(browser).result(), "offline, the door lets the delegate in");
            stopCamera(browser);
            closeVerdict(browser);
            // meanwhile, online, another door of the council already let the same delegate in
            assertEquals("ACCEPTED", online(f, f.seated(), "COUNCIL", token));

            network(browser, false);
            wait(browser).until(d -> "0".equals(d.findElement(By.id("queue")).getAttribute("data-count")));
            wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("conflicts")));
            String listed = browser.findElement(By.id("conflict-list")).getText();
            assertTrue(listed.contains("Lin Wei") && listed.contains("Already checked in"), listed);

            given().auth().oauth2(org.forumpass.Fixtures.organizerToken()).get("/api/v1/events/" + f.slug() + "/scans/conflicts")
                    .then().statusCode(200)
                    .body("items[0].offline.result", org.hamcrest.Matchers.is("ACCEPTED"))
                    .body("items[0].server.result", org.hamcrest.Matchers.is("ALREADY_CHECKED_IN"))
                    .body("items[0].delegate.givenName", org.hamcrest.Matchers.is("Lin"));
        } finally {
            browser.quit();
        }
    }
}
