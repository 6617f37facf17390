package org.forumpass.report;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asDoor;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.unique;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExportTest {
    private static String forum() {
        Map<String, Object> e = event(slug());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        e.put("startsAt", now.minusHours(1).toString());
        e.put("endsAt", now.plusDays(1).toString());
        Map<String, Object> talk = session("TALK", now.minusMinutes(10));
        talk.put("requiresRegistration", true);
        e.put("sessions", List.of(talk));
        return createEvent(e);
    }

    private static String person(String slug, String given, String family, String nativeName, String country, String org,
                                 String... sessions) {
        Map<String, Object> d = delegate(email(), sessions);
        d.put("givenName", given);
        d.put("familyName", family);
        d.put("nativeName", nativeName);
        d.put("country", country);
        d.put("organization", org);
        d.put("phone", null);
        return (String) register(slug, d).get("id");
    }

    private static List<CSVRecord> csv(String path) throws Exception {
        byte[] body = asOrganizer().get(path).then().statusCode(200).contentType("text/csv; charset=UTF-8")
                .extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0), "UTF-8 with a byte-order mark");
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }

    @Test
    void delegatesByCountryKeepEachGroupTogetherWithSubtotalsAndEveryScriptIntact() throws Exception {
        String slug = forum();
        person(slug, "Zhaoxing", "Li", "李肇星", "CN", "Ministry of Foreign Affairs");
        person(slug, "Wei", "Zhang", "张伟", "CN", "=HYPERLINK(\"http://evil.example\",\"x\")");
        person(slug, "Mohamed", "Ali", "محمد علي", "EG", "Cairo University");
        person(slug, "Somchai", "Srisuk", "สมชาย ศรีสุข", "TH", "@SUM(1+1)");
        List<CSVRecord> rows = csv("/api/v1/events/" + slug + "/exports/delegates.csv?groupBy=country&lang=zh");
        assertEquals(List.of("国家或地区", "代表人数", "姓", "名"), rows.get(0).toList().subList(0, 4));
        List<String> groups = new ArrayList<>();
        for (CSVRecord r : rows.subList(1, rows.size())) {
            groups.add(r.get(0));
        }
        assertEquals(List.of("埃及", "埃及 — 小计", "泰国", "泰国 — 小计", "中国", "中国", "中国 — 小计", "总计"), groups,
                "in pinyin order of the names shown: āi, tài, zhōng");
        assertEquals("2", rows.get(7).get(1), "the count under 代表人数");
        assertEquals("4", rows.get(rows.size() - 1).get(1));
        String all = rows.toString();
        assertTrue(all.contains("李肇星") && all.contains("محمد علي") && all.contains("สมชาย ศรีสุข"), all);
        assertTrue(all.contains("'=HYPERLINK") && all.contains("'@SUM(1+1)"), "formulas are neutralised: " + all);
    }

    @Test
    void theSameOrganizationWrittenThreeWaysIsOneGroup() throws Exception {
        String slug = forum();
        person(slug, "A", "One", null, "CN", "Alibaba Group");
        person(slug, "B", "Two", null, "CN", "alibaba group ");
        person(slug, "C", "Three", null, "CN", "ALIBABA  GROUP");
        person(slug, "D", "Four", null, "CN", "Huawei");
        List<CSVRecord> rows = csv("/api/v1/events/" + slug + "/exports/delegates.csv?groupBy=organization");
        long subtotals = rows.stream().filter(r -> r.get(0).endsWith("— subtotal")).count();
        assertEquals(2, subtotals, rows.toString());
        CSVRecord alibaba = rows.stream()
                .filter(r -> r.get(0).endsWith("— subtotal") && r.get(0).toLowerCase().contains("alibaba"))
                .findFirst().orElseThrow();
        assertEquals("3", alibaba.get(1));
    }

    @Test
    void theOrganizersAliasListCountsOneOrganizationUnderAnother() throws Exception {
        String slug = forum();
        person(slug, "A", "One", null, "CN", "Alibaba Group");
        person(slug, "B", "Two", null, "CN", "Alibaba Group Holding");
        person(slug, "C", "Three", null, "CN", "alibaba group holding ");
        person(slug, "D", "Four", null, "CN", "Ant Group");
        asOrganizer().body(Map.of("alias", "ALIBABA GROUP HOLDING", "canonical", "Alibaba Group"))
                .put("/api/v1/events/" + slug + "/organization-aliases").then().statusCode(200);
        asOrganizer().get("/api/v1/events/" + slug + "/organization-aliases").then().statusCode(200)
                .body("[0].canonical", is("Alibaba Group"));
        List<CSVRecord> rows = csv("/api/v1/events/" + slug + "/exports/delegates.csv?groupBy=organization");
        CSVRecord alibaba = rows.stream().filter(r -> r.get(0).equals("Alibaba Group — subtotal")).findFirst().orElseThrow();
        assertEquals("3", alibaba.get(1), rows.toString());
        assertEquals(2, rows.stream().filter(r -> r.get(0).endsWith("— subtotal")).count(), rows.toString());
        asOrganizer().delete("/api/v1/events/" + slug + "/organization-aliases?alias=Alibaba Group Holding").then().statusCode(204);
        rows = csv("/api/v1/events/" + slug + "/exports/delegates.csv?groupBy=organization");
        assertEquals(3, rows.stream().filter(r -> r.get(0).endsWith("— subtotal")).count(), rows.toString());
    }

    @Test
    void theWorkbookHoldsTheSameRows() throws Exception {
        String slug = forum();
        person(slug, "Zhaoxing", "Li", "李肇星", "CN", "MFA");
        person(slug, "Ivan", "Petrov", "Иван Петров", "RU", "Rostelecom");
        byte[] xlsx = asOrganizer().get("/api/v1/events/" + slug + "/exports/delegates.xlsx?groupBy=country").then()
                .statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertEquals("Country or region", rows.get(0).getCellText(0));
            assertEquals("Delegates", rows.get(0).getCellText(1));
            assertEquals(6, rows.size(), "header, two groups of one with subtotals, total");
            String text = rows.toString();
            assertTrue(text.contains("李肇星") && text.contains("Иван Петров"), text);
            assertEquals("Total", rows.get(5).getCellText(0));
            assertEquals(2, rows.get(5).getCellAsNumber(1).orElseThrow().intValue());
        }
    }

    @Test
    void attendanceCountsRegisteredAttendedAndNoShowsPerSession() throws Exception {
        String slug = forum();
        String a = person(slug, "A", "One", null, "CN", "X", "TALK");
        String b = person(slug, "B", "Two", null, "RU", "X", "TALK");
        person(slug, "C", "Three", null, "RU", "X", "TALK");
        for (String id : List.of(a, b)) {
            asOrganizer().body(Map.of("registrationId", id, "session", "TALK", "deviceId", "desk", "nonce", unique()))
                    .post("/api/v1/events/" + slug + "/checkin/manual").then().statusCode(200).body("result", is("ACCEPTED"));
        }
        asDoor().body(Map.of("code", "NOT-A-BADGE", "deviceId", "gate-1", "nonce", unique()))
                .post("/api/v1/events/" + slug + "/scans").then().statusCode(200).body("result", is("INVALID_CODE"));
        List<CSVRecord> rows = csv("/api/v1/events/" + slug + "/exports/attendance.csv");
        assertEquals(List.of("Session code", "Session", "Starts", "Room", "Capacity", "Registered", "On the waiting list",
                "Attended", "No-shows", "Inside now", "Most inside at once", "Attendance by country or region",
                "Attendance by delegation"), rows.get(0).toList());
        CSVRecord talk = rows.stream().filter(r -> r.get(0).equals("TALK")).findFirst().orElseThrow();
        assertEquals("3", talk.get(5), "registered");
        assertEquals("2", talk.get(7), "attended");
        assertEquals("1", talk.get(8), "no-shows");
        assertEquals("2", talk.get(10), "peak inside");
        assertTrue(talk.get(11).contains("China 1") && talk.get(11).contains("Russia 1"), talk.get(11));

        List<CSVRecord> scans = csv("/api/v1/events/" + slug + "/exports/scans.csv");
        assertEquals(4, scans.size(), "header and three scans, the refused one too");
        assertTrue(scans.stream().anyMatch(r -> r.get(6).equals("Invalid code") && r.get(2).equals("gate-1")), scans.toString());
        assertEquals(2, scans.stream().filter(r -> r.get(6).equals("Welcome")).filter(r -> r.get(7).equals("yes")).count(),
                "the manual check-ins, accepted");
    }

    @Test
    void exportsAreForOrganizersAndRefuseBadParametersBeforeWritingAnything() {
        String slug = forum();
        given().get("/api/v1/events/" + slug + "/exports/delegates.csv").then().statusCode(401);
        asDoor().get("/api/v1/events/" + slug + "/exports/delegates.csv").then().statusCode(403);
        asOrganizer().get("/api/v1/events/" + slug + "/exports/delegates.csv?groupBy=planet").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("groupBy"));
        asOrganizer().get("/api/v1/events/" + slug + "/exports/delegates.xlsx?category=ASTRONAUT").then().statusCode(400)
                .body("violations[0].field", is("category"));
        asOrganizer().get("/api/v1/events/no-such-event/exports/scans.csv").then().statusCode(404);
    }
}
