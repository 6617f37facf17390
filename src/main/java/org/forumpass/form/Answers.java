package org.forumpass.form;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.event.Category;
import org.forumpass.event.Event;
import org.forumpass.form.FormRecords.FieldDef;
import org.forumpass.registration.AnswerHook;
import org.forumpass.registration.Registration;

/**
 * A delegate's answers to the event's form: checked with the registration's other fields, stored in its
 * transaction. A key sent is set (or cleared when sent empty); a key not sent keeps its answer, so a field
 * removed from the form keeps what was answered to it.
 */
@ApplicationScoped
public class Answers implements AnswerHook {
    static final int MAX_KEYS = 100;

    @Inject
    FormService forms;

    @Override
    public Prepared prepare(Event event, Category category, String country, Map<String, Object> answers, Registration existing,
                            Violations v) {
        return prepare(existing == null ? forms.fieldsForNew(event) : forms.fields(event), category, country, answers, existing, v);
    }

    @Override
    public Preparer preparer(Event event) {
        List<FieldDef> fields = forms.fieldsForNew(event);
        return (category, country, answers, v) -> prepare(fields, category, country, answers, null, v);
    }

    private Prepared prepare(List<FieldDef> fields, Category category, String country, Map<String, Object> answers,
                             Registration existing, Violations v) {
        Map<String, FieldDef> byKey = new LinkedHashMap<>();
        fields.forEach(f -> byKey.put(f.key(), f));
        Map<String, String> kept = new HashMap<>();
        if (existing != null && existing.id != null) {
            RegistrationAnswer.ofRegistration(existing.id).forEach(a -> kept.put(a.key, a.answer));
        }
        Map<String, Object> sent = answers == null ? Map.of() : answers;
        if (sent.size() > MAX_KEYS) {
            v.add("answers", "must not hold more than " + MAX_KEYS + " keys");
            return r -> { };
        }
        Map<String, String> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : sent.entrySet()) {
            String key = e.getKey();
            String field = "answers." + (key != null && key.length() <= 40 ? key : "?");
            FieldDef f = key == null ? null : byKey.get(key);
            if (f == null) {
                v.rule(field, "answer_unknown");
                continue;
            }
            if (AnswerRules.empty(e.getValue())) {
                changes.put(key, null);
                continue;
            }
            String stored = AnswerRules.check(f, e.getValue(), country, field, v);
            if (stored != null) {
                changes.put(key, stored);
            } else if (!v.has(field)) {
                changes.put(key, null); // a value that reads as empty after cleaning
            }
        }
        boolean checkRequired = existing == null || answers != null || existing.category != category;
        if (checkRequired) {
            for (FieldDef f : fields) {
                String field = "answers." + f.key();
                String after = changes.containsKey(f.key()) ? changes.get(f.key()) : kept.get(f.key());
                if (f.requiredFor(category == null ? null : category.name()) && after == null && !v.has(field)) {
                    v.rule(field, "required");
                }
            }
        }
        return r -> save(r, changes, byKey);
    }

    private static void save(Registration r, Map<String, String> changes, Map<String, FieldDef> byKey) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, RegistrationAnswer> rows = new HashMap<>();
        RegistrationAnswer.ofRegistration(r.id).forEach(a -> rows.put(a.key, a));
        for (Map.Entry<String, String> c : changes.entrySet()) {
            RegistrationAnswer row = rows.get(c.getKey());
            if (c.getValue() == null) {
                if (row != null) {
                    row.delete();
                }
                continue;
            }
            if (row == null) {
                row = new RegistrationAnswer();
                row.registrationId = r.id;
                row.key = c.getKey();
            }
            row.type = byKey.get(c.getKey()).type();
            row.answer = c.getValue();
            row.persist();
        }
    }

    @Override
    public Map<String, Object> answersOf(Registration r) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (r.id != null) {
            RegistrationAnswer.ofRegistration(r.id).forEach(a -> out.put(a.key, AnswerRules.read(a.type, a.answer)));
        }
        return out;
    }

    @Override
    @jakarta.transaction.Transactional
    public List<String> keys(Event event) {
        return forms.fields(event).stream().map(FieldDef::key).toList();
    }

    @Override
    @jakarta.transaction.Transactional
    public Map<String, Object> fromText(Event event, Map<String, List<String>> cells) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldDef f : forms.fields(event)) {
            if (cells.containsKey(f.key())) {
                out.put(f.key(), AnswerRules.fromText(f, cells.get(f.key())));
            }
        }
        return out;
    }

    @Override
    public void erase(Registration r) {
        RegistrationAnswer.delete("registrationId", r.id);
    }
}
