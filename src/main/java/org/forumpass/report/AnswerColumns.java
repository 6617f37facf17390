package org.forumpass.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.forumpass.event.Event;
import org.forumpass.form.AnswerRules;
import org.forumpass.form.FormRecords.FieldDef;
import org.forumpass.form.FormService;

/**
 * issue 14: the delegate export's columns for the event's form, one per key, headed by the field's label in the
 * export's language. Each answer is a scalar subquery of the row's select (one indexed read per cell), so the
 * export still streams.
 */
@ApplicationScoped
public class AnswerColumns {
    @Inject
    FormService forms;

    /** The event's fields, read once per export. */
    Columns of(Event event) {
        return new Columns(forms.fields(event));
    }

    record Columns(List<FieldDef> fields) {
        /** Extra select items, each starting with ", "; keys follow the form's key rule, so they are safe to inline. */
        String select() {
            StringBuilder sb = new StringBuilder();
            for (FieldDef f : fields) {
                if (!FormService.KEY.matcher(f.key()).matches()) {
                    throw new IllegalStateException("Bad form key " + f.key());
                }
                sb.append(", (select x.answer from RegistrationAnswer x where x.registrationId = r.id and x.key = '")
                        .append(f.key()).append("')");
            }
            return sb.toString();
        }

        /** The labels in the language; a label two fields share gets its key added. */
        List<String> header(String lang) {
            List<String> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (FieldDef f : fields) {
                String label = f.label(lang);
                out.add(seen.add(label) ? label : label + " (" + f.key() + ")");
            }
            return out;
        }

        List<Object> cells(Object[] row, int from, String lang) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                out.add(AnswerRules.cell(fields.get(i), (String) row[from + i], lang));
            }
            return out;
        }
    }
}
