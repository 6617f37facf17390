package org.forumpass.common.error;

import java.util.List;

/** A refusal the client can act on; turned into problem+json by {@link ProblemMappers}. */
public class DomainException extends RuntimeException {
    private final ErrorCode error;
    private final List<Violation> violations;

    public DomainException(ErrorCode error, String detail) {
        this(error, detail, List.of());
    }

    public DomainException(ErrorCode error, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.error = error;
        this.violations = violations;
    }

    /** A 400 naming one bad field. */
    public static DomainException invalid(String field, String message) {
        return new DomainException(CommonError.VALIDATION, field + ": " + message, List.of(new Violation(field, message)));
    }

    public static DomainException invalid(List<Violation> violations) {
        return new DomainException(CommonError.VALIDATION, violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid", violations);
    }

    public ErrorCode error() {
        return error;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Problem toProblem() {
        return Problem.of(error, getMessage(), violations);
    }
}
