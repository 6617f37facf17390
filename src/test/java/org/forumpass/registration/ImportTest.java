package org.forumpass.registration;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.forumpass.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportTest {

    private static String forum() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("sessions", List.of(session("KEYNOTE", OffsetDateTime.parse((String) e.get("startsAt")))));
        e.put("approvalRequiredFor", List.of("GOVERNMENT"));
        return createEvent(e);
    }

    private static byte[] withBom(String csv) {
        byte[] text = csv.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[text.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(text, 0, out, 3, text.length);
        return out;
    }

    @Test
    void importsADelegationListAndReportsEachRow() {
        String slug = forum();
        String tag = Fixtures.unique();
        String csv = "Given name,Family name,Native name,Job title,Organization,Country,E-mail,Phone,Category,Sessions,Language\r\n"
                + "Wei,Zhang,张伟,Deputy Director,Ministry of Industry and Information Technology,CN,wei." + tag + "@gov.example,,GOVERNMENT,KEYNOTE,zh\r\n"
                + "Mohammed,Hassan,محمد حسن,Counsellor,\"Embassy of Egypt, Beijing\",EG,m." + tag + "@embassy.example,+20 100 123 4567,DIPLOMATIC,,en\r\n"
                + "Somchai,Srisuk,สมชาย ศรีสุข,Engineer,Thai Digital Economy Agency,TH,s." + tag + "@agency.example,,INDUSTRY,KEYNOTE;,en\r\n"
                + "Bad,Country,,,Nowhere Institute,XX,bad." + tag + "@example.org,,ACADEMIC,,en\r\n"
                + "Bad,Category,,,Nowhere Institute,CZ,cat." + tag + "@example.org,,ASTRONAUT,,en\r\n";

        asOrganizer().contentType("text/csv").body(withBom(csv)).post("/api/v1/events/" + slug + "/registrations/import")
                .then().statusCode(200)
                .body("rows", is(5)).body("created", is(3)).body("existing", is(0)).body("invalid", is(2))
                .body("report.result", contains("CREATED", "CREATED", "CREATED", "INVALID", "INVALID"))
                .body("report[0].line", is(2))
                .body("report[0].status", is("CONFIRMED"))
                .body("report[3].line", is(5))
                .body("report[3].errors[0].field", is("country"))
                .body("report[4].line", is(6))
                .body("report[4].errors[0].field", is("category"))
                .body("report[4].id", nullValue());

        asOrganizer().get("/api/v1/events/" + slug + "/registrations?size=500").then()
                .body("total", is(3))
                .body("items.nativeName", hasItems("张伟", "محمد حسن", "สมชาย ศรีสุข"))
                .body("items.source", hasItems("IMPORT"));

        // the same file again creates nothing new
        asOrganizer().contentType("text/csv").body(withBom(csv)).post("/api/v1/events/" + slug + "/registrations/import")
                .then().statusCode(200).body("created", is(0)).body("existing", is(3)).body("invalid", is(2));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().body("total", is(3));
    }

    @Test
    void refusesAFileThatIsNotUtf8() {
        String slug = forum();
        byte[] latin1 = "givenName,familyName,organization,country,email,category\nJos\u00e9,N\u00fa\u00f1ez,Org,CU,j@example.org,INDUSTRY\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        asOrganizer().contentType("text/csv").body(latin1).post("/api/v1/events/" + slug + "/registrations/import")
                .then().statusCode(400).contentType("application/problem+json").body("code", is("import.unreadable"));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations").then().body("total", is(0));
    }

    @Test
    void refusesAFileWithoutTheNeededColumns() {
        String slug = forum();
        asOrganizer().contentType("text/csv").body("name,mail\nA,b@example.org\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events/" + slug + "/registrations/import")
                .then().statusCode(400).body("violations[0].field", is("header"));
    }

    @Test
    void onlyOrganizersImport() {
        String slug = forum();
        given().contentType("text/csv").body("x".getBytes()).post("/api/v1/events/" + slug + "/registrations/import")
                .then().statusCode(401);
        Fixtures.asDoor().contentType("text/csv").body("x".getBytes()).post("/api/v1/events/" + slug + "/registrations/import")
                .then().statusCode(403);
    }

    @Test
    void anImportedRowMayCarryAnIdentityDocumentCheckedAsOnThePage() {
        String slug = forum();
        String tag = Fixtures.unique();
        String valid = java.time.LocalDate.now().plusYears(6).toString();
        String csv = "givenName,familyName,organization,country,email,category,documentType,documentNumber,issuingCountry,"
                + "nationality,expiresOn,dateOfBirth\r\n"
                + "Ivan,Petrov,Ministry of Digital Development,RU,ivan." + tag + "@gov.example,GOVERNMENT,passport,75 1234567,RU,RU,"
                + valid + ",1975-03-02\r\n"
                + "Old,Passport,Ministry of Digital Development,RU,old." + tag + "@gov.example,GOVERNMENT,PASSPORT,751234568,RU,RU,"
                + "2020-01-01,1975-03-02\r\n"
                + "No,Document,Embassy of Brazil,BR,none." + tag + "@embassy.example,DIPLOMATIC,,,,,,\r\n";
        var report = asOrganizer().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events/" + slug + "/registrations/import").then().statusCode(200)
                .body("created", is(2)).body("invalid", is(1))
                .body("report.result", contains("CREATED", "INVALID", "CREATED"))
                .body("report[1].errors.field", contains("identity.expiresOn"))
                .extract().jsonPath();
        String ivan = report.getString("report[0].id");
        asOrganizer().get("/api/v1/registrations/" + ivan).then().statusCode(200)
                .body("identity.documentType", is("PASSPORT")).body("identity.number", is("751*****7"))
                .body("identity.nationality", is("RU"));
        asOrganizer().queryParam("documentNumber", "751234567").get("/api/v1/events/" + slug + "/registrations").then()
                .statusCode(200).body("items.id", contains(ivan));
        asOrganizer().queryParam("identity", "missing").get("/api/v1/events/" + slug + "/registrations").then()
                .statusCode(200).body("items.email", contains("none." + tag + "@embassy.example"));
        asOrganizer().queryParam("q", "old." + tag).get("/api/v1/events/" + slug + "/registrations").then()
                .statusCode(200).body("total", is(0));
    }
}
