package org.forumpass.checkin;

import org.forumpass.common.I18n;

/** The verdict at the door; its words are the texts {@code scan.<NAME>} of each language. */
public enum ScanResult {
    ACCEPTED,
    ALREADY_CHECKED_IN,
    NOT_REGISTERED_FOR_SESSION,
    CATEGORY_NOT_ALLOWED,
    NOT_CONFIRMED,
    REVOKED,
    WRONG_EVENT,
    INVALID_CODE,
    SESSION_FULL,
    OUTSIDE_SESSION_WINDOW,
    /** Issue 16: the session is in an access zone that the delegate's category does not open, or (in) is closed now. */
    ZONE_NOT_ALLOWED;

    public String message(String lang) {
        return I18n.label(lang, "scan", this);
    }
}
