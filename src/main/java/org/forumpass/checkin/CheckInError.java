package org.forumpass.checkin;

import org.forumpass.common.error.ErrorCode;

/** Issue 16: the door conflicts report's refusals. */
public enum CheckInError implements ErrorCode {
    CONFLICT_NOT_FOUND("scan.conflict_not_found", 404, "No such door conflict"),
    CONFLICT_ALREADY_RESOLVED("scan.conflict_already_resolved", 409, "The door conflict has already been resolved");

    private final String code;
    private final int status;
    private final String title;

    CheckInError(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public int status() { return status; }
    @Override public String title() { return title; }
}
