package org.forumpass.staff;

import org.forumpass.common.error.ErrorCode;

public enum StaffError implements ErrorCode {
    INVALID_CREDENTIALS("auth.invalid_credentials", 401, "Wrong username or password"),
    TOKEN_REVOKED("auth.token_revoked", 401, "This sign-in has ended"),
    TOO_MANY_ATTEMPTS("auth.too_many_attempts", 429, "Too many failed sign-ins; wait and try again"),
    USERNAME_TAKEN("staff.username_taken", 409, "This username exists"),
    NOT_FOUND("staff.not_found", 404, "No such staff account"),
    LAST_ORGANIZER("staff.last_organizer", 409, "The last active organizer cannot be demoted or disabled");

    private final String code;
    private final int status;
    private final String title;

    StaffError(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public int status() { return status; }
    @Override public String title() { return title; }
}
