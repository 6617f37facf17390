package org.forumpass.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.forumpass.seed.DelegateGenerator;
import org.forumpass.seed.SyntheticDelegate;

/**
 * The CSV import at forum scale (scenario {@code import}): 10,000 synthetic delegates into an event with room for
 * all (so every row is confirmed and gets its badge and its mail), timed from the upload to the report; the same
 * file again (every row reported as existing); then 10,000 rows of which every hundredth has an unknown country into
 * a fresh event (9,900 created, the 100 reported by line and field). Each report's counts are checked.
 */
final class ImportBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final BiConsumer<String, String> figure;

    ImportBench(URI base, String token, HttpClient http, BiConsumer<String, String> figure) {
        this.base = base;
        this.token = token;
        this.http = http;
        this.figure = figure;
    }

    void run(int rows) throws Exception {
        String load = uptime();
        List<SyntheticDelegate> delegates = new DelegateGenerator(18).generate(rows);
        String good = csv(delegates, -1);
        String slug = event(rows);
        long t = System.nanoTime();
        JsonNode first = upload(slug, good);
        double firstS = (System.nanoTime() - t) / 1e9;
        expect(first, rows, rows, 0, 0, "first import");
        System.out.printf(Locale.ROOT, "import: %,d rows created in %.2f s (%,.0f rows/s); load before: %s%n", rows, firstS,
                rows / firstS, load);

        t = System.nanoTime();
        JsonNode again = upload(slug, good);
        double againS = (System.nanoTime() - t) / 1e9;
        expect(again, rows, 0, rows, 0, "the same file again");
        System.out.printf(Locale.ROOT, "import: the same file again, %,d existing, in %.2f s%n", rows, againS);

        String badSlug = event(rows);
        String bad = csv(new DelegateGenerator(19).generate(rows), 100);
        t = System.nanoTime();
        JsonNode mixed = upload(badSlug, bad);
        double mixedS = (System.nanoTime() - t) / 1e9;
        int badRows = rows / 100;
        expect(mixed, rows, rows - badRows, 0, badRows, "the file with bad rows");
        int named = 0;
        for (JsonNode row : mixed.path("report")) {
            if (row.path("result").asText().equals("INVALID")) {
                long line = row.path("line").asLong();
                // the i-th delegate (from 0) is on line i + 2; every hundredth (i % 100 == 99) is bad
                if ((line - 2) % 100 == 99 && row.path("errors").path(0).path("field").asText().equals("country")) {
                    named++;
                }
            }
        }
        if (named != badRows) {
            throw new IllegalStateException("the bad rows' report names " + named + " of " + badRows + " by line and field");
        }
        System.out.printf(Locale.ROOT, "import: %,d rows with %d bad in %.2f s, each bad row reported by line and field; load after: %s%n%n",
                rows, badRows, mixedS, uptime());
        figure.accept(String.format(Locale.ROOT, "CSV import of %,d synthetic delegates (all confirmed: badge and mail each)", rows),
                String.format(Locale.ROOT, "**%.2f s** (%,.0f rows/s)", firstS, rows / firstS));
        figure.accept("the same file again (every row reported existing, nothing created)", String.format(Locale.ROOT, "%.2f s", againS));
        figure.accept(String.format(Locale.ROOT, "%,d rows with %d bad (unknown country) into a fresh event", rows, badRows),
                String.format(Locale.ROOT, "%.2f s; %,d created, %d reported by line and field", mixedS, rows - badRows, badRows));
    }

    /** The import's CSV; with {@code badEvery > 0} every such row (the 100th, 200th, ...) has the unknown country XX. */
    private static String csv(List<SyntheticDelegate> delegates, int badEvery) throws Exception {
        List<SyntheticDelegate> rows = new ArrayList<>(delegates.size());
        for (int i = 0; i < delegates.size(); i++) {
            SyntheticDelegate d = delegates.get(i);
            if (badEvery > 0 && i % badEvery == badEvery - 1) {
                d = new SyntheticDelegate(d.givenName(), d.familyName(), d.nativeName(), d.jobTitle(), d.organization(), "XX",
                        d.email(), null, d.category(), d.language());
            }
            rows.add(d);
        }
        StringBuilder out = new StringBuilder();
        DelegateGenerator.writeCsv(rows, out);
        return out.toString();
    }

    private String event(int capacity) throws Exception {
        String slug = "bench-import-" + UUID.randomUUID().toString().substring(0, 6);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusDays(7);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("slug", slug);
        e.put("name", "Import benchmark " + slug);
        e.put("city", "Shanghai");
        e.put("venue", "Hall");
        e.put("startsAt", start.toString());
        e.put("endsAt", start.plusDays(2).toString());
        e.put("timeZone", "Asia/Shanghai");
        e.put("capacity", capacity + 100);
        e.put("sessions", List.of());
        send(request("/api/v1/events").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(e))).build(), 201);
        return slug;
    }

    private JsonNode upload(String slug, String csv) throws Exception {
        return JSON.readTree(send(request("/api/v1/events/" + slug + "/registrations/import").header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                200).body());
    }

    private static void expect(JsonNode report, int rows, int created, int existing, int invalid, String what) {
        if (report.path("rows").asInt() != rows || report.path("created").asInt() != created
                || report.path("existing").asInt() != existing || report.path("invalid").asInt() != invalid
                || report.path("report").size() != rows) {
            throw new IllegalStateException(what + ": expected " + rows + " rows, " + created + " created, " + existing
                    + " existing, " + invalid + " invalid; the report says rows " + report.path("rows") + ", created "
                    + report.path("created") + ", existing " + report.path("existing") + ", invalid " + report.path("invalid"));
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest r, int status) throws Exception {
        HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException(r.uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static String uptime() {
        try {
            return new String(new ProcessBuilder("uptime").redirectErrorStream(true).start().getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8).trim();
        } catch (Exception e) {
            return "(uptime unavailable)";
        }
    }
}
