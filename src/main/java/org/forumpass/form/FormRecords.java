package org.forumpass.form;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The form's JSON: GET and PUT /api/v1/events/{slug}/form. */
public final class FormRecords {
    private FormRecords() {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FormDefinition(List<FieldDef> fields) {
    }

    /** One field; {@code type} and {@code requiredFor} are read as text so that a bad value is a violation, not a parse error. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldDef(String key, String type, LocalText label, LocalText help, Boolean required, List<String> requiredFor,
                           List<OptionDef> options, Integer maxLength) {
        public FieldType fieldType() {
            return FieldType.valueOf(type);
        }

        public boolean requiredFor(String category) {
            return Boolean.TRUE.equals(required) || (requiredFor != null && category != null && requiredFor.contains(category));
        }

        public String label(String lang) {
            return label.in(lang);
        }

        public String optionLabel(String value, String lang) {
            if (options != null) {
                for (OptionDef o : options) {
                    if (o.value().equals(value)) {
                        return o.label().in(lang);
                    }
                }
            }
            return value;
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LocalText(String en, String zh) {
        /** The text in the language, English when there is no Chinese. */
        public String in(String lang) {
            return "zh".equals(lang) && zh != null && !zh.isBlank() ? zh : en;
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OptionDef(String value, LocalText label) {
    }
}
