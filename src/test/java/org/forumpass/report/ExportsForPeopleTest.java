package org.forumpass.report;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: exports for people. Each test downloads the file as an organizer would and reads it back: headers in the
 * export's language, groups in the order of the names shown, subtotals labelled with the count under "Delegates",
 * times in the event's zone, words for categories and statuses, the registration ID last, file names that say what
 * the file is; XLSX with a sheet per group after a summary; phones intact in XLSX while CSV keeps its formula guard.
 */
@QuarkusTest
class ExportsForPeopleTest {
    private static final String PHONE = "+86 10 1234 5678";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Four delegates from Egypt, China (two), Brazil, registered in this order; one is a VIP of rank 2. */
    private record Forum(String slug, String li, String zhang, String ali, String souza) {
    }

    private static Forum forum() {
        Map<String, Object> e = event(slug());
        e.put("timeZone", "Asia/Shanghai");
        String slug = createEvent(e);
        String ali = person(slug, "Mohamed", "Ali", "محمد علي", "EG", "Cairo University", "ACADEMIC");
        String li = person(slug, "Zhaoxing", "Li", "李肇星", "CN", "Ministry of Foreign Affairs", "GOVERNMENT");
        String zhang = person(slug, "Wei", "Zhang", "张伟", "CN", "Huawei", "INDUSTRY");
        String souza = person(slug, "Ana", "Souza", null, "BR", "Anatel", "GOVERNMENT");
        Map<String, Object> protocol = new HashMap<>();
        protocol.put("vip", true);
        protocol.put("rank", 2);
        protocol.put("note", "Front row");
        asOrganizer().body(protocol).put("/api/v1/registrations/" + li + "/protocol").then().statusCode(200);
        return new Forum(slug, li, zhang, ali, souza);
    }

    private static String person(String slug, String given, String family, String nativeName, String country, String org,
                                 String category) {
        Map<String, Object> d = delegate(email());
        d.put("givenName", given);
        d.put("familyName", family);
        d.put("nativeName", nativeName);
        d.put("country", country);
        d.put("organization", org);
        d.put("category", category);
        d.put("phone", PHONE);
        return (String) register(slug, d).get("id");
    }

    private static ExtractableResponse<Response> download(String path) {
        return asOrganizer().get(path).then().statusCode(200).extract();
    }

    private static String fileName(ExtractableResponse<Response> r) {
        String cd = r.header("Content-Disposition");
        assertTrue(cd.startsWith("attachment; filename=\""), cd);
        return cd.substring(cd.indexOf('"') + 1, cd.lastIndexOf('"'));
    }

    private static List<List<String>> csv(ExtractableResponse<Response> r) throws Exception {
        assertEquals("text/csv; charset=UTF-8", r.contentType());
        String text = new String(r.asByteArray(), StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0), "UTF-8 with a byte-order mark");
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord rec : CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords()) {
            rows.add(rec.toList());
        }
        return rows;
    }

    private static List<String> column(List<List<String>> rows, int c) {
        return rows.subList(1, rows.size()).stream().map(r -> r.size() > c ? r.get(c) : "").toList();
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < row.getCellCount(); c++) {
            Cell cell = row.getCell(c);
            out.add(cell == null ? "" : cell.getText());
        }
        return out;
    }

    /** The time a person reads in the export: the registration's time in the event's zone. */
    private static String registeredAt(String id, String zone) {
        String created = asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200).extract().path("createdAt");
        return OffsetDateTime.parse(created).atZoneSameInstant(ZoneId.of(zone)).format(MINUTES);
    }

    private static String storedPhone(String id) {
        return asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200).extract().path("phone");
    }

    @Test
    void delegatesByCountryInEnglishAndChineseReadAsAPersonWouldWriteThem() throws Exception {
        Forum f = forum();
        String base = "/api/v1/events/" + f.slug() + "/exports/delegates.csv?groupBy=country";

        ExtractableResponse<Response> enFile = download(base + "&lang=en");
        assertEquals(f.slug() + "-delegates-by-country-en.csv", fileName(enFile));
        List<List<String>> en = csv(enFile);
        List<String> header = en.get(0);
        assertEquals(List.of("Country or region", "Delegates", "Family name", "Given name", "Name in native script",
                "Country or region", "Organization", "Job title", "Delegation", "Category", "Status", "E-mail", "Phone",
                "Language of e-mails", "Registered through", "Registered at", "VIP", "VIP rank", "Protocol note",
                "Country code", "Registration ID"), header);
        assertEquals(List.of("Brazil", "Brazil — subtotal", "China", "China", "China — subtotal", "Egypt", "Egypt — subtotal",
                "Total"), column(en, 0), "groups sorted by the English name, each closed by its subtotal, then the total");
        assertEquals(List.of("", "1", "", "", "2", "", "1", "4"), column(en, 1), "the counts under Delegates");
        assertEquals(List.of("Li", "Zhang"), List.of(en.get(3).get(2), en.get(4).get(2)), "by family name within a group");
        List<String> li = en.get(3);
        assertEquals("China", li.get(5));
        assertEquals("Government", li.get(header.indexOf("Category")));
        assertEquals("Confirmed", li.get(header.indexOf("Status")));
        assertEquals("English", li.get(header.indexOf("Language of e-mails")));
        assertEquals("Online form", li.get(header.indexOf("Registered through")));
        assertEquals("yes", li.get(header.indexOf("VIP")));
        assertEquals("2", li.get(header.indexOf("VIP rank")));
        assertEquals("CN", li.get(header.indexOf("Country code")));
        assertEquals(registeredAt(f.li(), "Asia/Shanghai"), li.get(header.indexOf("Registered at")));
        assertTrue(li.get(header.indexOf("Registered at")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"), li.toString());
        assertEquals(org.forumpass.common.CsvWriter.neutralise(f.li()), li.get(li.size() - 1), "the registration ID last");
        assertEquals("'" + storedPhone(f.li()), li.get(header.indexOf("Phone")), "the CSV keeps its formula guard");

        ExtractableResponse<Response> zhFile = download(base + "&lang=zh");
        assertEquals(f.slug() + "-delegates-by-country-zh.csv", fileName(zhFile));
        List<List<String>> zh = csv(zhFile);
        List<String> zhHeader = zh.get(0);
        assertEquals(List.of("国家或地区", "代表人数", "姓", "名", "本国文字姓名"), zhHeader.subList(0, 5));
        assertEquals(List.of("类别", "状态"), zhHeader.subList(9, 11));
        assertEquals("登记时间", zhHeader.get(15));
        assertEquals("登记编号", zhHeader.get(zhHeader.size() - 1));
        assertEquals(List.of("埃及", "埃及 — 小计", "巴西", "巴西 — 小计", "中国", "中国", "中国 — 小计", "总计"), column(zh, 0),
                "groups in pinyin order: āi, bā, zhōng");
        assertEquals(List.of("", "1", "", "1", "", "", "2", "4"), column(zh, 1));
        List<String> zhLi = zh.get(5);
        assertEquals("李肇星", zhLi.get(4));
        assertEquals("中国", zhLi.get(5));
        assertEquals("政府", zhLi.get(9));
        assertEquals("已确认", zhLi.get(10));
        assertEquals("英语", zhLi.get(13));
        assertEquals("在线报名", zhLi.get(14));
        assertEquals("是", zhLi.get(16));
        assertEquals(registeredAt(f.li(), "Asia/Shanghai"), zhLi.get(15));
        assertEquals(org.forumpass.common.CsvWriter.neutralise(f.li()), zhLi.get(zhLi.size() - 1));
    }

    @Test
    void withoutGroupingTheListGoesByFamilyNameAndEndsWithItsTotal() throws Exception {
        Forum f = forum();
        ExtractableResponse<Response> r = download("/api/v1/events/" + f.slug() + "/exports/delegates.csv?lang=en");
        assertEquals(f.slug() + "-delegates-en.csv", fileName(r));
        List<List<String>> rows = csv(r);
        assertEquals("Family name", rows.get(0).get(0));
        assertEquals("Registration ID", rows.get(0).get(rows.get(0).size() - 1));
        assertEquals(List.of("Ali", "Li", "Souza", "Zhang", "Total"), column(rows, 0));
        assertEquals(List.of("Total", "4"), rows.get(rows.size() - 1));
    }

    @Test
    void theWorkbookGivesEachGroupASheetAfterASummaryAndKeepsPhonesAndNumbersIntact() throws Exception {
        Forum f = forum();
        String base = "/api/v1/events/" + f.slug() + "/exports/delegates.xlsx?groupBy=country&sheets=group";
        String phone = storedPhone(f.li());

        ExtractableResponse<Response> enFile = download(base + "&lang=en");
        assertEquals(f.slug() + "-delegates-by-country-en.xlsx", fileName(enFile));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(enFile.asByteArray()))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertEquals(List.of("Summary", "Brazil", "China", "Egypt"), sheets.stream().map(Sheet::getName).toList());
            List<Row> summary = sheets.get(0).read();
            assertEquals("Test Forum " + f.slug(), summary.get(0).getCellText(0));
            assertEquals("Delegates by country or region", summary.get(1).getCellText(0));
            assertEquals("Times are local time in Asia/Shanghai.", summary.get(2).getCellText(0));
            int head = 0;
            while (!"Country or region".equals(summary.get(head).getCellText(0))) {
                head++;
            }
            assertEquals(List.of("Country or region", "Delegates", "Sheet"), texts(summary.get(head)));
            assertEquals(List.of("Brazil", "1", "Brazil"), texts(summary.get(head + 1)));
            assertEquals(List.of("China", "2", "China"), texts(summary.get(head + 2)));
            assertEquals(List.of("Egypt", "1", "Egypt"), texts(summary.get(head + 3)));
            assertEquals(List.of("Total", "4"), texts(summary.get(head + 4)));
            assertEquals(CellType.NUMBER, summary.get(head + 4).getCell(1).getType(), "totals are numbers");
            assertEquals(head + 5, summary.size());

            List<Row> china = sheets.get(2).read();
            List<String> header = texts(china.get(0));
            assertEquals(List.of("Country or region", "Delegates", "Family name", "Given name"), header.subList(0, 4));
            assertEquals("Registration ID", header.get(header.size() - 1));
            assertEquals(4, china.size(), "header, two delegates, the subtotal");
            assertEquals(List.of("Li", "Zhang"), List.of(china.get(1).getCellText(2), china.get(2).getCellText(2)));
            assertEquals("China — subtotal", china.get(3).getCellText(0));
            assertEquals(2, china.get(3).getCellAsNumber(1).orElseThrow().intValue());
            Row li = china.get(1);
            Cell phoneCell = li.getCell(header.indexOf("Phone"));
            assertEquals(CellType.STRING, phoneCell.getType(), "a phone is a text cell");
            assertEquals(phone, phoneCell.getText(), "no formula guard needed in a text cell: the number as typed");
            assertTrue(phone.startsWith("+86") && phone.replaceAll("\\D", "").endsWith("1012345678"), phone);
            Cell rank = li.getCell(header.indexOf("VIP rank"));
            assertEquals(CellType.NUMBER, rank.getType());
            assertEquals(2, rank.asNumber().intValue());
            assertEquals(f.li(), li.getCellText(header.size() - 1), "the registration ID as it is, last");
            assertEquals(registeredAt(f.li(), "Asia/Shanghai"), li.getCellText(header.indexOf("Registered at")));
        }

        ExtractableResponse<Response> zhFile = download(base + "&lang=zh");
        assertEquals(f.slug() + "-delegates-by-country-zh.xlsx", fileName(zhFile));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(zhFile.asByteArray()))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertEquals(List.of("汇总", "埃及", "巴西", "中国"), sheets.stream().map(Sheet::getName).toList());
            List<Row> summary = sheets.get(0).read();
            assertEquals("测试论坛", summary.get(0).getCellText(0));
            assertEquals("代表名单（按国家或地区）", summary.get(1).getCellText(0));
            int head = 0;
            while (!"国家或地区".equals(summary.get(head).getCellText(0))) {
                head++;
            }
            assertEquals(List.of("国家或地区", "代表人数", "工作表"), texts(summary.get(head)));
            assertEquals(List.of("埃及", "巴西", "中国", "总计"), List.of(summary.get(head + 1).getCellText(0),
                    summary.get(head + 2).getCellText(0), summary.get(head + 3).getCellText(0), summary.get(head + 4).getCellText(0)));
            assertEquals(4, summary.get(head + 4).getCellAsNumber(1).orElseThrow().intValue());
            List<Row> china = sheets.get(3).read();
            assertEquals("中国 — 小计", china.get(china.size() - 1).getCellText(0));
            assertEquals("政府", china.get(1).getCellText(texts(china.get(0)).indexOf("类别")));
            assertEquals(phone, china.get(1).getCellText(texts(china.get(0)).indexOf("电话")));
        }

        // one sheet (the default): the groups, the subtotals and the total, as in the CSV
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(download(
                "/api/v1/events/" + f.slug() + "/exports/delegates.xlsx?groupBy=country&lang=zh").asByteArray()))) {
            assertEquals(List.of("代表名单"), wb.getSheets().map(Sheet::getName).toList());
            List<Row> rows = wb.getFirstSheet().read();
            assertEquals(9, rows.size(), "header, four delegates, three subtotals, the total");
            assertEquals("总计", rows.get(8).getCellText(0));
            assertEquals(4, rows.get(8).getCellAsNumber(1).orElseThrow().intValue());
            assertNull(rows.get(1).getCell(1), "a delegate's row leaves the Delegates column empty");
        }
    }

    @Test
    void organizationsGroupAfterAliasFoldingInPinyinOrderWithSafeSheetNames() throws Exception {
        String slug = createEvent(event(slug()));
        String longA = "Ministry of Industry and Information Technology of the PRC";
        String longB = "Ministry of Industry and Information Technology, Beijing";
        for (String org : List.of("阿里巴巴集团", "阿里巴巴集团控股", "中兴通讯", "华为", "华为 ", "R&D: Lab [A]/B?", longA, longB)) {
            person(slug, "Wei", "Wang", null, "CN", org, "INDUSTRY");
        }
        asOrganizer().body(Map.of("alias", "阿里巴巴集团控股", "canonical", "阿里巴巴集团"))
                .put("/api/v1/events/" + slug + "/organization-aliases").then().statusCode(200);

        List<List<String>> zh = csv(download("/api/v1/events/" + slug + "/exports/delegates.csv?groupBy=organization&lang=zh"));
        assertEquals("单位", zh.get(0).get(0));
        List<String> subtotals = column(zh, 0).stream().filter(s -> s.endsWith(" — 小计")).toList();
        assertEquals(List.of("阿里巴巴集团 — 小计", "华为 — 小计", "中兴通讯 — 小计", longA + " — 小计", longB + " — 小计",
                "R&D: Lab [A]/B? — 小计"), subtotals, "Chinese names by pinyin (ā, huá, zhōng), then Latin ones, as Chinese sorts them");
        Map<String, String> counts = new LinkedHashMap<>();
        zh.stream().filter(r -> r.get(0).endsWith(" — 小计")).forEach(r -> counts.put(r.get(0), r.get(1)));
        assertEquals("2", counts.get("阿里巴巴集团 — 小计"), "the alias counts under its organization");
        assertEquals("2", counts.get("华为 — 小计"), "the same name written twice is one group");

        ExtractableResponse<Response> xlsx = download("/api/v1/events/" + slug
                + "/exports/delegates.xlsx?groupBy=organization&lang=en&sheets=group");
        assertEquals(slug + "-delegates-by-organization-en.xlsx", fileName(xlsx));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            List<String> names = wb.getSheets().map(Sheet::getName).toList();
            assertEquals(7, names.size(), "the summary and six groups: " + names);
            Set<String> seen = new HashSet<>();
            for (String name : names) {
                assertTrue(name.length() <= 31 && !name.matches(".*[\\[\\]:*?/\\\\].*"), name);
                assertTrue(seen.add(name.toLowerCase()), "unique: " + names);
            }
            assertEquals(List.of("Summary", "Ministry of Industry and Inform", "Ministry of Industry and In (2)", "R&D Lab A B"),
                    names.subList(0, 4));
            List<Row> summary = wb.getFirstSheet().read();
            Map<String, String> sheetOf = new HashMap<>();
            for (Row row : summary) {
                if (row.getCellCount() >= 3 && row.getCell(2) != null) {
                    sheetOf.put(row.getCellText(0), row.getCellText(2));
                }
            }
            assertEquals("Ministry of Industry and In (2)", sheetOf.get(longB), "the summary names each group's sheet");
            assertEquals("R&D Lab A B", sheetOf.get("R&D: Lab [A]/B?"));
        }
    }

    @Test
    void aSheetPerGroupNeedsAGrouping() {
        String slug = createEvent(event(slug()));
        String base = "/api/v1/events/" + slug + "/exports/delegates.xlsx";
        asOrganizer().get(base + "?sheets=group").then().statusCode(400).body("violations[0].field", is("sheets"));
        asOrganizer().get(base + "?groupBy=country&sheets=tabs").then().statusCode(400).body("violations[0].field", is("sheets"));
        asOrganizer().get(base + "?groupBy=country&sheets=one").then().statusCode(200);
    }

    @Test
    void attendanceAndTheScanLogSpeakTheLanguageAndTheEventsTime() throws Exception {
        Map<String, Object> e = event(slug());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        e.put("startsAt", now.minusHours(1).toString());
        e.put("endsAt", now.plusDays(1).toString());
        e.put("timeZone", "Asia/Shanghai");
        Map<String, Object> talk = session("TALK", now.minusMinutes(10));
        talk.put("title", "Digital Silk Road");
        e.put("sessions", List.of(talk));
        String slug = createEvent(e);
        String li = person(slug, "Zhaoxing", "Li", "李肇星", "CN", "MFA", "GOVERNMENT");
        asOrganizer().body(Map.of("registrationId", li, "session", "TALK", "deviceId", "desk", "nonce", unique()))
                .post("/api/v1/events/" + slug + "/checkin/manual").then().statusCode(200).body("result", is("ACCEPTED"));
        asDoor().body(Map.of("code", "NOT-A-BADGE", "deviceId", "gate-1", "nonce", unique()))
                .post("/api/v1/events/" + slug + "/scans").then().statusCode(200).body("result", is("INVALID_CODE"));
        String talkStarts = now.minusMinutes(10).atZoneSameInstant(ZoneId.of("Asia/Shanghai")).format(MINUTES);

        ExtractableResponse<Response> enFile = download("/api/v1/events/" + slug + "/exports/attendance.csv?lang=en");
        assertEquals(slug + "-attendance-en.csv", fileName(enFile));
        List<List<String>> en = csv(enFile);
        assertEquals(List.of("Session code", "Session", "Starts", "Room", "Capacity", "Registered", "On the waiting list",
                "Attended", "No-shows", "Inside now", "Most inside at once", "Attendance by country or region",
                "Attendance by delegation"), en.get(0));
        List<String> row = en.stream().filter(r -> r.get(0).equals("TALK")).findFirst().orElseThrow();
        assertEquals(List.of("TALK", "Digital Silk Road", talkStarts), row.subList(0, 3));
        assertEquals("China 1", row.get(11));
        assertEquals("Venue entrance", en.get(1).get(1));

        ExtractableResponse<Response> zhFile = download("/api/v1/events/" + slug + "/exports/attendance.xlsx?lang=zh");
        assertEquals(slug + "-attendance-zh.xlsx", fileName(zhFile));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(zhFile.asByteArray()))) {
            assertEquals("出席情况", wb.getFirstSheet().getName());
            List<Row> rows = wb.getFirstSheet().read();
            assertEquals(List.of("场次代码", "场次", "开始时间", "会场"), texts(rows.get(0)).subList(0, 4));
            Row t = rows.stream().filter(r -> "TALK".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertEquals(talkStarts, t.getCellText(2));
            assertEquals("中国 1", t.getCellText(11));
            assertEquals(1, t.getCellAsNumber(7).orElseThrow().intValue(), "attended, a number");
        }
        // the console sends its language as Accept-Language: without lang, the export follows it
        ExtractableResponse<Response> byHeader = asOrganizer().header("Accept-Language", "zh-CN,zh;q=0.9")
                .get("/api/v1/events/" + slug + "/exports/attendance.csv").then().statusCode(200).extract();
        assertEquals(slug + "-attendance-zh.csv", fileName(byHeader));
        assertEquals("场次代码", csv(byHeader).get(0).get(0));

        ExtractableResponse<Response> scansFile = download("/api/v1/events/" + slug + "/exports/scans.csv?lang=en");
        assertEquals(slug + "-scans-en.csv", fileName(scansFile));
        List<List<String>> scans = csv(scansFile);
        assertEquals(List.of("Received by the server", "Scanned", "Device", "Staff", "Session", "Direction", "Result",
                "Manual check-in", "Family name", "Given name", "Start of the code", "Scan reference", "Registration ID"), scans.get(0));
        List<String> manual = scans.stream().filter(r -> r.get(6).equals("Welcome")).findFirst().orElseThrow();
        assertEquals(List.of("TALK", "In", "Welcome", "yes", "Li", "Zhaoxing"), manual.subList(4, 10));
        assertTrue(manual.get(0).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"), manual.get(0));
        List<String> refused = scans.stream().filter(r -> r.get(2).equals("gate-1")).findFirst().orElseThrow();
        assertEquals(List.of("Venue entrance", "In", "Invalid code", "no"), refused.subList(4, 8));
        List<List<String>> zhScans = csv(download("/api/v1/events/" + slug + "/exports/scans.csv?lang=zh"));
        assertEquals("服务器接收时间", zhScans.get(0).get(0));
        assertFalse(zhScans.stream().anyMatch(r -> r.contains("ACCEPTED") || r.contains("INVALID_CODE")), "verdicts as words");
    }
}
