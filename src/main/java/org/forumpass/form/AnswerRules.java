package org.forumpass.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Text;
import org.forumpass.form.FormRecords.FieldDef;
import org.forumpass.form.FormRecords.OptionDef;
import org.forumpass.registration.DelegateInput;

/** Checks one answer by its field's type and turns it into what is stored (and back). */
public final class AnswerRules {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LINE_BREAKS = Pattern.compile("\r\n?");

    private AnswerRules() {
    }

    /** Whether a sent value means "no answer": null, blank text, an empty list. */
    public static boolean empty(Object raw) {
        return raw == null || (raw instanceof String s && s.isBlank()) || (raw instanceof Collection<?> c && c.isEmpty());
    }

    /** The stored form of a good answer, or null with a violation named {@code field}. */
    public static String check(FieldDef f, Object raw, String country, String field, Violations v) {
        FieldType type = f.fieldType();
        switch (type) {
            case TEXT, LONG_TEXT -> {
                if (!(raw instanceof String s)) {
                    return rule(v, field, "answer_text", Map.of());
                }
                String t = type == FieldType.TEXT ? Text.clean(s) : LINE_BREAKS.matcher(s).replaceAll("\n").strip();
                String withoutBreaks = type == FieldType.LONG_TEXT ? t.replace("\n", "") : t;
                if (Text.hasControlOrInvisible(withoutBreaks)) {
                    return rule(v, field, "control_characters", Map.of());
                }
                int max = f.maxLength() == null ? type.defaultMaxLength() : f.maxLength();
                if (t.codePointCount(0, t.length()) > max) {
                    return rule(v, field, "size", Map.of("min", 0, "max", max));
                }
                return java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFC);
            }
            case CHOICE -> {
                if (!(raw instanceof String s)) {
                    return rule(v, field, "answer_choice", Map.of());
                }
                if (!offered(f).contains(s.strip())) {
                    return rule(v, field, "answer_option", Map.of("values", String.join(", ", offered(f))));
                }
                return s.strip();
            }
            case MULTI_CHOICE -> {
                if (!(raw instanceof List<?> list) || list.stream().anyMatch(o -> !(o instanceof String))) {
                    return rule(v, field, "answer_choices", Map.of());
                }
                Set<String> chosen = new LinkedHashSet<>();
                for (Object o : list) {
                    String s = ((String) o).strip();
                    if (!offered(f).contains(s)) {
                        return rule(v, field, "answer_option", Map.of("values", String.join(", ", offered(f))));
                    }
                    chosen.add(s);
                }
                List<String> inOrder = offered(f).stream().filter(chosen::contains).toList();
                try {
                    return JSON.writeValueAsString(inOrder);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            case DATE -> {
                if (!(raw instanceof String s) || !DATE.matcher(s.strip()).matches()) {
                    return rule(v, field, "date", Map.of());
                }
                try {
                    return LocalDate.parse(s.strip()).toString();
                } catch (DateTimeParseException e) {
                    return rule(v, field, "date", Map.of());
                }
            }
            case BOOLEAN -> {
                if (!(raw instanceof Boolean b)) {
                    return rule(v, field, "answer_boolean", Map.of());
                }
                return b.toString();
            }
            case COUNTRY -> {
                if (!(raw instanceof String s)) {
                    return rule(v, field, "country", Map.of());
                }
                return DelegateInput.country(s, field, v);
            }
            case EMAIL -> {
                if (!(raw instanceof String s)) {
                    return rule(v, field, "email", Map.of());
                }
                return DelegateInput.email(s, field, v);
            }
            case PHONE -> {
                if (!(raw instanceof String s) || s.length() > 32) {
                    return rule(v, field, "phone", Map.of());
                }
                return DelegateInput.phone(s, country, field, v);
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    /** A stored answer as the API shows it: a list for MULTI_CHOICE, a boolean for BOOLEAN, text otherwise. */
    public static Object read(String type, String stored) {
        if ("MULTI_CHOICE".equals(type)) {
            try {
                return List.of(JSON.readValue(stored, String[].class));
            } catch (JsonProcessingException e) {
                return List.of(stored);
            }
        }
        if ("BOOLEAN".equals(type)) {
            return Boolean.valueOf(stored);
        }
        return stored;
    }

    /**
     * What a page or a CSV cell sent, as the API would send it: yes/no words as booleans, a MULTI_CHOICE cell
     * split on ; , or |. Anything else stays text, and the check above names what is wrong with it.
     */
    public static Object fromText(FieldDef f, List<String> texts) {
        List<String> sent = texts == null ? List.of() : texts.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (sent.isEmpty()) {
            return null;
        }
        FieldType type = f.fieldType();
        if (type == FieldType.MULTI_CHOICE) {
            List<String> out = new ArrayList<>();
            for (String s : sent) {
                for (String part : s.split("[;,|]")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
            return out;
        }
        String s = sent.get(0).strip();
        if (type == FieldType.BOOLEAN) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1", "是" -> Boolean.TRUE;
                case "false", "no", "n", "0", "否" -> Boolean.FALSE;
                default -> s;
            };
        }
        return s;
    }

    /** A stored answer as one cell of an export, in the export's language. */
    public static String cell(FieldDef f, String stored, String lang) {
        if (stored == null) {
            return "";
        }
        boolean zh = "zh".equals(lang);
        return switch (f.fieldType()) {
            case CHOICE -> f.optionLabel(stored, lang);
            case MULTI_CHOICE -> String.join(zh ? "、" : "; ", ((List<?>) read("MULTI_CHOICE", stored)).stream()
                    .map(o -> f.optionLabel(String.valueOf(o), lang)).toList());
            case BOOLEAN -> "true".equals(stored) ? (zh ? "是" : "yes") : (zh ? "否" : "no");
            default -> stored;
        };
    }

    private static List<String> offered(FieldDef f) {
        return f.options() == null ? List.of() : f.options().stream().map(OptionDef::value).toList();
    }

    private static String rule(Violations v, String field, String code, Map<String, Object> args) {
        v.rule(field, code, args);
        return null;
    }
}
