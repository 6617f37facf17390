package org.forumpass.delegation;

import org.forumpass.common.error.ErrorCode;

public enum DelegationError implements ErrorCode {
    NOT_FOUND("delegation.not_found", 404, "No such delegation"),
    NAME_TAKEN("delegation.name_taken", 409, "The event has a delegation with this name"),
    QUOTA_EXCEEDED("delegation.quota_exceeded", 409, "The delegation has no place left in this category"),
    QUOTA_BELOW_USED("delegation.quota_below_used", 409, "A quota cannot be lower than the places already in use"),
    NOT_MEMBER("delegation.not_member", 404, "The registration is not a member of this delegation");

    private final String code;
    private final int status;
    private final String title;

    DelegationError(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public int status() { return status; }
    @Override public String title() { return title; }
}
