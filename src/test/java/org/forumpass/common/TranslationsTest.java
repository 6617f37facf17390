package org.forumpass.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.forumpass.checkin.ScanResult;
import org.forumpass.event.Category;
import org.forumpass.event.SessionType;
import org.forumpass.registration.MailKind;
import org.forumpass.registration.RegistrationStatus;
import org.forumpass.registration.SeatStatus;
import org.junit.jupiter.api.Test;

/** Every text exists in every language, using only placeholders the English fills, and every code the server names has its text. */
class TranslationsTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private static Properties bundle(String name, String lang) {
        return I18n.load("messages/" + name + "_" + lang + ".properties");
    }

    @Test
    void everyLanguageHasEveryKeyOfBothBundlesAndNoPlaceholderEnglishLacks() {
        List<String> problems = new ArrayList<>();
        for (String name : List.of("msg", "texts")) {
            Properties en = bundle(name, Languages.DEFAULT);
            assertFalse(en.isEmpty(), name + "_en is empty");
            for (String lang : Languages.SUPPORTED) {
                Properties other = bundle(name, lang);
                Set<String> missing = new TreeSet<>(en.stringPropertyNames());
                missing.removeAll(other.stringPropertyNames());
                Set<String> extra = new TreeSet<>(other.stringPropertyNames());
                extra.removeAll(en.stringPropertyNames());
                if (!missing.isEmpty()) {
                    problems.add(name + "_" + lang + " lacks " + missing);
                }
                if (!extra.isEmpty()) {
                    problems.add(name + "_" + lang + " has keys English lacks: " + extra);
                }
                for (String key : en.stringPropertyNames()) {
                    String t = other.getProperty(key);
                    if (t != null && !placeholders(en.getProperty(key)).containsAll(placeholders(t))) {
                        problems.add(name + "_" + lang + " " + key + " has placeholders " + placeholders(t)
                                + " that English does not fill: " + placeholders(en.getProperty(key)));
                    }
                    if (t != null && t.isBlank()) {
                        problems.add(name + "_" + lang + " " + key + " is blank");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aMissingKeyInOneLanguageIsFound() {
        Properties en = bundle("texts", "en");
        Properties zh = bundle("texts", "zh");
        zh.remove("scan.ACCEPTED");
        Set<String> missing = new TreeSet<>(en.stringPropertyNames());
        missing.removeAll(zh.stringPropertyNames());
        assertEquals(Set.of("scan.ACCEPTED"), missing, "the comparison the test above makes notices one removed key");
    }

    @Test
    void thePageBundleHasATextForEveryMethodAndNoOther() throws Exception {
        Class<?> msg = Class.forName("org.forumpass.web.Msg");
        Set<String> methods = Stream.of(msg.getDeclaredMethods()).map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(methods, new TreeSet<>(bundle("msg", "en").stringPropertyNames()));
    }

    @Test
    void everyEnumThePeopleReadHasItsWordsInEveryLanguage() {
        Map<String, Enum<?>[]> enums = Map.of("category", Category.values(), "session_type", SessionType.values(),
                "status", RegistrationStatus.values(), "seat", SeatStatus.values(), "mail.seat", SeatStatus.values(),
                "scan", ScanResult.values());
        List<String> missing = new ArrayList<>();
        for (String lang : Languages.SUPPORTED) {
            enums.forEach((prefix, values) -> {
                for (Enum<?> v : values) {
                    if (!I18n.has(lang, prefix + "." + v.name())) {
                        missing.add(lang + ": " + prefix + "." + v.name());
                    }
                }
            });
            for (MailKind k : MailKind.values()) {
                for (String part : List.of(".subject", ".lead")) {
                    if (!I18n.has(lang, "mail." + k.name() + part)) {
                        missing.add(lang + ": mail." + k.name() + part);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
        assertEquals("欢迎入场", ScanResult.ACCEPTED.message("zh"));
        assertEquals("The room is full", ScanResult.SESSION_FULL.message("en"));
    }

    @Test
    void everyRuleTheCodeNamesHasItsText() throws IOException {
        Pattern rule = Pattern.compile("\\.rule\\(\\s*[^,]+,\\s*\"(\\w+)\"");
        Pattern coded = Pattern.compile("new Violation\\([^;]*?,\\s*\"(\\w+)\",\\s*Map\\.of");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                for (Pattern p : List.of(rule, coded)) {
                    Matcher m = p.matcher(src);
                    while (m.find()) {
                        codes.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(codes.containsAll(Set.of("required", "email", "phone", "country", "consent", "invitation_used_up")), codes.toString());
        List<String> missing = codes.stream().filter(c -> !I18n.has(Languages.DEFAULT, "violation." + c)).toList();
        assertEquals(List.of(), missing, "rules without a text");
    }

    @Test
    void aLanguageFallsBackOnEnglishAndFillsPlaceholders() {
        assertEquals("Welcome", I18n.text("fr", "scan.ACCEPTED"));
        assertEquals("您已成功报名论坛", I18n.text("zh-CN", "mail.CONFIRMED.subject", Map.of("event", "论坛")));
        assertEquals("no.such.key", I18n.text("en", "no.such.key"));
    }

    @Test
    void noKeyIsWrittenTwiceInOneFile() throws IOException {
        List<String> twice = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/messages"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
                Set<String> seen = new TreeSet<>();
                for (String line : Files.readAllLines(f)) {
                    String l = line.strip();
                    if (l.isEmpty() || l.startsWith("#") || !l.contains("=")) {
                        continue;
                    }
                    String key = l.substring(0, l.indexOf('=')).strip();
                    if (!seen.add(key)) {
                        twice.add(f.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertEquals(List.of(), twice);
    }

    @Test
    void pageScriptsKeepNoTextsOfTheirOwnAndReadThemFromTheBundle() throws Exception {
        Pattern han = Pattern.compile("\\p{IsHan}");
        List<String> withTexts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/META-INF/resources"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js") && !p.toString().contains("/vendor/")).toList()) {
                if (han.matcher(Files.readString(f)).find()) {
                    withTexts.add(f.toString());
                }
            }
        }
        assertEquals(List.of(), withTexts, "scripts with Chinese text of their own instead of the texts bundle");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(I18n.scriptTexts("zh", "door.", "category."));
        assertEquals("登录", json.get("signin").asText());
        assertEquals("政府", json.get("category.GOVERNMENT").asText());
        assertFalse(I18n.scriptTexts("en", "admin.").contains("<"), "a text cannot close the script block");
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
