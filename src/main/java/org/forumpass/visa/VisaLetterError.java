package org.forumpass.visa;

import org.forumpass.common.error.ErrorCode;

public enum VisaLetterError implements ErrorCode {
    NOT_FOUND("visa_letter.not_found", 404, "No such visa invitation letter"),
    DISABLED("visa_letter.disabled", 409, "This event does not issue visa invitation letters"),
    NOT_CONFIRMED("visa_letter.not_confirmed", 409, "A visa invitation letter needs a confirmed registration"),
    PASSPORT_MISSING("visa_letter.passport_missing", 409, "A visa invitation letter needs a passport on file"),
    NOT_REQUESTED("visa_letter.not_requested", 409, "Only a requested visa invitation letter can be issued or rejected"),
    NOT_ISSUED("visa_letter.not_issued", 409, "The visa invitation letter has not been issued");

    private final String code;
    private final int status;
    private final String title;

    VisaLetterError(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public int status() { return status; }
    @Override public String title() { return title; }
}
