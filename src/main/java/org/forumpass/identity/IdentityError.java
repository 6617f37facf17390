package org.forumpass.identity;

import org.forumpass.common.error.ErrorCode;

public enum IdentityError implements ErrorCode {
    NOT_FOUND("identity.not_found", 404, "The registration has no identity document"),
    UNREADABLE("identity.unreadable", 500, "The identity document does not decrypt: it was altered or moved, or the data key changed");

    private final String code;
    private final int status;
    private final String title;

    IdentityError(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public int status() { return status; }
    @Override public String title() { return title; }
}
