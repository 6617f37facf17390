package org.forumpass.registration;

import org.forumpass.common.I18n;

/** The e-mails a delegate receives, each in the delegate's language (texts {@code mail.<KIND>.subject}, {@code .lead}). */
public enum MailKind {
    CONFIRMED, PENDING, WAITLISTED, APPROVED, REJECTED, MOVED_UP, CANCELLED,
    /** Issue 17: the manage link again, asked for by a delegate who lost the e-mail. */
    LINK;

    /** The subject in the language, naming the event. */
    String subject(String lang, String event) {
        return I18n.text(lang, "mail." + name() + ".subject", java.util.Map.of("event", event));
    }

    /** The opening paragraph in the language. */
    String lead(String lang) {
        return I18n.text(lang, "mail." + name() + ".lead");
    }

    static MailKind forStatus(RegistrationStatus status) {
        return switch (status) {
            case CONFIRMED -> CONFIRMED;
            case PENDING -> PENDING;
            case WAITLISTED -> WAITLISTED;
            case REJECTED -> REJECTED;
            case CANCELLED -> CANCELLED;
        };
    }
}
