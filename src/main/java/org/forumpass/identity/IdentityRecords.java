package org.forumpass.identity;

/** What the identity feature answers. */
public final class IdentityRecords {
    private IdentityRecords() {
    }

    public enum DocumentType { PASSPORT, NATIONAL_ID, TRAVEL_PERMIT }

    /** The whole document: only from the audited GET /api/v1/registrations/{id}/identity, and exports that ask for it. */
    public record FullIdentity(DocumentType documentType, String number, String issuingCountry, String nationality,
                               String expiresOn, String dateOfBirth) {
        public MaskedIdentity masked() {
            return new MaskedIdentity(documentType, IdentityRules.mask(number), issuingCountry, nationality, expiresOn);
        }
    }

    /** In registration views and the organizers' search: the number masked, no date of birth. */
    public record MaskedIdentity(DocumentType documentType, String number, String issuingCountry, String nationality,
                                 String expiresOn) {
    }
}
