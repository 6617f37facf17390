package org.forumpass.registration;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.forumpass.common.RequestValidator.Violations;

/**
 * Issue 17: the given and family names "in Latin letters" (as in a passport). A value with letters of another script
 * is refused, and a Latin form is suggested by ICU transliteration (Han → pinyin without tones, Cyrillic by BGN,
 * Arabic, Thai, the rest by Any-Latin) for the delegate to confirm: it never replaces what they typed.
 * Transliterators load on first use (Han-Latin takes a second or more) and are used under their own lock.
 */
public final class LatinNames {
    /** The longest text transliterated (a native name is at most 200 characters). */
    public static final int MAX_TEXT = 200;
    private static final Map<String, Transliterator> LOADED = new ConcurrentHashMap<>();
    /** Two-character Chinese family names: 欧阳修 is Ouyang Xiu, not Ou Yangxiu. */
    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "司徒",
            "东方", "東方", "皇甫", "慕容", "令狐", "公孙", "公孫", "夏侯", "尉迟", "尉遲", "长孙", "長孫", "宇文", "轩辕", "軒轅",
            "端木", "独孤", "獨孤", "南宫", "南宮", "西门", "西門", "闻人", "聞人", "澹台", "太史", "呼延", "申屠", "万俟", "萬俟");
    /** Family names whose reading differs from the character's most common one. */
    private static final Map<String, String> SURNAME_READINGS = Map.ofEntries(Map.entry("曾", "zeng"), Map.entry("单", "shan"),
            Map.entry("單", "shan"), Map.entry("解", "xie"), Map.entry("区", "ou"), Map.entry("區", "ou"), Map.entry("仇", "qiu"),
            Map.entry("朴", "piao"), Map.entry("查", "zha"), Map.entry("翟", "zhai"), Map.entry("乐", "yue"), Map.entry("樂", "yue"),
            Map.entry("覃", "qin"), Map.entry("缪", "miao"), Map.entry("繆", "miao"), Map.entry("尉迟", "yuchi"),
            Map.entry("尉遲", "yuchi"), Map.entry("万俟", "moqi"), Map.entry("萬俟", "moqi"), Map.entry("长孙", "zhangsun"),
            Map.entry("長孫", "zhangsun"), Map.entry("重", "chong"), Map.entry("盖", "ge"), Map.entry("蓋", "ge"));

    /** A Latin form of a name: the whole, and split into given and family names (either may be empty). */
    public record Suggestion(String latin, String givenName, String familyName, String script) {
    }

    private LatinNames() {
    }

    /** True when every letter is a Latin one (accents and marks allowed: Novák, Đặng, Øster, O'Brien). */
    public static boolean isLatin(String s) {
        if (s == null) {
            return true;
        }
        return s.codePoints().filter(Character::isLetter)
                .allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN);
    }

    /**
     * Adds the rule {@code latin} to a Latin-only name field written in another script, with the value typed and,
     * when there is one, the suggested Latin form ({@code suggestion}) of that part of the name: taken from the native
     * name when given, else from the value itself.
     */
    public static void check(String value, String field, String nativeName, Violations v) {
        if (value == null || value.isBlank() || isLatin(value)) {
            return;
        }
        Suggestion s = suggest(nativeName != null && !nativeName.isBlank() && !isLatin(nativeName) ? nativeName : value);
        String part = s == null ? "" : "familyName".equals(field) ? s.familyName() : s.givenName();
        if (part.isBlank() && s != null && nativeName == null) {
            part = s.latin();
        }
        Map<String, Object> args = new java.util.LinkedHashMap<>();
        args.put("value", value.strip());
        args.put("suggestion", part);
        args.put("example", "familyName".equals(field) ? "Wang" : "Wei");
        v.rule(field, "latin", args);
    }

    /** The Latin form of {@code text}, or null when it has no letters of another script or is too long. */
    public static Suggestion suggest(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT || isLatin(text)) {
            return null;
        }
        String t = Normalizer.normalize(text.strip(), Normalizer.Form.NFC).replaceAll("\\s+", " ");
        Character.UnicodeScript script = mainScript(t);
        boolean eastAsian = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HANGUL;
        List<String> parts = splitDot(t);
        String given;
        String family;
        if (parts.size() > 1) { // 阿依古丽·买买提: given·family
            given = word(latin(String.join(" ", parts.subList(0, parts.size() - 1)), script, true));
            family = word(latin(parts.get(parts.size() - 1), script, true));
        } else if (eastAsian && !t.contains(" ")) {
            String[] split = splitEastAsian(t);
            family = word(SURNAME_READINGS.containsKey(split[0]) ? SURNAME_READINGS.get(split[0]) : latin(split[0], script, true));
            given = word(latin(split[1], script, true));
        } else {
            List<String> words = new ArrayList<>();
            for (String w : t.split(" ")) {
                String l = word(latin(w, script, eastAsian));
                if (!l.isEmpty()) {
                    words.add(l);
                }
            }
            family = words.isEmpty() ? "" : words.get(words.size() - 1);
            given = words.size() < 2 ? "" : String.join(" ", words.subList(0, words.size() - 1));
        }
        String whole = eastAsian ? (family + " " + given).strip() : (given + " " + family).strip();
        if (whole.isEmpty()) {
            return null;
        }
        return new Suggestion(whole, given, family, script.name().charAt(0) + script.name().substring(1).toLowerCase(Locale.ROOT));
    }

    private static List<String> splitDot(String t) {
        List<String> out = new ArrayList<>();
        for (String p : t.split("[·•‧・]")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** Family name first: one character, or two for a compound surname (and never the whole name). */
    private static String[] splitEastAsian(String t) {
        int[] cps = t.codePoints().toArray();
        int n = cps.length >= 3 && COMPOUND_SURNAMES.contains(new String(cps, 0, 2)) ? 2 : 1;
        if (cps.length <= n) {
            return new String[] {t, ""};
        }
        return new String[] {new String(cps, 0, n), new String(cps, n, cps.length - n)};
    }

    /** The script most of the letters are in. */
    static Character.UnicodeScript mainScript(String t) {
        Map<Character.UnicodeScript, Integer> counts = new java.util.EnumMap<>(Character.UnicodeScript.class);
        t.codePoints().filter(Character::isLetter).forEach(cp -> counts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum));
        counts.remove(Character.UnicodeScript.LATIN);
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(Character.UnicodeScript.LATIN);
    }

    /** Lower-case ASCII letters, syllables of East Asian names run together (zhao xing → zhaoxing). */
    private static String latin(String text, Character.UnicodeScript script, boolean join) {
        if (text.isEmpty()) {
            return "";
        }
        String id = switch (script) {
            case HAN -> "Han-Latin";
            case CYRILLIC -> "Russian-Latin/BGN; Any-Latin";
            case ARABIC -> "Arabic-Latin";
            case THAI -> "Thai-Latin";
            default -> "Any-Latin";
        };
        Transliterator t = LOADED.computeIfAbsent(id, Transliterator::getInstance);
        String out;
        synchronized (t) {
            out = t.transliterate(text);
        }
        // ü is yu in Chinese passports (吕 LYU, 女 NYU); other marks go (tones, BGN's dots), then what is not a letter
        String d = Normalizer.normalize(out, Normalizer.Form.NFD);
        if (script == Character.UnicodeScript.HAN) {
            d = d.replace("u\u0308", "yu").replace("U\u0308", "Yu");
        }
        d = d.replaceAll("\\p{M}", "");
        Transliterator ascii = LOADED.computeIfAbsent("Latin-ASCII", Transliterator::getInstance);
        synchronized (ascii) {
            d = ascii.transliterate(d);
        }
        d = d.replaceAll("[^A-Za-z\\s-]", "").toLowerCase(Locale.ROOT);
        return join ? d.replaceAll("\\s+", "") : d.replaceAll("\\s+", " ").strip();
    }

    /** Each part capitalised: ivan → Ivan, jean-luc → Jean-Luc. */
    private static String word(String s) {
        StringBuilder sb = new StringBuilder();
        boolean start = true;
        for (char c : s.strip().toCharArray()) {
            sb.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-';
        }
        return sb.toString();
    }
}
