package org.forumpass.delegation;

import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.forumpass.Fixtures.unique;
import static org.forumpass.delegation.DelegationApiTest.asFocalPoint;
import static org.forumpass.delegation.DelegationApiTest.delegation;
import static org.forumpass.delegation.DelegationApiTest.member;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
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

/**
 * issue 15, the organizers' side: the delegate search's delegation filter, the CSV import's {@code delegation} column,
 * the exports grouped by delegation (with a delegation column in every delegate export), attendance and live figures
 * by delegation.
 */
@QuarkusTest
class DelegationOrganizerTest {

    /** Creates a delegation in the event and answers {id, token}. */
    static Map<String, String> create(String slug, String name, String country, String organization, Map<String, Integer> quotas) {
        Map<String, Object> body = delegation(name, quotas);
        body.put("country", country);
        body.put("organization", organization);
        Map<String, Object> created = asOrganizer().body(body).post("/api/v1/events/" + slug + "/delegations").then()
                .statusCode(201).extract().jsonPath().getMap("");
        return Map.of("id", (String) created.get("id"), "token", (String) created.get("focalPointToken"));
    }

    /** A member added by the organizer (so the event's registration window does not matter); answers its id. */
    static String add(String delegationId, String category, String familyName) {
        Map<String, Object> m = member(category);
        m.put("familyName", familyName);
        return asOrganizer().body(m).post("/api/v1/delegations/" + delegationId + "/members").then().statusCode(201)
                .extract().path("id");
    }

    static String plain(String slug, String familyName, String country) {
        Map<String, Object> d = delegate(email());
        d.put("familyName", familyName);
        d.put("country", country);
        d.put("phone", null);
        return (String) register(slug, d).get("id");
    }

    private static List<CSVRecord> csv(String path) throws Exception {
        byte[] body = asOrganizer().get(path).then().statusCode(200).contentType("text/csv; charset=UTF-8").extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0));
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }

    private static List<String> column(List<CSVRecord> rows, int i) {
        List<String> out = new ArrayList<>();
        for (CSVRecord r : rows.subList(1, rows.size())) {
            out.add(r.get(i));
        }
        return out;
    }

    // ---- the search -----------------------------------------------------------------------------

    @Test
    void theSearchKeepsOneDelegationsMembersOrThoseOfNone() {
        String slug = createEvent(event(slug()));
        Map<String, String> embassy = create(slug, "Embassy of Kazakhstan", "KZ", "Embassy of the Republic of Kazakhstan",
                Map.of("DIPLOMATIC", 3, "GOVERNMENT", 2));
        Map<String, String> company = create(slug, "Huawei Technologies", "CN", "Huawei Technologies Co., Ltd.", Map.of("INDUSTRY", 5));
        String diplomat = add(embassy.get("id"), "DIPLOMATIC", "Abenov");
        String official = add(embassy.get("id"), "GOVERNMENT", "Bekova");
        String engineer = add(company.get("id"), "INDUSTRY", "Chen");
        String alone = plain(slug, "Dvořák", "CZ");
        String path = "/api/v1/events/" + slug + "/registrations";

        asOrganizer().get(path + "?delegation=" + embassy.get("id")).then().statusCode(200)
                .body("total", is(2)).body("items.id", containsInAnyOrder(diplomat, official))
                .body("items.delegation.name", everyItem(is("Embassy of Kazakhstan")))
                .body("items.country", everyItem(is("KZ")));
        asOrganizer().get(path + "?delegation=" + embassy.get("id") + "&category=GOVERNMENT").then()
                .body("total", is(1)).body("items[0].id", is(official));
        asOrganizer().get(path + "?delegation=" + company.get("id")).then()
                .body("items.id", contains(engineer)).body("items[0].delegation.id", is(company.get("id")));
        asOrganizer().get(path + "?delegation=none").then()
                .body("items.id", contains(alone)).body("items[0].delegation", nullValue());
        asOrganizer().get(path).then().body("total", is(4));

        // a withdrawn member is still found, cancelled
        asOrganizer().delete("/api/v1/delegations/" + embassy.get("id") + "/members/" + official).then().statusCode(200);
        asOrganizer().get(path + "?delegation=" + embassy.get("id") + "&status=CANCELLED").then()
                .body("items.id", contains(official));

        // an id that is no delegation of this event is a bad filter, not an empty list
        String other = createEvent(event(slug()));
        Map<String, String> elsewhere = create(other, "Embassy of Kazakhstan", "KZ", "Embassy", Map.of("DIPLOMATIC", 1));
        asOrganizer().get(path + "?delegation=" + elsewhere.get("id")).then().statusCode(400)
                .body("violations[0].field", is("delegation")).body("violations[0].code", is("delegation_not_found"));
        asOrganizer().get(path + "?delegation=no-such-delegation").then().statusCode(400)
                .body("violations[0].field", is("delegation"));
        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=SEARCH").then()
                .body("items.detail", org.hamcrest.Matchers.hasItem(containsString("delegation=" + embassy.get("id"))));
    }

    // ---- the import -----------------------------------------------------------------------------

    @Test
    void importedRowsJoinTheirDelegationWithinItsQuotaLineByLine() {
        String slug = createEvent(event(slug()));
        String name = "Embassy of the Republic of Kazakhstan in China";
        Map<String, String> embassy = create(slug, name, "KZ", "Embassy of the Republic of Kazakhstan",
                Map.of("DIPLOMATIC", 2, "GOVERNMENT", 1));
        String tag = unique();
        String csv = "givenName,familyName,nativeName,organization,country,email,category,delegation\r\n"
                // 2: the name in other case; country and organization left to the delegation's
                + "Yerlan,Zhaksybekov,Ерлан Жақсыбеков,,,yerlan." + tag + "@example.org,DIPLOMATIC,embassy of the republic of kazakhstan in china\r\n"
                // 3: its own country and organization kept
                + "Dana,Serikbayeva,Дана Серікбаева,Ministry of Foreign Affairs,CN,dana." + tag + "@example.org,DIPLOMATIC," + name + "\r\n"
                // 4: the third diplomat finds the quota used up
                + "Nurlan,Abenov,Нурлан Абенов,,,nurlan." + tag + "@example.org,DIPLOMATIC," + name + "\r\n"
                // 5: no such delegation
                + "Arman,Kassymov,,,,arman." + tag + "@example.org,GOVERNMENT,Embassy of Atlantis\r\n"
                // 6: no delegation: imported as before
                + "Wei,Zhang,张伟,Ministry of Industry and Information Technology,CN,wei." + tag + "@example.org,GOVERNMENT,\r\n"
                // 7: the delegation's one government place
                + "Askar,Tulegenov,Асқар Төлегенов,,,askar." + tag + "@example.org,GOVERNMENT," + name + "\r\n";
        String importPath = "/api/v1/events/" + slug + "/registrations/import";
        List<Map<String, Object>> report = asOrganizer().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post(importPath).then().statusCode(200)
                .body("rows", is(6)).body("created", is(4)).body("existing", is(0)).body("invalid", is(2))
                .body("report.result", contains("CREATED", "CREATED", "INVALID", "INVALID", "CREATED", "CREATED"))
                .body("report[2].line", is(4))
                .body("report[2].errors[0].field", is("delegation"))
                .body("report[2].errors[0].code", is("delegation_full"))
                .body("report[2].errors[0].message", is(name + " has no DIPLOMATIC place left: all 2 are taken"))
                .body("report[3].line", is(5))
                .body("report[3].errors[0].field", is("delegation"))
                .body("report[3].errors[0].message", is("no delegation of this name: Embassy of Atlantis"))
                .extract().jsonPath().getList("report");

        asOrganizer().get("/api/v1/registrations/" + report.get(0).get("id")).then()
                .body("country", is("KZ")).body("organization", is("Embassy of the Republic of Kazakhstan"))
                .body("delegation.id", is(embassy.get("id"))).body("delegation.name", is(name)).body("source", is("IMPORT"));
        asOrganizer().get("/api/v1/registrations/" + report.get(1).get("id")).then()
                .body("country", is("CN")).body("organization", is("Ministry of Foreign Affairs")).body("delegation.name", is(name));
        asOrganizer().get("/api/v1/registrations/" + report.get(4).get("id")).then().body("delegation", nullValue());
        asOrganizer().get("/api/v1/delegations/" + embassy.get("id")).then()
                .body("quotas.DIPLOMATIC.used", is(2)).body("quotas.GOVERNMENT.used", is(1)).body("members.size()", is(3));

        // the same file again: the rows in the delegation exist already (not "over the quota"), nothing is taken twice
        asOrganizer().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post(importPath).then().statusCode(200)
                .body("created", is(0)).body("existing", is(4)).body("invalid", is(2))
                .body("report.result", contains("EXISTS", "EXISTS", "INVALID", "INVALID", "EXISTS", "EXISTS"));
        asOrganizer().get("/api/v1/delegations/" + embassy.get("id")).then()
                .body("quotas.DIPLOMATIC.used", is(2)).body("quotas.GOVERNMENT.used", is(1)).body("members.size()", is(3));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().body("total", is(4));

        // a withdrawn member frees the place a later import takes
        asOrganizer().delete("/api/v1/delegations/" + embassy.get("id") + "/members/" + report.get(0).get("id")).then().statusCode(200);
        String late = "givenName,familyName,email,category,delegation\nNurlan,Abenov,nurlan." + tag + "@example.org,DIPLOMATIC," + name + "\n";
        asOrganizer().contentType("text/csv").body(late.getBytes(StandardCharsets.UTF_8)).post(importPath).then().statusCode(200)
                .body("created", is(1)).body("report[0].status", is("CONFIRMED"));
        asOrganizer().get("/api/v1/delegations/" + embassy.get("id")).then().body("quotas.DIPLOMATIC.used", is(2));
    }

    @Test
    void aRowNamingADelegationIsStillCheckedAsEveryRow() {
        String slug = createEvent(event(slug()));
        create(slug, "Huawei Technologies", "CN", "Huawei Technologies Co., Ltd.", Map.of("INDUSTRY", 5));
        String csv = "givenName,familyName,email,category,delegation\n"
                + "Lei,Wang,not-an-address,INDUSTRY,Huawei Technologies\n"
                + ",Nobody,nobody@example.org,INDUSTRY,Nowhere Ltd\n";
        asOrganizer().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events/" + slug + "/registrations/import").then().statusCode(200)
                .body("invalid", is(2))
                .body("report[0].errors.field", contains("email"))
                .body("report[1].errors.field", containsInAnyOrder("delegation", "givenName"));
        asOrganizer().get("/api/v1/events/" + slug + "/delegations").then().body("[0].placesUsed", is(0));
    }

    // ---- the exports ----------------------------------------------------------------------------

    /** Two delegations (named so that the one made second sorts first) with members, and two delegates of none. */
    private static Map<String, String> groupedForum() {
        String slug = createEvent(event(slug()));
        Map<String, String> zeta = create(slug, "Zeta Embassy", "KZ", "Embassy of Kazakhstan", Map.of("DIPLOMATIC", 3));
        Map<String, String> alpha = create(slug, "alpha Telecom", "CN", "Alpha Telecom Co.", Map.of("INDUSTRY", 5));
        add(zeta.get("id"), "DIPLOMATIC", "Zhaksybekov");
        add(alpha.get("id"), "INDUSTRY", "Wang");
        add(alpha.get("id"), "INDUSTRY", "Chen");
        add(zeta.get("id"), "DIPLOMATIC", "Serikbayeva");
        plain(slug, "Novák", "CZ");
        plain(slug, "Müller", "DE");
        return Map.of("slug", slug, "zeta", zeta.get("id"), "alpha", alpha.get("id"));
    }

    @Test
    void delegatesGroupedByDelegationWithSubtotalsAndThoseOfNoneLast() throws Exception {
        Map<String, String> f = groupedForum();
        String base = "/api/v1/events/" + f.get("slug") + "/exports/delegates.csv";
        List<CSVRecord> en = csv(base + "?groupBy=delegation&lang=en");
        List<String> header = en.get(0).toList();
        assertEquals(List.of("Delegation", "Delegates"), header.subList(0, 2), "the group's column first, then the count's");
        int delegationColumn = header.subList(1, header.size()).indexOf("Delegation") + 1;
        assertTrue(delegationColumn > 0, "and the delegation column of every export: " + header);
        int family = header.indexOf("Family name");
        assertEquals(List.of("alpha Telecom", "alpha Telecom", "alpha Telecom — subtotal", "Zeta Embassy", "Zeta Embassy",
                "Zeta Embassy — subtotal", "No delegation", "No delegation", "No delegation — subtotal", "Total"), column(en, 0));
        assertEquals(List.of("Chen", "Wang"), List.of(en.get(1).get(family), en.get(2).get(family)), "by name within a group");
        assertEquals("2", en.get(3).get(1));
        assertEquals("2", en.get(9).get(1));
        assertEquals("6", en.get(10).get(1));
        assertEquals("alpha Telecom", en.get(1).get(delegationColumn));
        assertEquals("Zeta Embassy", en.get(4).get(delegationColumn));
        assertEquals("", en.get(7).get(delegationColumn), "a delegate of none has an empty delegation cell");

        List<CSVRecord> zh = csv(base + "?groupBy=delegation&lang=zh");
        assertEquals(List.of("alpha Telecom", "alpha Telecom", "alpha Telecom — 小计", "Zeta Embassy", "Zeta Embassy",
                "Zeta Embassy — 小计", "无代表团", "无代表团", "无代表团 — 小计", "总计"), column(zh, 0));

        // every delegate export names the delegation; the export takes the search's delegation filter
        List<CSVRecord> plainExport = csv(base);
        int column = plainExport.get(0).toList().indexOf("Delegation");
        assertTrue(column > 0, plainExport.get(0).toList().toString());
        assertEquals(List.of("alpha Telecom", "", "", "Zeta Embassy", "alpha Telecom", "Zeta Embassy", "6"),
                plainExport.subList(1, plainExport.size()).stream().map(r -> r.size() > column ? r.get(column) : r.get(1)).toList(),
                "rows by family name (Chen, Müller, Novák, Serikbayeva, Wang, Zhaksybekov), then the total's count");
        List<CSVRecord> zetaOnly = csv(base + "?delegation=" + f.get("zeta"));
        assertEquals(List.of("Total", "2"), zetaOnly.get(zetaOnly.size() - 1).toList());
        asOrganizer().get(base + "?delegation=nope").then().statusCode(400).body("violations[0].field", is("delegation"));
    }

    @Test
    void theWorkbookGroupsByDelegationToo() throws Exception {
        Map<String, String> f = groupedForum();
        byte[] xlsx = asOrganizer().get("/api/v1/events/" + f.get("slug") + "/exports/delegates.xlsx?groupBy=delegation&lang=zh")
                .then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertEquals("代表团", rows.get(0).getCellText(0));
            assertEquals(11, rows.size(), "header, six delegates, three subtotals, total");
            assertEquals("无代表团 — 小计", rows.get(9).getCellText(0));
            assertEquals(2, rows.get(9).getCellAsNumber(1).orElseThrow().intValue());
        }
    }

    @Test
    void attendanceAndLiveFiguresByDelegation() throws Exception {
        Map<String, Object> e = event(slug());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        e.put("startsAt", now.minusHours(1).toString());
        e.put("endsAt", now.plusDays(1).toString());
        Map<String, Object> talk = session("TALK", now.minusMinutes(10));
        e.put("sessions", List.of(talk));
        String slug = createEvent(e);
        Map<String, String> embassy = create(slug, "Embassy of Kazakhstan", "KZ", "Embassy", Map.of("DIPLOMATIC", 3));
        Map<String, String> company = create(slug, "Huawei Technologies", "CN", "Huawei", Map.of("INDUSTRY", 3));
        String a = add(embassy.get("id"), "DIPLOMATIC", "Abenov");
        String b = add(embassy.get("id"), "DIPLOMATIC", "Bekova");
        String c = add(company.get("id"), "INDUSTRY", "Chen");
        String d = plain(slug, "Novák", "CZ");
        for (String id : List.of(a, b, c, d)) {
            asOrganizer().body(Map.of("registrationId", id, "session", "TALK", "deviceId", "desk", "nonce", unique()))
                    .post("/api/v1/events/" + slug + "/checkin/manual").then().statusCode(200).body("result", is("ACCEPTED"));
        }
        List<CSVRecord> rows = csv("/api/v1/events/" + slug + "/exports/attendance.csv");
        assertEquals("Attendance by delegation", rows.get(0).get(rows.get(0).size() - 1));
        CSVRecord row = rows.stream().filter(r -> r.get(0).equals("TALK")).findFirst().orElseThrow();
        assertEquals("Embassy of Kazakhstan 2; Huawei Technologies 1", row.get(row.size() - 1));

        asOrganizer().get("/api/v1/events/" + slug + "/stats").then().statusCode(200)
                .body("registrations.byDelegation.name", contains("Embassy of Kazakhstan", "Huawei Technologies"))
                .body("registrations.byDelegation.count", contains(2, 1))
                .body("registrations.byDelegation[0].id", is(embassy.get("id")));
        // a focal point's link does not open the event's figures
        asFocalPoint(embassy.get("token")).get("/api/v1/events/" + slug + "/stats").then().statusCode(org.hamcrest.Matchers.oneOf(401, 403));
    }
}
