package org.forumpass.photo;

import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.organizerToken;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.forumpass.seed.DelegateGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: runs in its own JVM with -Xmx256m (surefire execution heap-256m): hundreds of badges, some with their
 * delegate's photo, come as one streamed PDF with a page each, the photographed ones showing their photo.
 */
@QuarkusTest
@Tag("heap256")
class BulkBadgesHeapTest {
    @TestHTTPResource("/")
    URL root;

    @Test
    void hundredsOfBadgesWithPhotosStreamWithTheHeapCappedAt256Megabytes() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() <= 300L * 1024 * 1024, "this test runs with -Xmx256m");
        // only SPEAKERs need a photo here: the imported delegates of every other category are confirmed at once
        String slug = org.forumpass.Fixtures.slug();
        Map<String, Object> e = org.forumpass.Fixtures.event(slug);
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        e.put("startsAt", now.minusHours(1).toString());
        e.put("endsAt", now.plusDays(30).toString());
        e.put("capacity", 1000);
        e.put("photoRequiredFor", java.util.List.of("SPEAKER"));
        org.forumpass.Fixtures.createEvent(e);
        StringBuilder csv = new StringBuilder();
        DelegateGenerator.writeCsv(new DelegateGenerator(18).generate(300), csv);
        asOrganizer().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events/" + slug + "/registrations/import").then().statusCode(200).body("created", greaterThan(250));
        int photographed = 40;
        byte[] jpeg = TestImages.jpeg(600, 800);
        for (int i = 0; i < photographed; i++) {
            Map<String, Object> d = PhotoTest.registered(slug); // INDUSTRY: confirmed, and its accepted photo prints
            String id = (String) d.get("id");
            PhotoTest.upload(id, (String) d.get("manageToken"), "image/jpeg", jpeg, null).then().statusCode(200);
            asOrganizer().post("/api/v1/registrations/" + id + "/photo/accept").then().statusCode(200);
        }

        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(root + "api/v1/events/" + slug + "/badges.pdf"))
                .header("Authorization", "Bearer " + organizerToken()).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        int count = Integer.parseInt(r.headers().firstValue("X-Badge-Count").orElseThrow());
        assertTrue(count > photographed + 100, "the imported delegates who need no photo and the photographed ones: " + count);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (InputStream in = r.body()) {
            in.transferTo(pdf);
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            assertEquals(count, doc.getNumberOfPages(), "a page per badge");
            int withPhoto = 0;
            for (PDPage page : doc.getPages()) {
                if (page.getResources().getXObjectNames().iterator().hasNext()) {
                    withPhoto++;
                }
            }
            assertEquals(photographed, withPhoto, "the photographed delegates' badges show their photo");
        }
    }
}
