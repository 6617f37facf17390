package org.forumpass.report;

import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.organizerToken;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.forumpass.seed.DelegateGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs in its own JVM with -Xmx256m (surefire execution heap-256m): the export must stream. */
@QuarkusTest
@Tag("heap256")
class LargeExportTest {
    @TestHTTPResource("/")
    URL root;
    @Inject
    EntityManager em;

    @Test
    void oneHundredThousandDelegatesExportWithTheHeapCappedAt256Megabytes() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() <= 300L * 1024 * 1024, "this test runs with -Xmx256m");
        Map<String, Object> e = event(slug());
        e.put("capacity", 200_000);
        String slug = createEvent(e);
        StringBuilder csv = new StringBuilder();
        DelegateGenerator.writeCsv(new DelegateGenerator(100).generate(1000), csv);
        asOrganizer().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events/" + slug + "/registrations/import").then().statusCode(200).body("created", is(1000));
        // 99 copies of those 1,000 in SQL: the registrations are not what is measured here
        Long eventId = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from event where slug = ?1").setParameter(1, slug).getSingleResult()).longValue());
        for (int k = 1; k < 100; k++) {
            int copy = k;
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("insert into registration (public_id, event_id, status, holds_seat, given_name, family_name,"
                        + " native_name, job_title, organization, organization_key, country, email, email_key, phone, category,"
                        + " language, consent_at, consent_version, token_version, source, created_at, updated_at, version)"
                        + " select concat(?1, '~', substring(public_id, 1, 24)), event_id, status, holds_seat, given_name,"
                        + " family_name, native_name, job_title, organization, organization_key, country, concat(?1, '.', email),"
                        + " concat(?1, '.', email_key), phone, category, language, consent_at, consent_version, token_version,"
                        + " source, created_at, updated_at, version from registration where event_id = ?2"
                        + " and public_id not like '%~%'")
                        .setParameter(1, Integer.toString(copy)).setParameter(2, eventId).executeUpdate();
            });
        }

        HttpResponse<java.io.InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(root + "api/v1/events/" + slug + "/exports/delegates.csv?groupBy=country"))
                .header("Authorization", "Bearer " + organizerToken()).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        long lines = 0;
        String last = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines++;
                last = line;
            }
        }
        assertEquals("Total,100000", last);
        assertTrue(lines > 100_001, "header, 100,000 delegates, subtotals and the total: " + lines);
    }
}
