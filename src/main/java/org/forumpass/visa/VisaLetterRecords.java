package org.forumpass.visa;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What the visa letter feature takes and answers. */
public final class VisaLetterRecords {
    private VisaLetterRecords() {
    }

    /** A text in English and Chinese. */
    public record Bilingual(String en, String zh) {
    }

    public record Issuer(Bilingual name, Bilingual address, String signatory, Bilingual title) {
    }

    /** An event's {@code visaLetter}: the body of PUT /api/v1/events/{slug}/visa-letter and its answer. */
    public record Settings(Boolean enabled, Issuer issuer, Bilingual purpose) {
        static final Settings NONE = new Settings(false, null, null);
    }

    /** A registration's letter, to the delegate and the organizers. */
    public record LetterView(String registrationId, VisaLetterState state, String reference, OffsetDateTime requestedAt,
                             OffsetDateTime issuedAt, String rejectionReason, OffsetDateTime revokedAt) {
    }

    /** A line of the organizers' list. */
    public record ListItem(String registrationId, String givenName, String familyName, String nativeName,
                           String organization, String country, VisaLetterState state, String reference,
                           OffsetDateTime requestedAt, OffsetDateTime issuedAt, String rejectionReason) {
    }

    public record EventRef(String name, String nameZh, LocalDate startsOn, LocalDate endsOn) {
    }

    /** The public answer to a reference: nothing but what a consulate needs to match the paper it holds. */
    public record Verification(boolean valid, VisaLetterState state, String reference, EventRef event, LocalDate issuedOn,
                               String holder, String passportNumberLast4) {
    }

    public record RejectRequest(String reason) {
    }

    /** The answer of a bulk issue: how many letters were issued now. */
    public record Issued(int issued) {
    }
}
