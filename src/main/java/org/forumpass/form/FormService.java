package org.forumpass.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Text;
import org.forumpass.event.Category;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;
import org.forumpass.form.FormRecords.FieldDef;
import org.forumpass.form.FormRecords.FormDefinition;
import org.forumpass.form.FormRecords.LocalText;
import org.forumpass.form.FormRecords.OptionDef;

/** An event's form: read it, and replace it whole after checking every field (nothing is stored when one is bad). */
@ApplicationScoped
public class FormService {
    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Pattern OPTION_VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
    static final int MAX_FIELDS = 50;
    static final int MAX_OPTIONS = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<OptionDef>> OPTIONS = new TypeReference<>() {
    };

    @Inject
    EventService events;

    @Transactional
    public FormDefinition get(String slug) {
        return new FormDefinition(fields(events.require(slug)));
    }

    /** The event's fields in order. */
    public List<FieldDef> fields(Event event) {
        return FormField.ofEvent(event.id).stream().map(FormService::toDef).toList();
    }

    /** How long a replica keeps an event's fields for new registrations (issue 18): a form change elsewhere shows within it. */
    static final long FIELDS_FOR_NEW_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private record Held(List<FieldDef> fields, long readAt) {
    }

    private final java.util.concurrent.ConcurrentHashMap<Long, Held> held = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The event's fields for a new registration during a rush (issue 18): read at most once a second per event and
     * replica. A change of the form shows on this replica at once (but for a registration that read the old fields
     * while the change was being committed) and on every replica within a second: such a registration is checked
     * as if it had come a second earlier. Never used for a decision about places.
     */
    public List<FieldDef> fieldsForNew(Event event) {
        long now = System.nanoTime();
        Held h = held.get(event.id);
        if (h == null || now - h.readAt() > FIELDS_FOR_NEW_NANOS) {
            h = new Held(fields(event), now);
            held.put(event.id, h);
        }
        return h.fields();
    }

    @Transactional
    public FormDefinition put(String slug, FormDefinition body) {
        Event event = events.require(slug);
        List<FieldDef> clean = check(body);
        FormField.delete("eventId", event.id);
        FormField.flush();
        held.remove(event.id);
        int position = 0;
        for (FieldDef f : clean) {
            FormField row = new FormField();
            row.eventId = event.id;
            row.position = position++;
            row.key = f.key();
            row.type = f.type();
            row.labelEn = f.label().en();
            row.labelZh = f.label().zh();
            row.helpEn = f.help() == null ? null : f.help().en();
            row.helpZh = f.help() == null ? null : f.help().zh();
            row.required = Boolean.TRUE.equals(f.required());
            row.requiredFor = f.requiredFor() == null || f.requiredFor().isEmpty() ? null : String.join(",", f.requiredFor());
            row.options = f.options() == null ? null : json(f.options());
            row.maxLength = f.maxLength();
            row.persist();
        }
        held.remove(event.id); // again: a registration may have read the old fields meanwhile
        return new FormDefinition(clean);
    }

    /** Every bad part of the definition as a violation named fields[i].…; answers the definition tidied. */
    static List<FieldDef> check(FormDefinition body) {
        Violations v = new Violations();
        if (body == null || body.fields() == null) {
            v.add("fields", "is required (an empty list removes every field)");
            v.throwIfAny();
        }
        if (body.fields().size() > MAX_FIELDS) {
            v.add("fields", "must not hold more than " + MAX_FIELDS + " fields");
            v.throwIfAny();
        }
        List<FieldDef> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < body.fields().size(); i++) {
            String at = "fields[" + i + "]";
            FieldDef f = body.fields().get(i);
            if (f == null) {
                v.add(at, "must not be null");
                continue;
            }
            if (f.key() == null || !KEY.matcher(f.key()).matches()) {
                v.add(at + ".key", "must be a lower-case letter followed by up to 31 lower-case letters, digits or _");
            } else if (!keys.add(f.key())) {
                v.add(at + ".key", "is used by another field of this form");
            }
            FieldType type = null;
            try {
                type = f.type() == null ? null : FieldType.valueOf(f.type());
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (type == null) {
                v.add(at + ".type", "must be one of " + Arrays.toString(FieldType.values()));
            }
            LocalText label = text(f.label(), at + ".label", 200, true, v);
            LocalText help = text(f.help(), at + ".help", 1000, false, v);
            List<String> requiredFor = null;
            if (f.requiredFor() != null && !f.requiredFor().isEmpty()) {
                Set<String> known = new HashSet<>();
                for (Category c : Category.values()) {
                    known.add(c.name());
                }
                for (String c : f.requiredFor()) {
                    if (c == null || !known.contains(c)) {
                        v.add(at + ".requiredFor", "holds an unknown category '" + c + "'; categories are "
                                + Arrays.toString(Category.values()));
                    }
                }
                requiredFor = f.requiredFor().stream().distinct().sorted().toList();
            }
            List<OptionDef> options = null;
            if (type != null && type.hasOptions()) {
                options = options(f.options(), at + ".options", v);
            } else if (f.options() != null && !f.options().isEmpty()) {
                v.add(at + ".options", "are only for CHOICE and MULTI_CHOICE fields");
            }
            if (f.maxLength() != null && type != null) {
                if (!type.hasLength()) {
                    v.add(at + ".maxLength", "is only for TEXT and LONG_TEXT fields");
                } else if (f.maxLength() < 1 || f.maxLength() > type.maxMaxLength()) {
                    v.add(at + ".maxLength", "must be between 1 and " + type.maxMaxLength());
                }
            }
            out.add(new FieldDef(f.key(), f.type(), label, help, Boolean.TRUE.equals(f.required()), requiredFor, options,
                    f.maxLength()));
        }
        v.throwIfAny();
        return out;
    }

    private static List<OptionDef> options(List<OptionDef> options, String at, Violations v) {
        if (options == null || options.isEmpty()) {
            v.add(at, "are required for a choice field (at least one)");
            return null;
        }
        if (options.size() > MAX_OPTIONS) {
            v.add(at, "must not be more than " + MAX_OPTIONS);
            return null;
        }
        List<OptionDef> out = new ArrayList<>();
        Set<String> values = new HashSet<>();
        for (int j = 0; j < options.size(); j++) {
            OptionDef o = options.get(j);
            String oat = at + "[" + j + "]";
            if (o == null) {
                v.add(oat, "must not be null");
                continue;
            }
            if (o.value() == null || !OPTION_VALUE.matcher(o.value()).matches()) {
                v.add(oat + ".value", "must be 1 to 32 letters, digits, '.', '_' or '-' (starting with a letter or digit)");
            } else if (!values.add(o.value())) {
                v.add(oat + ".value", "is used by another option of this field");
            }
            out.add(new OptionDef(o.value(), text(o.label(), oat + ".label", 100, true, v)));
        }
        if (json(out).length() > 10_000) {
            v.add(at, "are too long together; shorten the labels");
        }
        return out;
    }

    private static LocalText text(LocalText t, String at, int max, boolean required, Violations v) {
        String en = t == null ? null : Text.clean(t.en());
        String zh = t == null ? null : Text.clean(t.zh());
        if (required && (en == null || en.isBlank())) {
            v.add(at + ".en", "is required (the English text; Chinese is optional)");
        }
        if (en != null && en.length() > max) {
            v.add(at + ".en", "size must be between 0 and " + max);
        }
        if (zh != null && zh.length() > max) {
            v.add(at + ".zh", "size must be between 0 and " + max);
        }
        if ((en != null && Text.hasControlOrInvisible(en)) || (zh != null && Text.hasControlOrInvisible(zh))) {
            v.add(at, "must not contain control characters");
        }
        if (!required && (en == null || en.isBlank()) && (zh == null || zh.isBlank())) {
            return null;
        }
        if (!required && (en == null || en.isBlank())) {
            v.add(at + ".en", "is required when the Chinese text is given");
        }
        return new LocalText(en, zh == null || zh.isBlank() ? null : zh);
    }

    private static FieldDef toDef(FormField r) {
        LocalText help = r.helpEn == null && r.helpZh == null ? null : new LocalText(r.helpEn, r.helpZh);
        List<String> requiredFor = r.requiredFor == null ? null : List.of(r.requiredFor.split(","));
        List<OptionDef> options = null;
        if (r.options != null) {
            try {
                options = JSON.readValue(r.options, OPTIONS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored options of field " + r.key + " are not JSON", e);
            }
        }
        return new FieldDef(r.key, r.type, new LocalText(r.labelEn, r.labelZh), help, r.required, requiredFor, options, r.maxLength);
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
