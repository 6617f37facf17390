package org.forumpass.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, as every error of the API answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code,
                      List<Violation> violations, String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode error, String detail) {
        return new Problem(typeOf(error), error.title(), error.status(), detail, error.code(), null, null);
    }

    public static Problem of(ErrorCode error, String detail, List<Violation> violations) {
        return new Problem(typeOf(error), error.title(), error.status(), detail, error.code(),
                violations == null || violations.isEmpty() ? null : List.copyOf(violations), null);
    }

    public Problem withErrorId(String id) {
        return new Problem(type, title, status, detail, code, violations, id);
    }

    private static String typeOf(ErrorCode error) {
        return "urn:forumpass:problem:" + error.code();
    }
}
