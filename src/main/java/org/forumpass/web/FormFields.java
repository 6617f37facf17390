package org.forumpass.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forumpass.event.Category;
import org.forumpass.form.AnswerRules;
import org.forumpass.form.FormRecords.FieldDef;
import org.forumpass.form.FormService;
import org.forumpass.web.RegistrationPages.FormState;
import org.forumpass.web.RegistrationPages.Option;

/**
 * issue 14: the event's own fields on the registration and manage pages. Each is named {@code answers.<key>} in
 * the HTML form, so the server's violation {@code answers.<key>} lands beside it.
 */
@ApplicationScoped
public class FormFields {
    static final String PREFIX = "answers.";

    @Inject
    FormService forms;

    /** What a template needs to draw one field in the page's language. */
    public record PageField(String key, String name, String id, String type, String label, String help, boolean required,
                            String requiredFor, List<Option> options, int max) {
    }

    public List<PageField> fields(String slug, String lang) {
        Msg m = Texts.bundle(lang);
        List<PageField> out = new ArrayList<>();
        for (FieldDef f : forms.get(slug).fields()) {
            boolean all = Boolean.TRUE.equals(f.required());
            String forSome = !all && f.requiredFor() != null && !f.requiredFor().isEmpty()
                    ? m.form_required_for(String.join(", ", f.requiredFor().stream()
                            .map(c -> Labels.category(Category.valueOf(c), lang)).toList()))
                    : null;
            List<Option> options = f.options() == null ? List.of()
                    : f.options().stream().map(o -> new Option(o.value(), o.label().in(lang))).toList();
            int max = f.maxLength() != null ? f.maxLength() : f.fieldType().defaultMaxLength();
            out.add(new PageField(f.key(), PREFIX + f.key(), "answer-" + f.key(), f.type(), f.label(lang) + (all ? " *" : ""),
                    f.help() == null ? null : f.help().in(lang), all, forSome, options, max));
        }
        return out;
    }

    /** The answers a posted page sent, as the API takes them (fields of the form only). */
    public Map<String, Object> answers(String slug, FormState state, boolean update) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldDef f : forms.get(slug).fields()) {
            String name = PREFIX + f.key();
            if (!state.sent(name) && !update) {
                continue;
            }
            Object value = AnswerRules.fromText(f, state.values(name));
            if (value != null || update) {
                out.put(f.key(), value);
            }
        }
        return out;
    }

    /** A registration's answers as a page's form values. */
    public static void values(Map<String, Object> answers, Map<String, List<String>> into) {
        if (answers == null) {
            return;
        }
        answers.forEach((k, v) -> into.put(PREFIX + k, v instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(v))));
    }

    /** The fields' labels by form name, to name them in an error summary. */
    public Map<String, String> labels(List<PageField> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach(f -> out.put(f.name(), f.label().replace(" *", "")));
        return out;
    }

    /** Issue 17: the id a summary line links to, for fields whose first input is not {@code answer-<key>}. */
    public Map<String, String> anchors(List<PageField> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        fields.stream().filter(f -> "MULTI_CHOICE".equals(f.type())).forEach(f -> out.put(f.name(), f.id() + "-0"));
        return out;
    }

    /** Answers of fields no longer on the form, as label/value lines (shown read-only). */
    public static List<Option> shown(Map<String, Object> answers, List<PageField> fields, String lang) {
        List<Option> out = new ArrayList<>();
        if (answers == null) {
            return out;
        }
        for (PageField f : fields) {
            Object v = answers.get(f.key());
            if (v == null) {
                continue;
            }
            String text;
            if (v instanceof List<?> l) {
                text = String.join(", ", l.stream().map(x -> optionLabel(f, String.valueOf(x))).toList());
            } else if (v instanceof Boolean b) {
                text = b ? Texts.bundle(lang).form_yes() : Texts.bundle(lang).form_no();
            } else {
                text = optionLabel(f, String.valueOf(v));
            }
            out.add(new Option(f.label().replace(" *", ""), text));
        }
        return out;
    }

    private static String optionLabel(PageField f, String value) {
        return f.options().stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse(value);
    }
}
