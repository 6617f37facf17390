package org.forumpass.form;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asDoor;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.forumpass.Fixtures;
import org.junit.jupiter.api.Test;

/** issue 14, item 1: the per-event form through the API. */
@QuarkusTest
public class FormApiTest {

    public static Map<String, Object> text(String en, String zh) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("en", en);
        t.put("zh", zh);
        return t;
    }

    public static Map<String, Object> field(String key, String type, String en, String zh) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("key", key);
        f.put("type", type);
        f.put("label", text(en, zh));
        f.put("help", null);
        f.put("required", false);
        f.put("requiredFor", null);
        f.put("options", null);
        f.put("maxLength", null);
        return f;
    }

    public static Map<String, Object> option(String value, String en, String zh) {
        return Map.of("value", value, "label", text(en, zh));
    }

    /** One field of every type; diet is required for everyone, passport_name for GOVERNMENT only. */
    public static List<Map<String, Object>> everyType() {
        List<Map<String, Object>> fields = new ArrayList<>();
        Map<String, Object> diet = field("diet", "CHOICE", "Dietary needs", "饮食需求");
        diet.put("required", true);
        diet.put("help", text("Tell the caterers", "供餐饮安排"));
        diet.put("options", List.of(option("none", "None", "无"), option("vegetarian", "Vegetarian", "素食"),
                option("halal", "Halal", "清真")));
        fields.add(diet);
        Map<String, Object> topics = field("topics", "MULTI_CHOICE", "Topics", "议题");
        topics.put("options", List.of(option("ai", "AI", "人工智能"), option("5g", "5G", "5G"), option("cloud", "Cloud", "云")));
        fields.add(topics);
        Map<String, Object> passportName = field("passport_name", "TEXT", "Name in passport", "护照姓名");
        passportName.put("requiredFor", List.of("GOVERNMENT"));
        passportName.put("maxLength", 20);
        fields.add(passportName);
        fields.add(field("bio", "LONG_TEXT", "Short biography", "简介"));
        fields.add(field("arrival", "DATE", "Arrival date", "抵达日期"));
        fields.add(field("visa", "BOOLEAN", "Needs a visa letter", "需要签证邀请函"));
        fields.add(field("home", "COUNTRY", "Country of residence", "常住国家"));
        fields.add(field("assistant_email", "EMAIL", "Assistant's e-mail", "助理邮箱"));
        fields.add(field("assistant_phone", "PHONE", "Assistant's phone", "助理电话"));
        return fields;
    }

    public static String eventWithForm(List<Map<String, Object>> fields) {
        String slug = createEvent(event(slug()));
        asOrganizer().body(Map.of("fields", fields)).put("/api/v1/events/" + slug + "/form").then().statusCode(200);
        return slug;
    }

    static Map<String, Object> goodAnswers() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("diet", "vegetarian");
        a.put("topics", List.of("cloud", "ai"));
        a.put("bio", "Engineer.\r\nLikes 5G.");
        a.put("arrival", "2026-05-14");
        a.put("visa", true);
        a.put("home", "cz");
        a.put("assistant_email", " assistant@example.org ");
        a.put("assistant_phone", "+420 601 234 567");
        return a;
    }

    @Test
    void theFormIsPublicToReadAndOrganizersReplaceItAudited() {
        String slug = eventWithForm(everyType());
        given().get("/api/v1/events/" + slug + "/form").then().statusCode(200)
                .body("fields.key", contains("diet", "topics", "passport_name", "bio", "arrival", "visa", "home",
                        "assistant_email", "assistant_phone"))
                .body("fields[0].label.zh", is("饮食需求"))
                .body("fields[0].help.en", is("Tell the caterers"))
                .body("fields[0].required", is(true))
                .body("fields[0].options.value", contains("none", "vegetarian", "halal"))
                .body("fields[2].requiredFor", contains("GOVERNMENT"))
                .body("fields[2].maxLength", is(20))
                .body("fields[3].options", nullValue());
        given().contentType(ContentType.JSON).body(Map.of("fields", List.of()))
                .put("/api/v1/events/" + slug + "/form").then().statusCode(401);
        asDoor().body(Map.of("fields", List.of())).put("/api/v1/events/" + slug + "/form").then().statusCode(403);
        String other = createEvent(event(slug()));
        String outsider = Fixtures.staffToken("organizer", List.of(other));
        given().contentType(ContentType.JSON).auth().oauth2(outsider).body(Map.of("fields", List.of()))
                .put("/api/v1/events/" + slug + "/form").then().statusCode(403);
        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=FORM_CHANGED").then().statusCode(200)
                .body("total", is(1)).body("items[0].detail", is("9 fields: diet, topics, passport_name, bio, arrival, visa, "
                        + "home, assistant_email, assistant_phone"));
        given().get("/api/v1/events/no-such-forum/form").then().statusCode(404);
    }

    @Test
    void aBadDefinitionNamesEveryBadFieldAndChangesNothing() {
        String slug = eventWithForm(everyType());
        Map<String, Object> badKey = field("Bad-Key", "TEXT", "Bad", null);
        Map<String, Object> dup = field("diet", "TEXT", "Again", null);
        Map<String, Object> noOptions = field("size", "CHOICE", "T-shirt size", null);
        Map<String, Object> badCategory = field("note", "TEXT", "Note", null);
        badCategory.put("requiredFor", List.of("ASTRONAUT"));
        Map<String, Object> noEnglish = field("zh_only", "TEXT", null, "仅中文");
        Map<String, Object> badType = field("when", "TIME", "When", null);
        Map<String, Object> keep = field("diet", "TEXT", "Diet", null);
        asOrganizer().body(Map.of("fields", List.of(keep, badKey, dup, noOptions, badCategory, noEnglish, badType)))
                .put("/api/v1/events/" + slug + "/form").then().statusCode(400)
                .body("code", is("request.invalid"))
                .body("violations.field", contains("fields[1].key", "fields[2].key", "fields[3].options",
                        "fields[4].requiredFor", "fields[5].label.en", "fields[6].type"));
        given().get("/api/v1/events/" + slug + "/form").then().statusCode(200).body("fields.size()", is(9));
    }

    @Test
    void everyTypeTakesAGoodAnswerNormalisedAndTheViewShowsIt() {
        String slug = eventWithForm(everyType());
        Map<String, Object> body = delegate(email());
        body.put("answers", goodAnswers());
        Map<String, Object> created = register(slug, body);
        asOrganizer().get("/api/v1/registrations/" + created.get("id")).then().statusCode(200)
                .body("answers.diet", is("vegetarian"))
                .body("answers.topics", contains("ai", "cloud"))
                .body("answers.bio", is("Engineer.\nLikes 5G."))
                .body("answers.arrival", is("2026-05-14"))
                .body("answers.visa", is(true))
                .body("answers.home", is("CZ"))
                .body("answers.assistant_email", is("assistant@example.org"))
                .body("answers.assistant_phone", is("+420601234567"));
    }

    @Test
    void wrongTypesUnknownKeysAndOptionsNotOfferedAreViolationsAndNothingIsStored() {
        String slug = eventWithForm(everyType());
        String mail = email();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("diet", "caviar");
        bad.put("topics", List.of("ai", "blockchain"));
        bad.put("passport_name", "A name much longer than twenty");
        bad.put("bio", 42);
        bad.put("arrival", "14/05/2026");
        bad.put("visa", "maybe");
        bad.put("home", "XX");
        bad.put("assistant_email", "not an address");
        bad.put("assistant_phone", "12");
        bad.put("shoe_size", "44");
        Map<String, Object> body = delegate(mail);
        body.put("answers", bad);
        Fixtures.anonymous().body(body).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .body("code", is("request.invalid"))
                .body("violations.field", contains("answers.arrival", "answers.assistant_email", "answers.assistant_phone",
                        "answers.bio", "answers.diet", "answers.home", "answers.passport_name", "answers.shoe_size",
                        "answers.topics", "answers.visa"))
                .body("violations.find { it.field == 'answers.diet' }.message",
                        is("is not one of the options offered: none, vegetarian, halal"))
                .body("violations.find { it.field == 'answers.shoe_size' }.message", is("is not a field of this event's form"))
                .body("violations.find { it.field == 'answers.visa' }.message", is("must be true or false"));
        // nothing half-stored: the same e-mail registers afterwards
        body.put("answers", goodAnswers());
        register(slug, body);
        // a date that does not exist, a multi-choice sent as text
        Map<String, Object> again = delegate(email());
        again.put("answers", Map.of("diet", "none", "arrival", "2026-02-30", "topics", "ai"));
        Fixtures.anonymous().body(again).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .body("violations.field", contains("answers.arrival", "answers.topics"));
    }

    @Test
    void requiredAnswersAreRequiredForEveryoneOrForTheirCategories() {
        String slug = eventWithForm(everyType());
        Map<String, Object> industry = delegate(email());
        Fixtures.anonymous().body(industry).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .body("violations.field", contains("answers.diet"))
                .body("violations[0].message", is("is required"));
        industry.put("answers", Map.of("diet", "none"));
        register(slug, industry);

        Map<String, Object> government = delegate(email());
        government.put("category", "GOVERNMENT");
        government.put("answers", Map.of("diet", "halal"));
        Fixtures.anonymous().body(government).post("/api/v1/events/" + slug + "/registrations").then().statusCode(400)
                .body("violations.field", contains("answers.passport_name"));
        government.put("answers", Map.of("diet", "halal", "passport_name", "ZHANG WEI"));
        register(slug, government);
    }

    @Test
    void changingTheFormKeepsAnswersAndADelegateUpdateWipesNoneOfThem() {
        String slug = eventWithForm(everyType());
        Map<String, Object> body = delegate(email());
        body.put("answers", goodAnswers());
        Map<String, Object> created = register(slug, body);
        String id = (String) created.get("id");
        String token = (String) created.get("manageToken");

        // the organizer drops every field but diet and adds a new optional one
        Map<String, Object> diet = everyType().get(0);
        asOrganizer().body(Map.of("fields", List.of(diet, field("hotel", "TEXT", "Hotel", "酒店"))))
                .put("/api/v1/events/" + slug + "/form").then().statusCode(200);
        asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200)
                .body("answers.arrival", is("2026-05-14")).body("answers.visa", is(true))
                .body("answers.topics", contains("ai", "cloud"));

        // the delegate changes diet and adds hotel; the removed fields' answers stay
        given().contentType(ContentType.JSON).auth().oauth2(token)
                .body(Map.of("answers", Map.of("diet", "halal", "hotel", "Grand Hyatt")))
                .patch("/api/v1/registrations/" + id).then().statusCode(200)
                .body("answers.diet", is("halal")).body("answers.hotel", is("Grand Hyatt"))
                .body("answers.arrival", is("2026-05-14")).body("answers.home", is("CZ"));
        // a removed field cannot be answered any more, and a required one cannot be cleared
        given().contentType(ContentType.JSON).auth().oauth2(token)
                .body(Map.of("answers", Map.of("arrival", "2026-05-15")))
                .patch("/api/v1/registrations/" + id).then().statusCode(400)
                .body("violations.field", contains("answers.arrival"));
        Map<String, Object> clear = new LinkedHashMap<>();
        clear.put("diet", null);
        given().contentType(ContentType.JSON).auth().oauth2(token).body(Map.of("answers", clear))
                .patch("/api/v1/registrations/" + id).then().statusCode(400)
                .body("violations.field", contains("answers.diet"));
        // an update without answers keeps them all
        given().contentType(ContentType.JSON).auth().oauth2(token).body(Map.of("jobTitle", "Chief Engineer"))
                .patch("/api/v1/registrations/" + id).then().statusCode(200)
                .body("answers.diet", is("halal")).body("answers.hotel", is("Grand Hyatt"));
    }

    @Test
    void organizersSearchByAnswer() {
        String slug = eventWithForm(everyType());
        String veg = email();
        Map<String, Object> a = delegate(veg);
        a.put("answers", goodAnswers());
        register(slug, a);
        Map<String, Object> b = delegate(email());
        b.put("answers", Map.of("diet", "halal", "topics", List.of("5g"), "visa", false));
        register(slug, b);

        asOrganizer().get("/api/v1/events/" + slug + "/registrations?answer.diet=vegetarian").then().statusCode(200)
                .body("total", is(1)).body("items[0].email", is(veg));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?answer.topics=ai").then().statusCode(200)
                .body("total", is(1)).body("items[0].email", is(veg));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?answer.visa=false").then().statusCode(200)
                .body("total", is(1)).body("items[0].answers.diet", is("halal"));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?answer.diet=halal&answer.topics=ai").then()
                .statusCode(200).body("total", is(0));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?answer.diet=kosher").then().statusCode(200)
                .body("total", is(0));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?answer.BadKey=x").then().statusCode(400)
                .body("violations[0].field", is("answer.BadKey"));
    }

    @Test
    void theImportReadsOneColumnPerKey() {
        String slug = eventWithForm(everyType());
        String tag = Fixtures.unique();
        String csv = "givenName,familyName,organization,country,email,category,diet,topics,arrival,visa,passport_name\r\n"
                + "Wei,Zhang,MIIT,CN,wei." + tag + "@gov.example,GOVERNMENT,halal,ai;5g,2026-05-13,yes,ZHANG WEI\r\n"
                + "Ana,Silva,Anatel,BR,ana." + tag + "@example.org,INDUSTRY,caviar,,2026-05-13,no,\r\n"
                + "Li,Na,MIIT,CN,li." + tag + "@gov.example,GOVERNMENT,none,,,,\r\n";
        Map<String, Object> report = asOrganizer().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events/" + slug + "/registrations/import").then().statusCode(200)
                .body("created", is(1)).body("invalid", is(2))
                .body("report[1].errors.field", contains("answers.diet"))
                .body("report[2].errors.field", contains("answers.passport_name"))
                .extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        String id = (String) ((List<Map<String, Object>>) report.get("report")).get(0).get("id");
        asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200)
                .body("answers.diet", is("halal")).body("answers.topics", contains("ai", "5g"))
                .body("answers.visa", is(true)).body("answers.passport_name", is("ZHANG WEI"));
    }

    @Test
    void theExportHasOneColumnPerKeyLabelledInItsLanguage() throws Exception {
        String slug = eventWithForm(everyType());
        Map<String, Object> a = delegate(email());
        a.put("answers", goodAnswers());
        register(slug, a);

        List<CSVRecord> en = csv("/api/v1/events/" + slug + "/exports/delegates.csv?lang=en");
        List<String> header = en.get(0).toList();
        int diet = header.indexOf("Dietary needs");
        assertTrue(diet > 0, "a column labelled Dietary needs: " + header);
        assertEquals(List.of("Dietary needs", "Topics", "Name in passport", "Short biography", "Arrival date",
                "Needs a visa letter", "Country of residence", "Assistant's e-mail", "Assistant's phone", "Country code",
                "Registration ID"), header.subList(diet, header.size()));
        assertEquals(List.of("Vegetarian", "AI; Cloud", "", "Engineer.\nLikes 5G.", "2026-05-14", "yes", "CZ",
                "assistant@example.org", "'+420601234567"), en.get(1).toList().subList(diet, diet + 9));

        List<CSVRecord> zh = csv("/api/v1/events/" + slug + "/exports/delegates.csv?lang=zh");
        List<String> zhHeader = zh.get(0).toList();
        assertTrue(zhHeader.contains("饮食需求") && zhHeader.contains("抵达日期"), "labels in Chinese: " + zhHeader);
        int zhDiet = zhHeader.indexOf("饮食需求");
        assertEquals("素食", zh.get(1).get(zhDiet));
        assertEquals("人工智能; 云", zh.get(1).get(zhDiet + 1));
        assertEquals("是", zh.get(1).get(zhHeader.indexOf("需要签证邀请函")));
        // the export takes the search's answer filters
        List<CSVRecord> halal = csv("/api/v1/events/" + slug + "/exports/delegates.csv?answer.diet=halal");
        assertEquals(List.of("Total", "0"), halal.get(halal.size() - 1).toList());
        List<CSVRecord> vegetarian = csv("/api/v1/events/" + slug + "/exports/delegates.csv?answer.diet=vegetarian");
        assertEquals(List.of("Total", "1"), vegetarian.get(vegetarian.size() - 1).toList());
        asOrganizer().get("/api/v1/audit?event=" + slug + "&action=EXPORT").then().statusCode(200)
                .body("items.action", hasItem("EXPORT"));
    }

    @Test
    void erasureRemovesTheAnswers() {
        String slug = eventWithForm(everyType());
        Map<String, Object> a = delegate(email());
        a.put("answers", goodAnswers());
        String id = (String) register(slug, a).get("id");
        asOrganizer().post("/api/v1/registrations/" + id + "/erase").then().statusCode(200)
                .body("answers.size()", is(0));
    }

    private static List<CSVRecord> csv(String path) throws Exception {
        byte[] body = asOrganizer().get(path).then().statusCode(200).extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }
}
