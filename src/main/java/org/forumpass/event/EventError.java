package org.forumpass.event;

import org.forumpass.common.error.ErrorCode;

public enum EventError implements ErrorCode {
    NOT_FOUND("event.not_found", 404, "No such event"),
    SLUG_TAKEN("event.slug_taken", 409, "An event with this slug exists"),
    SESSION_NOT_FOUND("session.not_found", 404, "No such session"),
    SESSION_CODE_TAKEN("session.code_taken", 409, "A session with this code exists in the event"),
    SESSION_IN_USE("session.in_use", 409, "Delegates have chosen this session"),
    /** Issue 16: a change of the zones would remove a zone that sessions still name (the detail names them). */
    ZONE_IN_USE("zone.in_use", 409, "Sessions take place in this zone");

    private final String code;
    private final int status;
    private final String title;

    EventError(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public int status() { return status; }
    @Override public String title() { return title; }
}
