package org.forumpass.identity;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.event.Category;
import org.forumpass.event.Event;
import org.forumpass.identity.IdentityRecords.DocumentType;
import org.forumpass.identity.IdentityRecords.FullIdentity;
import org.forumpass.registration.DelegateInput;
import org.forumpass.registration.IdentityInput;

/** Checks and normalises a document (violations {@code identity.<field>}, all at once); masks numbers. */
public final class IdentityRules {
    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9]{5,20}");
    private static final LocalDate OLDEST_BIRTH = LocalDate.of(1900, 1, 1);

    private IdentityRules() {
    }

    /** Upper case, full-width forms folded (NFKC), spaces and dashes removed: "e12 345-679" is "E12345679". */
    public static String normalise(String number) {
        if (number == null) {
            return null;
        }
        return Normalizer.normalize(number, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT)
                .replaceAll("[\\s\\p{Pd}]", "");
    }

    public static boolean validNumber(String normalised) {
        return normalised != null && NUMBER.matcher(normalised).matches();
    }

    /** "E12345679" -> "E12*****9": the first three (one when the number is short) and the last character. */
    public static String mask(String number) {
        if (number == null || number.length() < 2) {
            return "*";
        }
        int shown = number.length() >= 8 ? 3 : 1;
        return number.substring(0, shown) + "*".repeat(number.length() - shown - 1) + number.charAt(number.length() - 1);
    }

    public static boolean required(Event event, Category category) {
        return category != null && event.identityRequiredFor != null && event.identityRequiredFor.contains(category);
    }

    /** The document as kept, or null with violations; {@code today} is the event's local date now. */
    public static FullIdentity check(Event event, IdentityInput in, LocalDate today, Violations v) {
        DocumentType type = null;
        if (blank(in.documentType())) {
            v.rule("identity.documentType", "required");
        } else {
            try {
                type = DocumentType.valueOf(in.documentType().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.rule("identity.documentType", "document_type", Map.of("values", Arrays.toString(DocumentType.values())));
            }
        }
        String number = normalise(in.number());
        if (blank(number)) {
            v.rule("identity.number", "required");
        } else if (!validNumber(number)) {
            v.rule("identity.number", "document_number");
        }
        String issuing = country(in.issuingCountry(), "identity.issuingCountry", v);
        String nationality = country(in.nationality(), "identity.nationality", v);
        LocalDate endDate = event.endsAt.atZone(event.zone()).toLocalDate();
        LocalDate expires = date(in.expiresOn(), "identity.expiresOn", v);
        if (expires != null) {
            if (expires.isBefore(today)) {
                v.rule("identity.expiresOn", "document_expired", Map.of("expires", expires, "end", endDate));
            } else if (expires.isBefore(endDate)) {
                v.rule("identity.expiresOn", "document_expires_early", Map.of("end", endDate));
            }
        }
        LocalDate born = date(in.dateOfBirth(), "identity.dateOfBirth", v);
        if (born != null && (!born.isBefore(today) || born.isBefore(OLDEST_BIRTH))) {
            v.rule("identity.dateOfBirth", "date_of_birth");
        }
        if (type == null || !validNumber(number) || issuing == null || nationality == null || expires == null || born == null
                || v.has("identity.expiresOn") || v.has("identity.dateOfBirth")) {
            return null;
        }
        return new FullIdentity(type, number, issuing, nationality, expires.toString(), born.toString());
    }

    private static String country(String raw, String field, Violations v) {
        if (blank(raw)) {
            v.rule(field, "required");
            return null;
        }
        return DelegateInput.country(raw, field, v);
    }

    private static LocalDate date(String raw, String field, Violations v) {
        if (blank(raw)) {
            v.rule(field, "required");
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            v.rule(field, "date");
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
