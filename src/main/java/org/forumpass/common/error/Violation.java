package org.forumpass.common.error;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One bad field: {@code field} is the JSON path as the client sent it, e.g. {@code sessions[1]}; {@code message} is
 * in English; {@code code}, when there is one, names the rule (a key {@code violation.<code>} in the texts of every
 * language) so a page can say it in the reader's language with the same {@code args}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String field, String message, String code, @JsonIgnore Map<String, Object> args) {
    public Violation(String field, String message) {
        this(field, message, null, Map.of());
    }
}
