package org.forumpass.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forumpass.common.I18n;
import org.forumpass.common.Languages;
import org.forumpass.common.error.DomainException;
import org.forumpass.common.error.Violation;

/**
 * Issue 17: what a delegate reads when a field of the registration form is refused, a sentence a person would write
 * ("Enter your family name"), in the page's language. Texts are {@code form.error.<field>.<code>} (one field's rule)
 * and {@code form.error.<code>} (a rule of any field, naming it by {@code form.label.<field>} or the label given).
 * The rule's code and the field stay as they were: only the message changes.
 */
public final class FormMessages {
    private FormMessages() {
    }

    /**
     * The message of {@code v} in {@code lang}, or null when no text says it. {@code label}: the field's name when the
     * texts have none (an event's own fields), or null.
     */
    public static String text(String lang, Violation v, String label) {
        if (v.code() == null) {
            return null;
        }
        String field = formField(v.field());
        Map<String, Object> args = new LinkedHashMap<>(v.args() == null ? Map.of() : v.args());
        String specific = "form.error." + field + "." + v.code();
        String said;
        if (I18n.has(Languages.DEFAULT, specific)) {
            said = I18n.text(lang, specific, args);
        } else {
            String generic = "form.error." + v.code();
            String name = I18n.has(Languages.DEFAULT, "form.label." + field) ? I18n.text(lang, "form.label." + field)
                    : label == null ? null : I18n.text(lang, "form.error.quoted", Map.of("label", label));
            if (!I18n.has(Languages.DEFAULT, generic) || name == null) {
                return null;
            }
            args.put("label", name);
            said = I18n.text(lang, generic, args);
        }
        return said.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + said.substring(1);
    }

    /** The suggested Latin form a {@code latin} violation carries, or null. */
    public static String suggestion(Violation v) {
        if (!"latin".equals(v.code()) || v.args() == null) {
            return null;
        }
        Object s = v.args().get("suggestion");
        return s == null || s.toString().isBlank() ? null : s.toString();
    }

    /** The same refusal with the API's English messages said as above (with the suggestion, for a Latin name). */
    public static DomainException humane(DomainException e) {
        if (e.violations().isEmpty()) {
            return e;
        }
        List<Violation> said = new ArrayList<>();
        boolean changed = false;
        for (Violation v : e.violations()) {
            String text = text(Languages.DEFAULT, v, null);
            if (text == null) {
                said.add(v);
                continue;
            }
            String s = suggestion(v);
            if (s != null) {
                text += " " + I18n.text(Languages.DEFAULT, "form.error.suggestion", Map.of("suggestion", s));
            }
            said.add(new Violation(v.field(), text, v.code(), v.args()));
            changed = true;
        }
        if (!changed) {
            return e;
        }
        String detail = said.size() == 1 ? said.get(0).field() + ": " + said.get(0).message() : e.getMessage();
        return new DomainException(e.error(), detail, said);
    }

    /** The form field a violation's path names: {@code sessions[1]} is {@code sessions}. */
    public static String formField(String path) {
        return path.startsWith("identity.") || path.startsWith("answers.") ? path : path.replaceAll("[\\[.].*$", "");
    }
}
