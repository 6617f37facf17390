package org.forumpass.seed;

import static org.forumpass.Fixtures.anonymous;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.quarkus.test.junit.QuarkusTest;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.forumpass.event.Category;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DelegateGeneratorTest {

    @Test
    void sameSeedGivesTheSameDelegatesAndAnotherSeedOthers() {
        assertEquals(new DelegateGenerator(42).generate(300), new DelegateGenerator(42).generate(300));
        assertNotEquals(new DelegateGenerator(42).generate(50), new DelegateGenerator(43).generate(50));
    }

    @Test
    void delegatesComeFromManyCountriesWithNamesInTheirOwnScripts() {
        List<SyntheticDelegate> all = new DelegateGenerator(7).generate(3000);
        Set<String> countries = all.stream().map(SyntheticDelegate::country).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(countries.containsAll(Set.of("CN", "HU", "CZ", "CU", "LK", "TH", "IR", "JP", "CR", "GB", "KZ", "PK", "EG",
                "RU", "BR")), countries.toString());
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        for (SyntheticDelegate d : all) {
            if (d.nativeName() != null) {
                d.nativeName().codePoints().mapToObj(Character.UnicodeScript::of)
                        .filter(s -> s != Character.UnicodeScript.COMMON && s != Character.UnicodeScript.INHERITED)
                        .forEach(scripts::add);
            }
        }
        assertTrue(scripts.containsAll(EnumSet.of(Character.UnicodeScript.HAN, Character.UnicodeScript.CYRILLIC,
                Character.UnicodeScript.ARABIC, Character.UnicodeScript.THAI, Character.UnicodeScript.SINHALA,
                Character.UnicodeScript.GREEK, Character.UnicodeScript.LATIN)), scripts.toString());
        Set<Category> categories = all.stream().map(SyntheticDelegate::category).collect(Collectors.toSet());
        assertEquals(EnumSet.of(Category.GOVERNMENT, Category.DIPLOMATIC, Category.ACADEMIC, Category.INDUSTRY, Category.MEDIA),
                categories);
    }

    @Test
    void everyDelegateHasAUniqueEmailAValidPhoneAndNormalisedLatinNames() {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        List<SyntheticDelegate> all = new DelegateGenerator(11).generate(5000);
        Set<String> emails = new HashSet<>();
        for (SyntheticDelegate d : all) {
            assertTrue(emails.add(d.email().toLowerCase()), "unique e-mail " + d.email());
            assertTrue(d.email().matches("[a-z0-9.]+@[a-z0-9-]+\\.example"), d.email());
            try {
                assertTrue(phones.isValidNumber(phones.parse(d.phone(), null)), d.country() + " " + d.phone());
            } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                throw new AssertionError(d.phone(), e);
            }
            for (String name : new String[] {d.givenName(), d.familyName(), d.nativeName(), d.organization()}) {
                if (name != null) {
                    assertEquals(Normalizer.normalize(name, Normalizer.Form.NFC), name);
                }
            }
            assertTrue(d.givenName().codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN
                    || Character.UnicodeScript.of(c) == Character.UnicodeScript.COMMON), d.givenName());
        }
    }

    @Test
    void twoHundredGeneratedDelegatesRegisterThroughTheApiAndTheSameImportAgainAddsNone() throws Exception {
        String slug = createEvent(event(slug()));
        List<SyntheticDelegate> all = new DelegateGenerator(2026).generate(200);
        for (SyntheticDelegate d : all.subList(0, 100)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("givenName", d.givenName());
            body.put("familyName", d.familyName());
            body.put("nativeName", d.nativeName());
            body.put("jobTitle", d.jobTitle());
            body.put("organization", d.organization());
            body.put("country", d.country());
            body.put("email", d.email());
            body.put("phone", d.phone());
            body.put("category", d.category());
            body.put("language", d.language());
            body.put("sessions", List.of());
            body.put("consent", true);
            var r = anonymous().body(body).post("/api/v1/events/" + slug + "/registrations");
            assertEquals(201, r.statusCode(), d + " -> " + r.asString());
        }
        StringBuilder csv = new StringBuilder();
        DelegateGenerator.writeCsv(all.subList(100, 200), csv);
        asOrganizer().contentType("text/csv").body(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/events/" + slug + "/registrations/import")
                .then().statusCode(200).body("created", is(100)).body("invalid", is(0));
        asOrganizer().contentType("text/csv").body(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/events/" + slug + "/registrations/import")
                .then().statusCode(200).body("created", is(0)).body("existing", is(100));
        asOrganizer().get("/api/v1/events/" + slug + "/registrations?size=1").then().statusCode(200).body("total", is(200));
    }
}
