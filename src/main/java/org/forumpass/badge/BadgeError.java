package org.forumpass.badge;

import org.forumpass.common.error.ErrorCode;

public enum BadgeError implements ErrorCode {
    NOT_CONFIRMED("badge.not_confirmed", 409, "Only a confirmed registration has a badge"),
    // issue 15: the accreditation desk
    NOT_ISSUED("badge.not_issued", 409, "The registration has no badge to hand out"),
    ALREADY_COLLECTED("badge.already_collected", 409, "The badge has already been collected");

    private final String code;
    private final int status;
    private final String title;

    BadgeError(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public int status() { return status; }
    @Override public String title() { return title; }
}
