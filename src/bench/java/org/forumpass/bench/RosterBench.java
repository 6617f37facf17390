package org.forumpass.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The door roster at forum scale (scenario {@code roster}): 10,000 delegates with photos; the roster's size raw and
 * compressed and the time to make it; the thumbnails' size; then the door page in chromium on a throttled
 * phone-class connection, timed from choosing the event to a verified roster and to every thumbnail, and the
 * offline verdict time (from the code read to the verdict on screen) over a sample of badges.
 */
final class RosterBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A phone on a good 4G cell: 10 Mbit/s down, 2 Mbit/s up, 100 ms round trip. */
    private static final long DOWN_BYTES_PER_S = 10_000_000 / 8;
    private static final long UP_BYTES_PER_S = 2_000_000 / 8;
    private static final int RTT_MS = 100;

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final BiConsumer<String, String> figure;

    RosterBench(URI base, String token, HttpClient http, BiConsumer<String, String> figure) {
        this.base = base;
        this.token = token;
        this.http = http;
        this.figure = figure;
    }

    void run(String slug, List<String> ids, List<String> codes, int verdicts) throws Exception {
        int n = ids.size();
        long t = System.nanoTime();
        uploadPhotos(ids);
        System.out.printf(Locale.ROOT, "roster: %,d photos uploaded in %.0f s%n", n, (System.nanoTime() - t) / 1e9);

        String door = "bench-door-" + UUID.randomUUID().toString().substring(0, 6);
        send(request("/api/v1/staff", token).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                Map.of("username", door, "password", "bench-door-password", "role", "door")))).build(), 201);
        String doorToken = JSON.readTree(send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("username", door, "password", "bench-door-password")))).build(), 200).body()).path("token").asText();

        String path = "/api/v1/events/" + slug + "/door-roster";
        t = System.nanoTime();
        HttpResponse<byte[]> first = sendBytes(request(path, doorToken).GET().build(), 200);
        double firstS = (System.nanoTime() - t) / 1e9;
        Thread.sleep(2100); // past the replica's 2-second cache: the next one is made again
        t = System.nanoTime();
        HttpResponse<byte[]> gz = sendBytes(request(path, doorToken).header("Accept-Encoding", "gzip").GET().build(), 200);
        double againS = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        sendBytes(request(path, doorToken).header("If-None-Match", first.headers().firstValue("ETag").orElseThrow()).GET().build(), 304);
        double notModifiedMs = (System.nanoTime() - t) / 1e6;
        JsonNode roster = JSON.readTree(first.body());
        List<String> photos = new ArrayList<>();
        roster.path("entries").forEach(e -> {
            if (e.hasNonNull("photo")) {
                photos.add(e.path("photo").asText());
            }
        });
        long thumbBytes = 0;
        long thumbWire = 0;
        t = System.nanoTime();
        for (int i = 0; i < photos.size(); i += 500) {
            String body = JSON.writeValueAsString(Map.of("photos", photos.subList(i, Math.min(photos.size(), i + 500))));
            HttpResponse<byte[]> r = sendBytes(request(path + "/photos", doorToken).header("Accept-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 200);
            thumbWire += r.body().length;
            thumbBytes += gunzipped(r).length;
        }
        double thumbS = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "roster of %,d delegates: %.2f MB raw, %.2f MB gzip on the wire; made in %.2f s"
                        + " (first) and %.2f s (again); 304 in %.1f ms%n", roster.path("count").asInt(), first.body().length / 1e6,
                gz.body().length / 1e6, firstS, againS, notModifiedMs);
        System.out.printf(Locale.ROOT, "thumbnails: %,d, %.1f MB as JSON, %.1f MB on the wire, fetched in %.1f s%n", photos.size(),
                thumbBytes / 1e6, thumbWire / 1e6, thumbS);
        figure.accept(String.format(Locale.ROOT, "door roster of %,d delegates: size raw / gzip, time to make", n),
                String.format(Locale.ROOT, "%.2f MB / %.2f MB, %.2f s first, %.2f s again, 304 in %.0f ms",
                        first.body().length / 1e6, gz.body().length / 1e6, firstS, againS, notModifiedMs));
        figure.accept(String.format(Locale.ROOT, "door thumbnails of %,d delegates (60×80 JPEG)", photos.size()),
                String.format(Locale.ROOT, "%.1f MB on the wire (%.1f KB each), %.1f s on loopback", thumbWire / 1e6,
                        thumbWire / 1024.0 / Math.max(1, photos.size()), thumbS));
        browser(slug, door, codes, photos.size(), verdicts);
    }

    /** The door page on a throttled connection: roster and thumbnails loaded, then offline verdicts timed. */
    private void browser(String slug, String door, List<String> codes, int photos, int verdicts) throws Exception {
        if (!Files.isExecutable(Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium")))) {
            System.out.println("roster: no chromium here, the page's figures are left out");
            return;
        }
        ChromeDriver browser = chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(10));
            browser.get(base.resolve("/door?lang=en").toString());
            wait.until(d -> d.findElement(org.openqa.selenium.By.id("username")).isDisplayed());
            browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(door);
            browser.findElement(org.openqa.selenium.By.id("password")).sendKeys("bench-door-password");
            // from here on the phone's connection: sign-in, the event, the roster and its thumbnails all come through it
            browser.executeCdpCommand("Network.enable", Map.of());
            browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", RTT_MS,
                    "downloadThroughput", DOWN_BYTES_PER_S, "uploadThroughput", UP_BYTES_PER_S));
            long t = System.nanoTime();
            browser.findElement(org.openqa.selenium.By.id("signin-button")).click();
            wait.until(d -> new Select(d.findElement(org.openqa.selenium.By.id("event"))).getOptions().stream()
                    .anyMatch(o -> slug.equals(o.getAttribute("value"))));
            if (!slug.equals(new Select(browser.findElement(org.openqa.selenium.By.id("event"))).getFirstSelectedOption()
                    .getAttribute("value"))) {
                new Select(browser.findElement(org.openqa.selenium.By.id("event"))).selectByValue(slug);
            }
            wait.until(d -> "ready".equals(d.findElement(org.openqa.selenium.By.id("roster")).getAttribute("data-state"))
                    && Integer.parseInt(d.findElement(org.openqa.selenium.By.id("roster")).getAttribute("data-count")) == codes.size());
            double rosterS = (System.nanoTime() - t) / 1e9;
            wait.until(d -> Integer.parseInt(d.findElement(org.openqa.selenium.By.id("roster")).getAttribute("data-photos")) >= photos);
            double photosS = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "door page at 10 Mbit/s, %d ms RTT, from the sign-in button: roster verified and in use"
                    + " after %.1f s, every thumbnail after %.1f s%n", RTT_MS, rosterS, photosS);
            figure.accept("door page on a phone-class connection (10 Mbit/s down, 100 ms RTT), from sign-in: roster in use / all thumbnails",
                    String.format(Locale.ROOT, "%.1f s / %.1f s", rosterS, photosS));

            browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            List<String> sample = new ArrayList<>();
            Random random = new Random(7);
            for (int i = 0; i < verdicts; i++) {
                sample.add(codes.get(random.nextInt(codes.size())));
            }
            @SuppressWarnings("unchecked")
            List<Number> ms = (List<Number>) browser.executeAsyncScript(
                    "var done = arguments[arguments.length - 1], codes = arguments[0], i = 0;"
                            + "window.fpDoorTimings = [];"
                            + "function next() {"
                            + "  if (i >= codes.length) { done(window.fpDoorTimings.map(function (t) { return t.ms; })); return; }"
                            + "  var want = window.fpDoorTimings.length + 1;"
                            + "  document.getElementById('typed').value = codes[i++];"
                            + "  document.getElementById('typed-form').requestSubmit();"
                            + "  (function wait() { if (window.fpDoorTimings.length >= want) { setTimeout(next, 0); } else { setTimeout(wait, 1); } })();"
                            + "}"
                            + "next();", sample);
            double first = ms.get(0).doubleValue(); // the first offline scan also imports the key and warms the page's code
            double[] sorted = ms.subList(1, ms.size()).stream().mapToDouble(Number::doubleValue).sorted().toArray();
            double median = sorted[sorted.length / 2];
            double p95 = sorted[(int) Math.floor(sorted.length * 0.95)];
            double max = sorted[sorted.length - 1];
            System.out.printf(Locale.ROOT, "offline verdicts on the page: the first %.1f ms; the next %d median %.1f ms, p95 %.1f ms,"
                    + " max %.1f ms%n", first, sorted.length, median, p95, max);
            figure.accept(String.format(Locale.ROOT, "offline verdict on the door page, %d badges of %,d (code read to verdict shown)",
                    ms.size(), codes.size()), String.format(Locale.ROOT, "first %.1f ms; then median %.1f ms, p95 %.1f ms, max %.1f ms",
                    first, median, p95, max));
        } finally {
            browser.quit();
        }
    }

    /** Debian's chromium, headless, at a phone's window size, through Debian's chromedriver. */
    private static ChromeDriver chromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=412,915",
                "--user-data-dir=" + Files.createTempDirectory("fp-bench-chromium"));
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(
                Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")).toFile()).usingAnyFreePort().build(), options);
    }

    /** One photo per delegate, four at a time: portraits with a gradient, a face and noise, as JPEG at quality 0.9. */
    private void uploadPhotos(List<String> ids) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                int k = i;
                done.add(pool.submit(() -> {
                    send(request("/api/v1/registrations/" + ids.get(k) + "/photo", token).header("Content-Type", "image/jpeg")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(portrait(k))).build(), 200);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    static byte[] portrait(int seed) throws IOException {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(480, 640, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt(0xffffff)), 480, 640, new Color(r.nextInt(0xffffff))));
        g.fillRect(0, 0, 480, 640);
        g.setColor(new Color(150 + r.nextInt(90), 100 + r.nextInt(80), 70 + r.nextInt(70)));
        g.fillOval(120 + r.nextInt(40), 120 + r.nextInt(40), 220 + r.nextInt(40), 300 + r.nextInt(40));
        g.setColor(new Color(r.nextInt(80), r.nextInt(80), r.nextInt(80)));
        g.fillRect(60, 480, 360, 160);
        g.dispose();
        for (int i = 0; i < 480 * 640 / 3; i++) { // the grain of a real photo, which JPEG cannot squeeze away
            int x = r.nextInt(480);
            int y = r.nextInt(640);
            int c = img.getRGB(x, y);
            int d = r.nextInt(31) - 15;
            int red = Math.max(0, Math.min(255, ((c >> 16) & 0xff) + d));
            int green = Math.max(0, Math.min(255, ((c >> 8) & 0xff) + d));
            int blue = Math.max(0, Math.min(255, (c & 0xff) + d));
            img.setRGB(x, y, (red << 16) | (green << 8) | blue);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }

    private HttpRequest.Builder request(String path, String bearer) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest r, int status) throws IOException, InterruptedException {
        HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != status) {
            throw new IllegalStateException(r.uri() + " answered " + res.statusCode() + ": " + res.body());
        }
        return res;
    }

    private HttpResponse<byte[]> sendBytes(HttpRequest r, int status) throws IOException, InterruptedException {
        HttpResponse<byte[]> res = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() != status) {
            throw new IllegalStateException(r.uri() + " answered " + res.statusCode());
        }
        return res;
    }

    private static byte[] gunzipped(HttpResponse<byte[]> r) throws IOException {
        if (!"gzip".equals(r.headers().firstValue("Content-Encoding").orElse(""))) {
            return r.body();
        }
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(r.body()))) {
            return in.readAllBytes();
        }
    }
}
