package org.forumpass.identity;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Identity documents for tests: a passport valid for years, with a number no other test uses. */
final class IdentityFixtures {
    private IdentityFixtures() {
    }

    static String passportNumber() {
        return "E" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    static Map<String, Object> passport(String number) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("documentType", "PASSPORT");
        p.put("number", number);
        p.put("issuingCountry", "CN");
        p.put("nationality", "CN");
        p.put("expiresOn", LocalDate.now().plusYears(5).toString());
        p.put("dateOfBirth", "1979-04-23");
        return p;
    }

    static String masked(String number) {
        return number.substring(0, 3) + "*".repeat(number.length() - 4) + number.charAt(number.length() - 1);
    }
}
