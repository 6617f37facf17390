package org.forumpass.registration;

import org.forumpass.common.error.ErrorCode;

public enum RegistrationError implements ErrorCode {
    NOT_FOUND("registration.not_found", 404, "No such registration"),
    RATE_LIMITED("registration.rate_limited", 429, "Too many registrations from this address; try again in a minute"),
    DUPLICATE_EMAIL("registration.duplicate_email", 409, "This e-mail is already registered for the event"),
    CLOSED("registration.closed", 409, "Registration is closed"),
    NOT_PENDING("registration.not_pending", 409, "Only a pending registration can be approved or rejected"),
    NOT_ACTIVE("registration.not_active", 409, "The registration is cancelled or rejected"),
    INVITATION_CODE_TAKEN("invitation.code_taken", 409, "This invitation code exists for the event"),
    IMPORT_UNREADABLE("import.unreadable", 400, "The file cannot be read as UTF-8 CSV"),
    /** Issue 14: the event requires an accepted photo for the category (answered by registration and badges). */
    PHOTO_MISSING("badge.photo_missing", 409, "An accepted photo is required first");

    private final String code;
    private final int status;
    private final String title;

    RegistrationError(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public int status() { return status; }
    @Override public String title() { return title; }
}
