package org.forumpass.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.forumpass.common.I18n;
import org.forumpass.common.Languages;
import org.forumpass.common.error.DomainException;
import org.forumpass.common.error.Violation;

/** Page texts needed in Java: field names, and the server's errors as a delegate should read them. */
final class Texts {
    private Texts() {
    }

    static Msg bundle(String lang) {
        return MessageBundles.get(Msg.class, Localized.Literal.of(Languages.supported(lang)));
    }

    /** A violation in the page's language: its rule's text where it names one, else the server's message. */
    static String violation(String lang, Violation v) {
        if (v.code() == null) {
            return v.message();
        }
        return I18n.text(lang, "violation." + v.code(), v.args() == null ? java.util.Map.of() : v.args());
    }

    static String field(String lang, String field) {
        Msg m = bundle(lang);
        String label = switch (field) {
            case "givenName" -> m.given_name();
            case "familyName" -> m.family_name();
            case "nativeName" -> m.native_name();
            case "email" -> m.email();
            case "phone" -> m.phone();
            case "country" -> m.country();
            case "organization" -> m.organization();
            case "jobTitle" -> m.job_title();
            case "category" -> m.category();
            case "language" -> m.mail_language();
            case "sessions" -> m.sessions();
            case "invitationCode" -> m.invitation_code();
            case "consent" -> m.consent_field();
            default -> IdentityForm.field(lang, field);
        };
        return label.replace(" *", "").replace("*", "");
    }

    /** An error that concerns the whole form (duplicate e-mail, registration closed, ...): its text, or the message. */
    static String failure(String lang, DomainException e) {
        String key = "error." + e.error().code();
        return I18n.has(Languages.DEFAULT, key) ? I18n.text(lang, key) : e.getMessage();
    }
}
