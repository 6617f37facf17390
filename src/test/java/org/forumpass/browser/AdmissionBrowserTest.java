package org.forumpass.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The shared table of admission cases, run in chromium against the rules the door page decides with offline
 * ({@code door/admission.js}, loaded by {@code /door}); {@code AdmissionTest} runs the same table on the server.
 */
@QuarkusTest
@Tag("browser")
class AdmissionBrowserTest {
    @TestHTTPResource("/door")
    URL door;

    @Test
    void theDoorPageDecidesEveryCaseAsTheServerDoes() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/admission-cases.json")) {
            doc = new ObjectMapper().readTree(in);
        }
        ChromeDriver driver = Browser.start();
        try {
            driver.get(door.toString());
            Object raw = driver.executeScript("var doc = JSON.parse(arguments[0]);"
                    + "return JSON.stringify(doc.cases.map(function (c) {"
                    + "  var f = Object.assign({}, doc.defaults, c.facts);"
                    + "  return window.ForumPassAdmission.decide(f);"
                    + "}));", doc.toString());
            JsonNode got = new ObjectMapper().readTree((String) raw);
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < doc.get("cases").size(); i++) {
                JsonNode c = doc.get("cases").get(i);
                ObjectNode expect = (ObjectNode) c.get("expect");
                JsonNode g = got.get(i);
                for (String field : List.of("result", "write", "roomPlaces", "firstScannedAt", "firstDeviceId")) {
                    if (!same(expect.get(field), g.get(field))) {
                        failures.add(c.get("name").asText() + ": " + field + " expected " + expect.get(field) + ", page said " + g.get(field));
                    }
                }
            }
            assertEquals(doc.get("cases").size(), got.size(), "one verdict per case");
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        } finally {
            driver.quit();
        }
    }

    private static boolean same(JsonNode expected, JsonNode actual) {
        if (expected == null || expected.isNull()) {
            return actual == null || actual.isNull();
        }
        if (expected.isTextual() && actual != null && actual.isTextual() && expected.asText().endsWith("Z")) {
            try {
                return Instant.parse(expected.asText()).equals(Instant.parse(actual.asText()));
            } catch (RuntimeException e) {
                return false;
            }
        }
        return expected.equals(actual) || (expected.isNumber() && actual != null && actual.isNumber()
                && expected.asInt() == actual.asInt());
    }
}
