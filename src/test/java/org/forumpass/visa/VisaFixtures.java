package org.forumpass.visa;

import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.delegate;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.slug;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Events that issue visa letters, and delegates with passports. */
public final class VisaFixtures {
    private VisaFixtures() {
    }

    public static Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("enabled", true);
        s.put("issuer", Map.of(
                "name", Map.of("en", "Organizing Committee of the Test Forum", "zh", "测试论坛组委会"),
                "address", Map.of("en", "1 Century Avenue\nPudong, Shanghai 200120, China", "zh", "中国上海市浦东新区世纪大道1号"),
                "signatory", "Chen Hua",
                "title", Map.of("en", "Secretary-General", "zh", "秘书长")));
        s.put("purpose", Map.of("en", "To take part in the forum's plenary sessions and panels.", "zh", "参加论坛全体会议和分论坛。"));
        return s;
    }

    /** An event (a month from now) whose letters are enabled, with {@code approvalFor} needing approval; its slug. */
    public static String visaEvent(String... approvalFor) {
        Map<String, Object> e = event(slug());
        e.put("approvalRequiredFor", List.of(approvalFor));
        String slug = createEvent(e);
        asOrganizer().body(settings()).put("/api/v1/events/" + slug + "/visa-letter").then().statusCode(200);
        return slug;
    }

    public static String passportNumber() {
        return "E" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    public static Map<String, Object> passport(String number, String nationality) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("documentType", "PASSPORT");
        p.put("number", number);
        p.put("issuingCountry", nationality);
        p.put("nationality", nationality);
        p.put("expiresOn", LocalDate.now().plusYears(5).toString());
        p.put("dateOfBirth", "1979-04-23");
        return p;
    }

    /** A delegate body with these names and a passport of the nationality (also the delegate's country). */
    public static Map<String, Object> withPassport(String given, String family, String nativeName, String nationality,
                                                   String number) {
        Map<String, Object> d = delegate(email());
        d.put("givenName", given);
        d.put("familyName", family);
        d.put("nativeName", nativeName);
        d.put("country", nationality);
        d.put("phone", null);
        d.put("identity", passport(number, nationality));
        return d;
    }
}
