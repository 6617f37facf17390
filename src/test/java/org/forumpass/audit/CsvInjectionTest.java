package org.forumpass.audit;

import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.forumpass.common.CsvWriter;
import org.junit.jupiter.api.Test;

/** What anyone can type (a sign-in name, a delegate's details) never reaches a spreadsheet as a formula. */
@QuarkusTest
class CsvInjectionTest {
    private static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";
    /** Usernames are compared lower-cased, so the audit log keeps the one typed at sign-in in lower case. */
    private static final String USERNAME_FORMULA = "=hyperlink(\"http://x\",\"y\")";

    private static List<CSVRecord> csv(String path, String... params) throws Exception {
        var request = asOrganizer();
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam(params[i], params[i + 1]);
        }
        String text = new String(request.get(path).then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0), "UTF-8 with a byte-order mark");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text.substring(1)))
                .getRecords();
    }

    @Test
    void anAnonymousSignInNameIsNeutralisedInTheAuditExport() throws Exception {
        anonymous().body(Map.of("username", USERNAME_FORMULA, "password", "wrong-password-1")).post("/api/v1/auth/login").then().statusCode(401);
        List<CSVRecord> rows = csv("/api/v1/audit/export.csv", "action", "SIGN_IN_FAILED", "actor", USERNAME_FORMULA);
        assertTrue(!rows.isEmpty(), "the failed sign-in is in the export");
        for (CSVRecord r : rows) {
            assertEquals("'" + USERNAME_FORMULA, r.get("actor"));
        }
    }

    @Test
    void delegateDetailsAreNeutralisedInEveryCsvExport() throws Exception {
        String slug = createEvent(event(slug()));
        Map<String, Object> d = delegate(email());
        d.put("givenName", "  " + FORMULA);
        d.put("familyName", "\uFF1DSUM(1,2)"); // a full-width equals sign
        d.put("organization", "+1-555 Corp");
        d.put("jobTitle", "@cmd");
        String id = (String) register(slug, d).get("id");
        CSVRecord row = csv("/api/v1/events/" + slug + "/exports/delegates.csv").stream()
                .filter(r -> r.get("Registration ID").equals(CsvWriter.neutralise(id))) // an id may start with '-' (base64url)
                .findFirst().orElseThrow(() -> new AssertionError("no row " + id));
        assertEquals("'" + FORMULA, row.get("Given name"), "stored trimmed, written neutralised");
        assertEquals("'\uFF1DSUM(1,2)", row.get("Family name"));
        assertEquals("'+1-555 Corp", row.get("Organization"));
        assertEquals("'@cmd", row.get("Job title"));
        assertTrue(row.get("Phone").startsWith("'+"), "a phone starts with + and is guarded in CSV: " + row.get("Phone"));
    }

    /** issue 17: XLSX cells are text cells a spreadsheet never runs, so they carry what was typed, without the CSV's apostrophe. */
    @Test
    void theWorkbookKeepsTextAndPhonesAsTypedInTextCells() throws Exception {
        String slug = createEvent(event(slug()));
        Map<String, Object> d = delegate(email());
        d.put("givenName", FORMULA);
        d.put("organization", "+1-555 Corp");
        d.put("phone", "+86 10 1234 5678");
        d.put("country", "CN");
        String id = (String) register(slug, d).get("id");
        String phone = asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200).extract().path("phone");
        byte[] xlsx = asOrganizer().get("/api/v1/events/" + slug + "/exports/delegates.xlsx?lang=en").then().statusCode(200)
                .extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            List<String> header = new java.util.ArrayList<>();
            rows.get(0).forEach(c -> header.add(c.getText()));
            Row row = rows.get(1);
            assertEquals(id, row.getCellText(header.indexOf("Registration ID")));
            for (String column : List.of("Given name", "Organization", "Phone")) {
                assertEquals(CellType.STRING, row.getCell(header.indexOf(column)).getType(), column + " is a text cell, never a formula");
            }
            assertEquals(FORMULA, row.getCellText(header.indexOf("Given name")));
            assertEquals("+1-555 Corp", row.getCellText(header.indexOf("Organization")));
            assertEquals(phone, row.getCellText(header.indexOf("Phone")), "every digit of the phone, no apostrophe");
            assertTrue(phone.startsWith("+86") && phone.replaceAll("\\D", "").equals("861012345678"), phone);
            Row total = rows.get(rows.size() - 1);
            assertEquals(CellType.NUMBER, total.getCell(1).getType(), "counts are numbers");
            assertEquals(1, total.getCell(1).asNumber().intValue());
        }
    }

    @Test
    void theWriterNeutralisesEveryTrigger() {
        for (String s : List.of("=1", "+1", "-1", "@a", "\tx", "\rx", "\nx", "\uFF1D1", "\uFF0B1", "\uFF0D1", "\uFF20a", "  =1")) {
            assertEquals("'" + s, CsvWriter.neutralise(s), s);
        }
        for (String s : List.of("Anna", "李肇星", "a=b", "1-2", "", "   ")) {
            assertEquals(s, CsvWriter.neutralise(s), s);
        }
    }
}
