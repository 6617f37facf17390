package org.forumpass.web;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.register;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.forumpass.delegation.DelegationRecords.DelegationView;
import org.forumpass.delegation.DelegationService;
import org.junit.jupiter.api.Test;

/**
 * The focal point's page /d/{id} as a browser gets it: the e-mailed link, the places and members in English and
 * Chinese, adding, withdrawing and replacing members through the forms, a member's photo, and that nothing of another
 * delegation can be reached nor the token seen.
 */
@QuarkusTest
class DelegationPagesTest {
    @Inject
    DelegationService delegations;
    @Inject
    DelegationPages pages;
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final String ORG = "Embassy of the Republic of Kazakhstan";

    /** A forum with an open session and one for diplomats, and a delegation (3 GOVERNMENT, 1 DIPLOMATIC): {slug, id, token}. */
    private static Map<String, String> embassy(List<String> photoRequiredFor) {
        String slug = slug();
        Map<String, Object> e = event(slug);
        OffsetDateTime start = OffsetDateTime.parse((String) e.get("startsAt"));
        Map<String, Object> diplo = session("DIPLO", start.plusHours(2));
        diplo.put("restrictedTo", List.of("DIPLOMATIC"));
        e.put("sessions", List.of(session("TALK", start), diplo));
        e.put("photoRequiredFor", photoRequiredFor);
        createEvent(e);
        return delegation(slug, "Embassy of Kazakhstan " + slug);
    }

    private static Map<String, String> delegation(String slug, String name) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("country", "KZ");
        d.put("organization", ORG);
        d.put("focalPoint", Map.of("name", "Aigerim Sadykova", "email", email(), "language", "zh"));
        d.put("quotas", Map.of("GOVERNMENT", 3, "DIPLOMATIC", 1));
        Map<String, Object> created = asOrganizer().body(d).post("/api/v1/events/" + slug + "/delegations").then()
                .statusCode(201).extract().jsonPath().getMap("");
        String url = (String) created.get("focalPointUrl");
        assertTrue(url.endsWith("/d/" + created.get("id") + "?t=" + created.get("focalPointToken")), url);
        return Map.of("slug", slug, "id", (String) created.get("id"), "token", (String) created.get("focalPointToken"));
    }

    /** Opens the e-mailed link as a browser does and answers the cookie it keeps. */
    private static String open(Map<String, String> d) {
        Response link = given().redirects().follow(false).get("/d/" + d.get("id") + "?t=" + d.get("token"));
        link.then().statusCode(303);
        return link.cookie("fp_d_" + d.get("id"));
    }

    /** A browser on the delegation's pages: its cookie, no redirect followed. */
    private static RequestSpecification as(Map<String, String> d, String cookie) {
        return given().redirects().follow(false).cookie("fp_d_" + d.get("id"), cookie);
    }

    private static String page(Map<String, String> d, String cookie, String lang) {
        return as(d, cookie).get("/d/" + d.get("id") + "?lang=" + lang).then().statusCode(200).extract().asString();
    }

    /** What the add form sends for a member: the delegation's country and organization as the form prefills them. */
    private static Map<String, String> member(String category, String given, String family, String nativeName) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("givenName", given);
        f.put("familyName", family);
        f.put("nativeName", nativeName);
        f.put("email", email());
        f.put("phone", "");
        f.put("country", "KZ");
        f.put("organization", ORG);
        f.put("jobTitle", "Counsellor");
        if (category != null) {
            f.put("category", category);
        }
        f.put("language", "en");
        f.put("consent", "true");
        return f;
    }

    /** The API's member body, for members added before a test looks at the page. */
    private static String addByApi(Map<String, String> d, String category) {
        return addByApi(d, category, null);
    }

    private static String addByApi(Map<String, String> d, String category, Map<String, Object> identity) {
        Map<String, Object> m = delegate(email());
        m.put("identity", identity);
        m.remove("country");
        m.remove("organization");
        m.remove("phone");
        m.put("category", category);
        m.put("givenName", "Nurlan");
        m.put("familyName", "Abenov");
        m.put("nativeName", "Нурлан Абенов");
        return given().contentType(ContentType.JSON).auth().oauth2(d.get("token")).body(m)
                .post("/api/v1/delegations/" + d.get("id") + "/members").then().statusCode(201).extract().path("id");
    }

    private static int used(Map<String, String> d, String category) {
        return asOrganizer().get("/api/v1/delegations/" + d.get("id")).then().statusCode(200).extract()
                .path("quotas." + category + ".used");
    }

    /** The text of the element with this id as a reader sees it (tags dropped, spaces collapsed), or "" when there is none. */
    static String text(String html, String id) {
        Matcher m = Pattern.compile("<(\\w+)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        if (!m.find()) {
            return "";
        }
        int end = html.indexOf("</" + m.group(1) + ">", m.end());
        return html.substring(m.end(), end < 0 ? html.length() : end).replaceAll("<[^>]+>", " ")
                .replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
    }

    @Test
    void theLinkKeepsItsTokenInACookieForThisDelegationOnly() {
        Map<String, String> d = embassy(List.of());
        String id = d.get("id");
        Response link = given().redirects().follow(false).get("/d/" + id + "?t=" + d.get("token"));
        link.then().statusCode(303).header("Location", is("/d/" + id)).header("Cache-Control", is("no-store"));
        String setCookie = link.header("Set-Cookie");
        assertTrue(setCookie.startsWith("fp_d_" + id + "=") && setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax")
                && setCookie.contains("Path=/d/" + id + ";"), setCookie);
        assertFalse(setCookie.contains("Secure"), "http in tests: " + setCookie);
        given().redirects().follow(false).get("/d/" + id + "?t=" + d.get("token") + "&lang=zh").then().statusCode(303)
                .header("Location", is("/d/" + id + "?lang=zh"));
        String cookie = link.cookie("fp_d_" + id);
        as(d, cookie).get("/d/" + id).then().statusCode(200).header("Cache-Control", is("no-store"))
                .body(containsString("Embassy of Kazakhstan"));

        // a wrong, absent or foreign token: the "link invalid" page of /r, and no cookie
        for (String bad : List.of("/d/" + id + "?t=" + d.get("token") + "x", "/d/" + id, "/d/nope?t=" + d.get("token"))) {
            Response r = given().redirects().follow(false).get(bad);
            r.then().statusCode(403).body(containsString("This link is not valid"));
            assertEquals(null, r.header("Set-Cookie"), bad);
        }
        given().redirects().follow(false).header("Accept-Language", "zh-CN").get("/d/" + id).then().statusCode(403)
                .body(containsString("此链接无效"));
        String ownToken = (String) register(d.get("slug"), delegate(email())).get("manageToken");
        given().redirects().follow(false).get("/d/" + id + "?t=" + ownToken).then().statusCode(403);

        // the cookie of delegation A opens A only, whatever name it is sent under
        Map<String, String> b = delegation(d.get("slug"), "Ministry of Energy " + d.get("slug"));
        given().redirects().follow(false).cookie("fp_d_" + b.get("id"), cookie).get("/d/" + b.get("id")).then().statusCode(403);
        given().redirects().follow(false).cookie("fp_d_" + id, cookie).get("/d/" + b.get("id")).then().statusCode(403);
        given().redirects().follow(false).contentType(FORM).cookie("fp_d_" + b.get("id"), cookie)
                .formParams(member("GOVERNMENT", "Nurlan", "Abenov", "")).post("/d/" + b.get("id")).then().statusCode(403);
        assertEquals(0, used(b, "GOVERNMENT"));
    }

    @Test
    void thePageListsThePlacesAndTheMembersInEnglishAndChinese() {
        Map<String, String> d = embassy(List.of());
        String memberId = addByApi(d, "GOVERNMENT");
        String cookie = open(d);

        String en = page(d, cookie, "en");
        assertTrue(text(en, "delegation-name").startsWith("Embassy of Kazakhstan t-"), text(en, "delegation-name"));
        assertEquals(ORG + " · Kazakhstan", text(en, "delegation-organization"));
        String when = text(en, "delegation-event");
        assertTrue(when.startsWith("Test Forum " + d.get("slug")) && when.contains("Grand Ballroom, Shanghai"), when);
        assertEquals("Government 1 / 3, 2 left", text(en, "quota-GOVERNMENT"));
        assertEquals("Diplomatic corps 0 / 1, 1 left", text(en, "quota-DIPLOMATIC"));
        String row = text(en, "member-" + memberId);
        assertTrue(row.startsWith("Nurlan Abenov Нурлан Абенов Government Confirmed No photo Issued Replace — Nurlan Abenov Withdraw"), row);
        assertTrue(en.contains("href=\"/d/" + d.get("id") + "/members/" + memberId + "/withdraw?lang=en\""), "the withdraw step");
        assertTrue(en.contains("href=\"/d/" + d.get("id") + "/members/" + memberId + "/replace?lang=en\""), "the replace form");
        assertFalse(en.contains("id=\"withdrawn\""), "nobody withdrawn yet");
        assertFalse(en.contains("Visa letter"), "no letter asked for: no column");

        String zh = page(d, cookie, "zh");
        assertEquals(ORG + " · 哈萨克斯坦", text(zh, "delegation-organization"));
        assertTrue(text(zh, "delegation-event").startsWith("测试论坛"), text(zh, "delegation-event"));
        assertEquals("政府 已用 1 / 3，剩余 2", text(zh, "quota-GOVERNMENT"));
        assertEquals("外交使节 已用 0 / 1，剩余 1", text(zh, "quota-DIPLOMATIC"));
        assertTrue(text(zh, "member-" + memberId).startsWith("Nurlan Abenov Нурлан Абенов 政府 已确认 无照片 已签发"), text(zh, "member-" + memberId));
        assertTrue(zh.contains("<h2 id=\"add-title\">添加成员</h2>"), "the add form in Chinese");
        assertTrue(zh.contains("该成员已阅读隐私声明"), "the consent is worded for a focal point");

        // the add form: the delegation's country and organization, the categories with places left
        assertTrue(en.contains("<option value=\"KZ\" selected>"), "country prefilled");
        assertTrue(en.contains("value=\"" + ORG + "\""), "organization prefilled");
        assertTrue(en.contains("<option value=\"GOVERNMENT\">Government</option>") && en.contains("<option value=\"DIPLOMATIC\">"));
        assertFalse(en.contains("<option value=\"MEDIA\""), "no quota, not offered");
        assertTrue(en.contains("data-restricted=\"DIPLOMATIC\""), "sessions say which category they admit");

        // no token in the page nor in any of its addresses; no inline script, style or handler
        for (String html : List.of(en, zh)) {
            assertFalse(html.contains(d.get("token")), "the token is not in the page");
            Matcher urls = Pattern.compile("(?:href|src|action|data-upload|data-done)=\"([^\"]*)\"").matcher(html);
            while (urls.find()) {
                assertFalse(urls.group(1).matches(".*[?&](amp;)?t=.*"), "a URL with a token: " + urls.group(1));
            }
            assertFalse(html.matches("(?s).*<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>.*"), "inline script");
            assertFalse(html.matches("(?s).*\\son[a-z]+=\".*"), "inline event handler");
            assertFalse(html.matches("(?s).*\\sstyle=\".*"), "inline style");
        }
        as(d, cookie).get("/d/" + d.get("id")).then().header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
    }

    @Test
    void aBadMemberIsRefusedBesideEachFieldAndNothingIsStored() {
        Map<String, String> d = embassy(List.of());
        String cookie = open(d);
        Map<String, String> bad = member("GOVERNMENT", "", "Abenov", "Нурлан Абенов");
        bad.put("email", "nobody");
        bad.remove("consent");
        String html = as(d, cookie).contentType(FORM).formParams(bad).post("/d/" + d.get("id") + "?lang=en").then()
                .statusCode(400).extract().asString();
        assertTrue(html.contains("id=\"givenName-error\">is required"), "beside the given name");
        assertEquals("is not a valid e-mail address", text(html, "email-error"));
        assertEquals("must be given to register", text(html, "consent-error"));
        String summary = text(html, "form-errors");
        int given = summary.indexOf("Given name (Latin letters):");
        int mail = summary.indexOf("E-mail:");
        int consent = summary.indexOf("Consent:");
        assertTrue(given >= 0 && given < mail && mail < consent, "the summary in the form's order: " + summary);
        assertTrue(html.contains("value=\"nobody\""), "what was typed is kept");
        assertTrue(html.contains("value=\"Нурлан Абенов\""), "the native name is kept");
        assertEquals(0, used(d, "GOVERNMENT"), "nothing stored");

        // in Chinese
        String zh = as(d, cookie).contentType(FORM).formParams(bad).post("/d/" + d.get("id") + "?lang=zh").then()
                .statusCode(400).extract().asString();
        assertEquals("电子邮箱地址无效", text(zh, "email-error"));
    }

    @Test
    void addingMembersUsesUpTheQuotaAndTheFormSaysSo() {
        Map<String, String> d = embassy(List.of());
        String cookie = open(d);
        Map<String, String> first = member("DIPLOMATIC", "Nurlan", "Abenov", "Нурлан Абенов");
        Response added = as(d, cookie).contentType(FORM).formParams(first).formParam("sessions", "DIPLO")
                .post("/d/" + d.get("id") + "?lang=en");
        added.then().statusCode(303);
        String location = added.header("Location");
        assertTrue(location.startsWith("/d/" + d.get("id") + "?lang=en&added="), location);
        String memberId = location.substring(location.indexOf("added=") + 6);
        String html = as(d, cookie).get(location).then().statusCode(200).extract().asString();
        assertEquals("Nurlan Abenov is added: Confirmed.", text(html, "notice"));
        assertEquals("Diplomatic corps 1 / 1, 0 left", text(html, "quota-DIPLOMATIC"));
        assertFalse(html.contains("<option value=\"DIPLOMATIC\""), "a category used up is no longer offered");
        asOrganizer().get("/api/v1/registrations/" + memberId).then().statusCode(200)
                .body("source", is("DELEGATION")).body("country", is("KZ")).body("organization", is(ORG))
                .body("delegation.id", is(d.get("id"))).body("sessions[0].code", is("DIPLO"))
                .body("nativeName", is("Нурлан Абенов"));

        // the place used up (another tab, or a form opened before): the message on the category field, translated
        String full = as(d, cookie).contentType(FORM).formParams(member("DIPLOMATIC", "Dana", "Ospanova", ""))
                .post("/d/" + d.get("id") + "?lang=en").then().statusCode(409).extract().asString();
        assertEquals("has no place left: all 1 places of the category Diplomatic corps are taken", text(full, "category-error"));
        assertTrue(text(full, "form-errors").contains("Delegate category: has no place left"), text(full, "form-errors"));
        assertTrue(full.contains("value=\"Ospanova\""), "what was typed is kept");
        String fullZh = as(d, cookie).contentType(FORM).formParams(member("DIPLOMATIC", "Dana", "Ospanova", ""))
                .post("/d/" + d.get("id") + "?lang=zh").then().statusCode(409).extract().asString();
        assertEquals("已无名额：外交使节类别的 1 个名额已全部占用", text(fullZh, "category-error"));
        assertEquals(1, used(d, "DIPLOMATIC"));

        // an e-mail registered already: said beside the e-mail field, and no place taken
        Map<String, String> twice = member("GOVERNMENT", "Nurlan", "Abenov", "");
        twice.put("email", first.get("email"));
        String dup = as(d, cookie).contentType(FORM).formParams(twice).post("/d/" + d.get("id") + "?lang=en").then()
                .statusCode(409).extract().asString();
        assertTrue(text(dup, "email-error").startsWith("is already registered for this forum"), text(dup, "email-error"));
        assertEquals(0, used(d, "GOVERNMENT"));

        // a form from another site's page is refused
        as(d, cookie).contentType(FORM).header("Origin", "https://evil.example").formParams(member("GOVERNMENT", "Eve", "Evil", ""))
                .post("/d/" + d.get("id")).then().statusCode(403);
        assertEquals(0, used(d, "GOVERNMENT"));
    }

    @Test
    void withdrawingGoesThroughAConfirmationAndFreesThePlace() {
        Map<String, String> d = embassy(List.of());
        String memberId = addByApi(d, "DIPLOMATIC");
        String cookie = open(d);
        String path = "/d/" + d.get("id") + "/members/" + memberId + "/withdraw";
        String confirm = as(d, cookie).get(path + "?lang=en").then().statusCode(200).extract().asString();
        assertEquals("Withdraw Nurlan Abenov?", text(confirm, "withdraw-title"));
        assertTrue(text(confirm, "withdraw-text").contains("The place in the category Diplomatic corps becomes free"));
        assertTrue(confirm.contains("action=\"" + path + "?lang=en\""), "the confirming form posts the withdrawal");
        assertTrue(confirm.contains(">Yes, withdraw Nurlan Abenov</button>"));
        assertEquals(1, used(d, "DIPLOMATIC"), "opening the step changes nothing");
        String zh = as(d, cookie).get(path + "?lang=zh").then().statusCode(200).extract().asString();
        assertEquals("撤回 Nurlan Abenov？", text(zh, "withdraw-title"));

        Response done = as(d, cookie).contentType(FORM).post(path + "?lang=en");
        done.then().statusCode(303).header("Location", is("/d/" + d.get("id") + "?lang=en&withdrawn=" + memberId));
        String html = as(d, cookie).get(done.header("Location")).then().statusCode(200).extract().asString();
        assertEquals("Nurlan Abenov is withdrawn; the place is free again.", text(html, "notice"));
        assertEquals("Diplomatic corps 0 / 1, 1 left", text(html, "quota-DIPLOMATIC"));
        assertTrue(html.indexOf("id=\"withdrawn\"") < html.indexOf("id=\"member-" + memberId + "\""), "listed under Withdrawn");
        assertEquals("Nurlan Abenov Нурлан Абенов Diplomatic corps Cancelled", text(html, "member-" + memberId));
        assertFalse(html.contains("id=\"members\""), "no active member left");
        assertTrue(html.contains("<option value=\"DIPLOMATIC\">"), "the category is offered again");
        assertEquals(0, used(d, "DIPLOMATIC"));
        asOrganizer().get("/api/v1/registrations/" + memberId).then().body("status", is("CANCELLED"));
        // the step of a member withdrawn already leads back to the page
        as(d, cookie).get(path).then().statusCode(303).header("Location", is("/d/" + d.get("id")));
    }

    @Test
    void replacingAMemberThroughItsForm() {
        Map<String, String> d = embassy(List.of());
        String oldId = addByApi(d, "GOVERNMENT");
        String cookie = open(d);
        String path = "/d/" + d.get("id") + "/members/" + oldId + "/replace";
        String form = as(d, cookie).get(path + "?lang=en").then().statusCode(200).extract().asString();
        assertEquals("Replace Nurlan Abenov", text(form, "replace-title"));
        assertEquals("Category: Government (the place's)", text(form, "replace-category"));
        assertFalse(form.contains("id=\"category\""), "the category is the place's");
        assertTrue(form.contains("<option value=\"KZ\" selected>"), "the delegation's country");

        Map<String, String> newcomer = member("GOVERNMENT", "Aliya", "Abenova", "Алия Абенова");
        newcomer.remove("category");
        newcomer.remove("consent");
        String refused = as(d, cookie).contentType(FORM).formParams(newcomer).post(path + "?lang=en").then()
                .statusCode(400).extract().asString();
        assertEquals("Replace Nurlan Abenov", text(refused, "replace-title"));
        assertEquals("must be given to register", text(refused, "consent-error"));
        asOrganizer().get("/api/v1/registrations/" + oldId).then().body("status", is("CONFIRMED"));

        newcomer.put("consent", "true");
        Response done = as(d, cookie).contentType(FORM).formParams(newcomer).post(path + "?lang=en");
        done.then().statusCode(303);
        String location = done.header("Location");
        assertTrue(location.startsWith("/d/" + d.get("id") + "?lang=en&replaced="), location);
        String newId = location.substring(location.indexOf("replaced=") + 9);
        String html = as(d, cookie).get(location).then().statusCode(200).extract().asString();
        assertEquals("Aliya Abenova has taken the place: Confirmed.", text(html, "notice"));
        assertTrue(text(html, "member-" + newId).startsWith("Aliya Abenova Алия Абенова Government Confirmed"), text(html, "member-" + newId));
        assertEquals("Nurlan Abenov Нурлан Абенов Government Cancelled", text(html, "member-" + oldId));
        assertTrue(html.indexOf("id=\"member-" + newId + "\"") < html.indexOf("id=\"withdrawn\""), "the new member is active");
        assertTrue(html.indexOf("id=\"withdrawn\"") < html.indexOf("id=\"member-" + oldId + "\""), "the old one withdrawn");
        assertEquals("Government 1 / 3, 2 left", text(html, "quota-GOVERNMENT"));
        asOrganizer().get("/api/v1/registrations/" + newId).then().body("delegation.id", is(d.get("id")))
                .body("category", is("GOVERNMENT")).body("nativeName", is("Алия Абенова"));
        // a replaced member has no replace form any more
        as(d, cookie).get(path).then().statusCode(303);
    }

    @Test
    void anotherDelegationsMemberIsNeverReachedThroughThisPage() {
        Map<String, String> a = embassy(List.of("GOVERNMENT"));
        Map<String, String> b = delegation(a.get("slug"), "Ministry of Energy " + a.get("slug"));
        String bMember = addByApi(b, "GOVERNMENT");
        String outsider = (String) register(a.get("slug"), delegate(email())).get("id");
        String cookie = open(a);
        for (String rid : List.of(bMember, outsider, "nope")) {
            String base = "/d/" + a.get("id") + "/members/" + rid;
            as(a, cookie).get(base + "/withdraw").then().statusCode(404).body(containsString("Not a member of this delegation"));
            as(a, cookie).contentType(FORM).post(base + "/withdraw").then().statusCode(404);
            as(a, cookie).get(base + "/replace").then().statusCode(404);
            as(a, cookie).contentType(FORM).formParams(member("GOVERNMENT", "Eve", "Evil", "")).post(base + "/replace")
                    .then().statusCode(404);
            as(a, cookie).contentType("image/jpeg").body(jpeg()).put(base + "/photo").then().statusCode(404)
                    .body("code", is("delegation.not_member"));
            as(a, cookie).get(base + "/photo").then().statusCode(404).body("code", is("delegation.not_member"));
        }
        asOrganizer().get("/api/v1/registrations/" + bMember).then().body("status", is("PENDING")).body("photo", is((Object) null));
        asOrganizer().get("/api/v1/registrations/" + outsider).then().body("status", is("CONFIRMED"));
        assertEquals(1, used(b, "GOVERNMENT"));
        // nor with B's member path under B with A's cookie
        given().redirects().follow(false).cookie("fp_d_" + b.get("id"), cookie)
                .get("/d/" + b.get("id") + "/members/" + bMember + "/withdraw").then().statusCode(403);
        given().cookie("fp_d_" + b.get("id"), cookie).contentType("image/jpeg").body(jpeg())
                .put("/d/" + b.get("id") + "/members/" + bMember + "/photo").then().statusCode(403).body("code", is("auth.forbidden"));
    }

    @Test
    void theFocalPointSendsAMembersPhotoAndSeesItsReview() {
        Map<String, String> d = embassy(List.of("GOVERNMENT"));
        String memberId = addByApi(d, "GOVERNMENT");
        String other = addByApi(d, "DIPLOMATIC");
        String cookie = open(d);
        String html = page(d, cookie, "en");
        assertTrue(text(html, "member-" + memberId).startsWith("Nurlan Abenov Нурлан Абенов Government Awaiting approval Needed, none yet Upload photo"),
                text(html, "member-" + memberId));
        assertTrue(html.contains("data-upload=\"/d/" + d.get("id") + "/members/" + memberId + "/photo\""), "an upload for the member");
        assertFalse(html.contains("/members/" + other + "/photo"), "no photo asked of a category that needs none");
        assertTrue(text(html, "photo-required").contains("Government"), text(html, "photo-required"));

        String photo = "/d/" + d.get("id") + "/members/" + memberId + "/photo";
        given().contentType("image/jpeg").body(jpeg()).put(photo).then().statusCode(403).body("code", is("auth.forbidden"));
        as(d, cookie).contentType("image/jpeg").header("Origin", "https://evil.example").body(jpeg()).put(photo).then().statusCode(403);
        as(d, cookie).contentType("image/jpeg").body("not a picture".getBytes()).put(photo).then().statusCode(400);
        as(d, cookie).contentType("image/jpeg").body(jpeg()).put(photo).then().statusCode(200)
                .body("photo.status", is("PENDING_REVIEW"));
        as(d, cookie).get(photo + "?size=thumb").then().statusCode(200).contentType("image/jpeg");

        html = as(d, cookie).get("/d/" + d.get("id") + "?lang=en&photo=" + memberId).then().statusCode(200).extract().asString();
        assertEquals("The photo of Nurlan Abenov is sent; it waits for the organizers' review.", text(html, "notice"));
        assertTrue(text(html, "member-" + memberId).contains("Waiting for review by the organizers"), text(html, "member-" + memberId));
        assertTrue(html.contains("src=\"/d/" + d.get("id") + "/members/" + memberId + "/photo?size=thumb\""), "the thumbnail");

        asOrganizer().body(Map.of("reason", "The face is hidden by sunglasses")).post("/api/v1/registrations/" + memberId + "/photo/reject")
                .then().statusCode(200);
        String zh = page(d, cookie, "zh");
        String row = text(zh, "member-" + memberId);
        assertTrue(row.contains("未通过 原因： The face is hidden by sunglasses"), row); // text() puts a space between elements
        assertTrue(zh.contains("data-upload=\"/d/" + d.get("id") + "/members/" + memberId + "/photo\""), "a new photo can be sent");

        as(d, cookie).contentType("image/jpeg").body(jpeg()).put(photo).then().statusCode(200);
        asOrganizer().post("/api/v1/registrations/" + memberId + "/photo/accept").then().statusCode(200);
        html = page(d, cookie, "en");
        assertTrue(text(html, "member-" + memberId).startsWith("Nurlan Abenov Нурлан Абенов Government Confirmed Accepted Issued"),
                text(html, "member-" + memberId));
        assertFalse(html.contains("data-upload=\"/d/" + d.get("id") + "/members/" + memberId + "/photo\""), "an accepted photo stays");
        as(d, cookie).contentType("image/jpeg").body(jpeg()).put(photo).then().statusCode(409).body("code", is("photo.locked"));
    }

    @Test
    void theFocalPointAsksForLettersAndDownloadsThemWithThePagesCookie() throws Exception {
        Map<String, String> d = embassy(List.of());
        String id = d.get("id");
        String cookie = open(d);
        String withPassport = addByApi(d, "GOVERNMENT", org.forumpass.visa.VisaFixtures.passport("N12345678", "KZ"));
        String without = addByApi(d, "DIPLOMATIC");
        assertFalse(page(d, cookie, "en").contains("Visa letter"), "a forum that issues no letters: no column");

        asOrganizer().body(org.forumpass.visa.VisaFixtures.settings()).put("/api/v1/events/" + d.get("slug") + "/visa-letter")
                .then().statusCode(200);
        String en = page(d, cookie, "en");
        assertTrue(en.contains("<th scope=\"col\">Visa letter</th>"), "the column once the forum issues letters");
        assertTrue(en.contains("action=\"/d/" + id + "/members/" + withPassport + "/visa-letter?lang=en\""), "a request button");
        assertTrue(text(en, "member-" + without).contains("A letter needs a passport on file."), text(en, "member-" + without));
        assertFalse(en.contains("/members/" + without + "/visa-letter?"), "no button without a passport");

        String done = as(d, cookie).post("/d/" + id + "/members/" + withPassport + "/visa-letter?lang=en").then().statusCode(303)
                .extract().header("Location");
        assertTrue(done.endsWith("/d/" + id + "?lang=en&letter=" + withPassport), done);
        String asked = as(d, cookie).get("/d/" + id + "?lang=en&letter=" + withPassport).then().statusCode(200).extract().asString();
        assertEquals("The visa letter of Nurlan Abenov is requested; the organizers will issue it.", text(asked, "notice"));
        assertTrue(asked.contains("<span data-state=\"REQUESTED\">Requested</span>"), "the state");
        as(d, cookie).get("/d/" + id + "/members/" + withPassport + "/visa-letter.pdf").then().statusCode(409)
                .body("code", is("visa_letter.not_issued"));

        asOrganizer().post("/api/v1/registrations/" + withPassport + "/visa-letter/approve").then().statusCode(200);
        String zh = page(d, cookie, "zh");
        assertTrue(zh.contains("<span data-state=\"ISSUED\">已签发</span>"), "the state in Chinese");
        assertTrue(zh.contains("href=\"/d/" + id + "/members/" + withPassport + "/visa-letter.pdf\""), "the member's letter");
        assertTrue(zh.contains("href=\"/d/" + id + "/visa-letters.pdf\" id=\"all-letters\""), "every letter in one file");
        byte[] one = as(d, cookie).get("/d/" + id + "/members/" + withPassport + "/visa-letter.pdf").then().statusCode(200)
                .contentType("application/pdf").header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .extract().asByteArray();
        byte[] all = as(d, cookie).get("/d/" + id + "/visa-letters.pdf").then().statusCode(200).extract().asByteArray();
        for (byte[] pdf : List.of(one, all)) {
            try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                assertEquals(1, doc.getNumberOfPages());
                assertTrue(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).contains("N12345678"));
            }
        }

        // nothing of it without the page's cookie, with another delegation's, or for someone not a member
        Map<String, String> other = delegation(d.get("slug"), "Embassy of Uzbekistan " + d.get("slug"));
        String otherCookie = open(other);
        given().get("/d/" + id + "/visa-letters.pdf").then().statusCode(403);
        given().redirects().follow(false).cookie("fp_d_" + id, otherCookie).get("/d/" + id + "/visa-letters.pdf").then().statusCode(403);
        as(other, otherCookie).get("/d/" + other.get("id") + "/members/" + withPassport + "/visa-letter.pdf").then().statusCode(404)
                .body("code", is("delegation.not_member"));
        as(other, otherCookie).post("/d/" + other.get("id") + "/members/" + withPassport + "/visa-letter").then().statusCode(404);
    }

    @Test
    void whenTheForumTakesNoRegistrationsThePageSaysSoAndStillWithdraws() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("registrationOpensAt", OffsetDateTime.now().plusDays(1).toString());
        createEvent(e);
        Map<String, String> d = delegation(slug, "Embassy of Kazakhstan " + slug);
        Map<String, Object> m = delegate(email());
        m.put("category", "GOVERNMENT");
        String memberId = asOrganizer().body(m).post("/api/v1/delegations/" + d.get("id") + "/members").then().statusCode(201)
                .extract().path("id"); // organizers register outside the window
        String cookie = open(d);
        String html = page(d, cookie, "en");
        assertEquals("This forum does not take registrations now: members can no longer be added or replaced.", text(html, "add-closed"));
        assertFalse(html.contains("id=\"registration-form\""), "no add form");
        assertFalse(html.contains("member-replace"), "no replacement");
        assertTrue(html.contains("member-withdraw"), "withdrawing frees a place whenever");
        as(d, cookie).contentType(FORM).formParams(member("GOVERNMENT", "Nurlan", "Abenov", "")).post("/d/" + d.get("id"))
                .then().statusCode(409).body(containsString("id=\"add-closed\""));
        as(d, cookie).contentType(FORM).formParams(member(null, "Aliya", "Abenova", ""))
                .post("/d/" + d.get("id") + "/members/" + memberId + "/replace?lang=en").then().statusCode(409);
        assertEquals(1, used(d, "GOVERNMENT"));
        as(d, cookie).contentType(FORM).post("/d/" + d.get("id") + "/members/" + memberId + "/withdraw").then().statusCode(303);
        assertEquals(0, used(d, "GOVERNMENT"));
    }

    /** A 600×800 face-like JPEG. */
    private static byte[] jpeg() {
        BufferedImage img = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x3a6ea5));
        g.fillRect(0, 0, 600, 800);
        g.setColor(new Color(0xf1c27d));
        g.fillOval(150, 160, 300, 400);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
