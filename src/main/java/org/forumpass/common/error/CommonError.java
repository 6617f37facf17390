package org.forumpass.common.error;

public enum CommonError implements ErrorCode {
    VALIDATION("request.invalid", 400, "The request has invalid fields"),
    MALFORMED("request.malformed", 400, "The request body could not be read"),
    UNAUTHORIZED("auth.unauthorized", 401, "Sign-in required"),
    FORBIDDEN("auth.forbidden", 403, "Not allowed"),
    EVENT_NOT_IN_SCOPE("auth.event_not_in_scope", 403, "This event is outside your staff scope"),
    NOT_FOUND("http.not_found", 404, "Not found"),
    METHOD_NOT_ALLOWED("http.method_not_allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("http.not_acceptable", 406, "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE("http.unsupported_media_type", 415, "Unsupported media type"),
    PAYLOAD_TOO_LARGE("http.payload_too_large", 413, "Request body too large"),
    CONFLICT("request.conflict", 409, "Conflicting change, try again"),
    UNAVAILABLE("service.unavailable", 503, "Service temporarily unavailable"),
    INTERNAL("server.error", 500, "Unexpected server error");

    private final String code;
    private final int status;
    private final String title;

    CommonError(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public int status() { return status; }
    @Override public String title() { return title; }
}
