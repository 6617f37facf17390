package org.forumpass.registration;

import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.awaitility.Awaitility;
import org.forumpass.Fixtures;
import org.forumpass.event.Category;
import org.forumpass.seed.DelegateGenerator;
import org.forumpass.seed.SyntheticDelegate;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the import writes 500 rows per transaction. What a user sees must not change: every row reported by its
 * line, bad rows stored nowhere, a second run creating nothing, places given exactly in the file's order across
 * chunks, and a chunk that loses a race for an e-mail imported row by row with the same exact report.
 */
@QuarkusTest
class ImportChunkTest {
    @Inject
    MockMailbox mailbox;

    /** Registers a rival with a chosen e-mail, in its own committed transaction, after a chunk of an armed event was checked. */
    @ApplicationScoped
    static class Rival {
        /** {slug, e-mail}: one shot, when the chunk holding the e-mail has been checked. */
        static final AtomicReference<String[]> ARMED = new AtomicReference<>();

        @Inject
        RegistrationService registrations;

        void onChunkChecked(@Observes RegistrationEvents.ImportChunkChecked e) {
            String[] armed = ARMED.get();
            if (armed == null || !armed[0].equals(e.event().slug) || !e.emailKeys().contains(armed[1])
                    || !ARMED.compareAndSet(armed, null)) {
                return;
            }
            RegistrationRecords.RegisterRequest req = new RegistrationRecords.RegisterRequest("Rival", "Registrant", null, null,
                    "Rival Org", "CZ", armed[1], null, Category.INDUSTRY, List.of(), "en", true, null, null, null);
            QuarkusTransaction.requiringNew().run(() -> registrations.registerOnce(armed[0], req, RegistrationService.Origin.ORGANIZER));
        }
    }

    private static String csv(List<SyntheticDelegate> delegates, int badEvery, String sessions) throws IOException {
        StringBuilder out = new StringBuilder();
        List<SyntheticDelegate> rows = new ArrayList<>();
        for (int i = 0; i < delegates.size(); i++) {
            SyntheticDelegate d = delegates.get(i);
            if (badEvery > 0 && i % badEvery == badEvery - 1) { // an unknown country
                d = new SyntheticDelegate(d.givenName(), d.familyName(), d.nativeName(), d.jobTitle(), d.organization(), "XX",
                        d.email(), null, d.category(), d.language());
            }
            rows.add(d);
        }
        if (sessions == null) {
            DelegateGenerator.writeCsv(rows, out);
            return out.toString();
        }
        // the generator leaves the column sessions empty: the same columns with the sessions on every row
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("givenName", "familyName", "nativeName",
                "jobTitle", "organization", "country", "email", "phone", "category", "sessions", "language").get());
        for (SyntheticDelegate d : rows) {
            csv.printRecord(d.givenName(), d.familyName(), d.nativeName(), d.jobTitle(), d.organization(), d.country(),
                    d.email(), d.phone(), d.category(), sessions, d.language());
        }
        csv.flush();
        return out.toString();
    }

    private static SyntheticDelegate withEmail(SyntheticDelegate d, String email) {
        return new SyntheticDelegate(d.givenName(), d.familyName(), d.nativeName(), d.jobTitle(), d.organization(), d.country(),
                email, d.phone(), d.category(), d.language());
    }

    private static JsonPath importFile(String slug, String csv) {
        return asOrganizer().contentType("text/csv").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/events/" + slug + "/registrations/import")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath stats(String slug) {
        return asOrganizer().get("/api/v1/events/" + slug + "/stats").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void tenThousandRowsWithAHundredBadOnesImportTheRestAndASecondRunCreatesNothing() throws IOException {
        String slug = slug();
        createEvent(event(slug)); // room for 100: the first 100 good rows are confirmed, the rest wait, across chunks
        List<SyntheticDelegate> delegates = new DelegateGenerator(4242).generate(10_000);
        String csv = csv(delegates, 100, null);

        JsonPath report = importFile(slug, csv);
        assertEquals(10_000, report.getInt("rows"));
        assertEquals(9_900, report.getInt("created"));
        assertEquals(0, report.getInt("existing"));
        assertEquals(100, report.getInt("invalid"));
        List<Map<String, Object>> rows = report.getList("report");
        assertEquals(10_000, rows.size());
        int confirmed = 0;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            assertEquals(i + 2, ((Number) row.get("line")).intValue(), "the report keeps the file's order, line by line");
            assertEquals(delegates.get(i).email(), row.get("email"));
            if (i % 100 == 99) {
                assertEquals("INVALID", row.get("result"), "line " + (i + 2));
                assertEquals(null, row.get("id"));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> errors = (List<Map<String, Object>>) row.get("errors");
                assertEquals("country", errors.get(0).get("field"), "line " + (i + 2));
            } else {
                assertEquals("CREATED", row.get("result"), "line " + (i + 2));
                // the first 100 created rows (in the file's order) have the 100 places
                assertEquals(confirmed < 100 ? "CONFIRMED" : "WAITLISTED", row.get("status"), "line " + (i + 2));
                if ("CONFIRMED".equals(row.get("status"))) {
                    confirmed++;
                }
            }
        }
        assertEquals(100, confirmed);
        JsonPath s = stats(slug);
        assertEquals(9_900, s.getInt("registrations.total"));
        assertEquals(100, s.getInt("registrations.byStatus.CONFIRMED"));
        assertEquals(9_800, s.getInt("registrations.byStatus.WAITLISTED"));
        // nothing of a bad row is stored
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?q=" + delegates.get(99).email()).then().statusCode(200)
                .body("total", is(0));
        // a confirmed delegate has a badge and a mail, a waitlisted one a mail and no badge
        String first = (String) rows.get(0).get("id");
        asOrganizer().get("/api/v1/registrations/" + first).then().statusCode(200)
                .body("status", is("CONFIRMED")).body("source", is("IMPORT")).body("badge.code", startsWith("FP2."));
        asOrganizer().get("/api/v1/registrations/" + rows.get(500).get("id")).then().statusCode(200)
                .body("status", is("WAITLISTED")).body("badge", is((Object) null));
        Awaitility.await().until(() -> !mailbox.getMailsSentTo(delegates.get(0).email()).isEmpty()
                && !mailbox.getMailsSentTo(delegates.get(9_998).email()).isEmpty());
        assertTrue(mailbox.getMailsSentTo(delegates.get(99).email()).isEmpty(), "no mail for a bad row");

        // the same file again: every good row exists, nothing is created twice
        JsonPath again = importFile(slug, csv);
        assertEquals(0, again.getInt("created"));
        assertEquals(9_900, again.getInt("existing"));
        assertEquals(100, again.getInt("invalid"));
        assertEquals(9_900, stats(slug).getInt("registrations.total"));
    }

    @Test
    void placesAndSessionSeatsAreGivenExactlyInTheFilesOrderAcrossChunks() throws IOException {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("capacity", 700);
        e.put("sessions", List.of(session("KEYNOTE", OffsetDateTime.parse((String) e.get("startsAt"))))); // 10 seats
        createEvent(e);
        // 1,200 rows; an e-mail twice in different chunks (lines 2 and 1,001) and twice in one chunk (lines 1,052 and
        // 1,102): each second one is reported existing
        List<SyntheticDelegate> delegates = new ArrayList<>(new DelegateGenerator(77).generate(1_200));
        delegates.set(999, withEmail(delegates.get(999), delegates.get(0).email().toUpperCase(java.util.Locale.ROOT)));
        delegates.set(1_100, withEmail(delegates.get(1_100), delegates.get(1_050).email()));
        // 9 places already taken online; 1 keynote seat too
        for (int i = 0; i < 9; i++) {
            asOrganizer().body(Fixtures.delegate("online" + i + "." + Fixtures.unique() + "@example.org", i == 0 ? new String[] {"KEYNOTE"}
                    : new String[0])).post("/api/v1/events/" + slug + "/registrations").then().statusCode(201);
        }
        JsonPath report = importFile(slug, csv(delegates, 0, "KEYNOTE"));
        assertEquals(1_198, report.getInt("created"));
        assertEquals(2, report.getInt("existing"));
        assertEquals("EXISTS", report.getString("report[999].result"));
        assertEquals("EXISTS", report.getString("report[1100].result"));
        assertEquals("CREATED", report.getString("report[1050].result"));
        List<String> statuses = report.getList("report.status");
        long confirmed = statuses.stream().filter("CONFIRMED"::equals).count();
        assertEquals(691, confirmed, "700 places, 9 taken before");
        assertEquals(statuses.subList(0, 691), java.util.Collections.nCopies(691, "CONFIRMED"), "the first rows have the places");
        JsonPath s = stats(slug);
        assertEquals(700, s.getInt("registrations.byStatus.CONFIRMED"));
        assertEquals(507, s.getInt("registrations.byStatus.WAITLISTED"));
        // the 9 keynote seats left went to the first 9 rows of the file
        for (int i = 0; i < 11; i++) {
            asOrganizer().get("/api/v1/registrations/" + report.getString("report[" + i + "].id")).then().statusCode(200)
                    .body("sessions[0].code", is("KEYNOTE")).body("sessions[0].status", is(i < 9 ? "CONFIRMED" : "WAITLISTED"));
        }
        asOrganizer().get("/api/v1/registrations/" + report.getString("report[1101].id")).then().statusCode(200)
                .body("status", is("WAITLISTED")).body("sessions.status", everyItem(is("WAITLISTED")));
    }

    @Test
    void aChunkThatLosesAnEmailToARivalIsImportedRowByRowWithAnExactReport() throws IOException {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("capacity", 1_000);
        createEvent(e);
        List<SyntheticDelegate> delegates = new DelegateGenerator(99).generate(700);
        String taken = delegates.get(600).email(); // in the second chunk
        Rival.ARMED.set(new String[] {slug, taken.toLowerCase()});
        JsonPath report = importFile(slug, csv(delegates, 0, null));
        assertEquals(null, Rival.ARMED.get(), "the rival registered during the import");
        assertEquals(699, report.getInt("created"));
        assertEquals(1, report.getInt("existing"));
        assertEquals(0, report.getInt("invalid"));
        assertEquals("EXISTS", report.getString("report[600].result"));
        assertEquals(602, report.getInt("report[600].line"));
        List<String> results = report.getList("report.result");
        assertFalse(results.subList(0, 600).contains("EXISTS"));
        JsonPath s = stats(slug);
        assertEquals(700, s.getInt("registrations.total"), "699 imported and the rival, nothing twice");
        assertEquals(700, s.getInt("registrations.byStatus.CONFIRMED"));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?q=" + taken).then().statusCode(200)
                .body("total", is(1)).body("items[0].givenName", is("Rival"));
        // the chunk's other rows were imported one by one: each confirmed with its badge
        asOrganizer().get("/api/v1/registrations/" + report.getString("report[650].id")).then().statusCode(200)
                .body("status", is("CONFIRMED")).body("badge.code", startsWith("FP2."));
    }
}
