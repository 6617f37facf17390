package org.forumpass.registration;

/**
 * The identity document a delegate gives (issue 14): strings, so that every bad field is a violation
 * {@code identity.<field>} rather than an unreadable body. Dates are ISO {@code yyyy-MM-dd}.
 */
public record IdentityInput(String documentType, String number, String issuingCountry, String nationality,
                            String expiresOn, String dateOfBirth) {
    public boolean blank() {
        return isBlank(documentType) && isBlank(number) && isBlank(issuingCountry) && isBlank(nationality)
                && isBlank(expiresOn) && isBlank(dateOfBirth);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
