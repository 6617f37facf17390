package org.forumpass.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.forumpass.ops.AppProcess;
import org.forumpass.seed.DelegateGenerator;
import org.forumpass.seed.SyntheticDelegate;

/** The API calls the reliability suite makes, over java.net.http (request shapes as in the load harness). */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "reliability-http");
                t.setDaemon(true);
                return t;
            })).build();

    final URI base;
    final String token;

    private Api(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Signs in as the organizer admin at this instance. */
    static Api organizer(AppProcess app) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(app.uri("/api/v1/auth/login")).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(body(Map.of("username", "admin", "password", AppProcess.ADMIN_PASSWORD))).build(), HttpResponse.BodyHandlers.ofString());
        return new Api(app.uri(), read(expect(r, 200, "sign-in")).path("token").asText());
    }

    /** The same token against another replica: it must verify there too (shared secret). */
    Api at(AppProcess other) {
        return new Api(other.uri(), token);
    }

    // ---- requests ------------------------------------------------------------------------------

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token).GET().build();
    }

    HttpRequest post(String path, Object body, Duration timeout) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(body(body)).build();
    }

    /** A public registration: no Authorization header, as a delegate's browser sends it. */
    HttpRequest register(String slug, Map<String, Object> delegate, Duration timeout) {
        return registerBuilder(slug, delegate, timeout).build();
    }

    /** A public registration that reached the app through a proxy, for a delegate at this address. */
    HttpRequest register(String slug, Map<String, Object> delegate, String clientAddress) {
        return registerBuilder(slug, delegate, TIMEOUT).header("X-Forwarded-For", clientAddress).build();
    }

    private HttpRequest.Builder registerBuilder(String slug, Map<String, Object> delegate, Duration timeout) {
        return HttpRequest.newBuilder(base.resolve("/api/v1/events/" + slug + "/registrations")).timeout(timeout)
                .header("Content-Type", "application/json").POST(body(delegate));
    }

    HttpRequest scan(String slug, Scan s, Duration timeout) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("code", s.code());
        b.put("session", s.session());
        b.put("direction", "IN");
        b.put("deviceId", s.device());
        b.put("nonce", s.nonce());
        return post("/api/v1/events/" + slug + "/scans", b, timeout);
    }

    HttpRequest login(String username, String password) {
        return HttpRequest.newBuilder(base.resolve("/api/v1/auth/login")).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(body(Map.of("username", username, "password", password))).build();
    }

    static HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    static CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest r) {
        return HTTP.sendAsync(r, HttpResponse.BodyHandlers.ofString());
    }

    /** One door scan: which badge, at which door (null: the entrance), from which device, with which nonce. */
    record Scan(String code, String session, String device, String nonce) {
        String key() {
            return device + "/" + nonce;
        }
    }

    // ---- set-up --------------------------------------------------------------------------------

    /** An event under way (started two hours ago, two days long), optionally with an open session S1 running now. */
    void createEvent(String slug, int capacity, boolean withSession) throws Exception {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).minusHours(2);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("slug", slug);
        e.put("name", "Reliability " + slug);
        e.put("city", "Shanghai");
        e.put("venue", "Hall");
        e.put("startsAt", start.toString());
        e.put("endsAt", start.plusDays(2).toString());
        e.put("timeZone", "Asia/Shanghai");
        e.put("capacity", capacity);
        // no approvals: these tests count seats, and a PENDING registration holds one without being CONFIRMED
        e.put("approvalRequiredFor", List.of());
        List<Map<String, Object>> sessions = new ArrayList<>();
        if (withSession) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("code", "S1");
            s.put("title", "Plenary");
            s.put("type", "PLENARY");
            s.put("room", "Hall A");
            s.put("startsAt", now.minusHours(1).toString());
            s.put("endsAt", now.plusHours(10).toString());
            s.put("capacity", null);
            s.put("requiresRegistration", false);
            sessions.add(s);
        }
        e.put("sessions", sessions);
        expect(send(post("/api/v1/events", e, TIMEOUT)), 201, "create event " + slug);
    }

    /** Imports generated delegates (confirmed while seats last) and answers their badge codes, in import order. */
    List<String> importDelegatesWithBadges(String slug, int count, int seed) throws Exception {
        StringBuilder csv = new StringBuilder();
        DelegateGenerator.writeCsv(new DelegateGenerator(seed).generate(count), csv);
        HttpRequest r = HttpRequest.newBuilder(base.resolve("/api/v1/events/" + slug + "/registrations/import"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build();
        List<CompletableFuture<HttpResponse<String>>> views = new ArrayList<>();
        for (JsonNode row : read(expect(send(r), 200, "import")).path("report")) {
            if (row.hasNonNull("id")) {
                views.add(sendAsync(get("/api/v1/registrations/" + row.path("id").asText())));
            }
        }
        List<String> codes = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> v : views) {
            String code = read(expect(v.get(), 200, "registration")).path("badge").path("code").asText(null);
            if (code == null) {
                throw new IllegalStateException("an imported, confirmed delegate has no badge code");
            }
            codes.add(code);
        }
        if (codes.size() != count) {
            throw new IllegalStateException("imported " + codes.size() + " of " + count + " delegates");
        }
        return codes;
    }

    JsonNode stats(String slug) throws Exception {
        return read(expect(send(get("/api/v1/events/" + slug + "/stats")), 200, "stats"));
    }

    /** checkedIn of one session in the stats (S1), or of the entrance (null). */
    static long checkedIn(JsonNode stats, String session) {
        if (session == null) {
            return stats.path("entrance").path("checkedIn").asLong();
        }
        for (JsonNode s : stats.path("sessions")) {
            if (session.equals(s.path("code").asText())) {
                return s.path("checkedIn").asLong();
            }
        }
        throw new IllegalStateException("no session " + session + " in the stats");
    }

    /** The scan log export in English, one record per stored scan (columns by their headers: Device, Scan reference, Result, ...). */
    List<CSVRecord> scanLog(String slug) throws Exception {
        String csv = expect(send(get("/api/v1/events/" + slug + "/exports/scans.csv?lang=en")), 200, "scans.csv").body();
        if (csv.startsWith("\uFEFF")) {
            csv = csv.substring(1);
        }
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }

    /** A registration body from a generated delegate. */
    static Map<String, Object> delegate(SyntheticDelegate d) {
        return d.registrationBody();
    }

    // ---- answers -------------------------------------------------------------------------------

    static HttpResponse<String> expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new AssertionError(what + " at " + r.uri() + " answered " + r.statusCode() + " (expected " + status + "): " + r.body());
        }
        return r;
    }

    static JsonNode read(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON from " + r.uri() + ": " + r.body(), e);
        }
    }

    /** The problem code of an error answer, or "" when the body is not problem+json. */
    static String problemCode(HttpResponse<String> r) {
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "";
        }
        try {
            return JSON.readTree(r.body()).path("code").asText();
        } catch (IOException e) {
            return "";
        }
    }

    private static HttpRequest.BodyPublisher body(Object o) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(o), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
