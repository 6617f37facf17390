package org.forumpass.registration;

import io.quarkus.panache.common.Parameters;
import java.util.List;
import java.util.Locale;
import org.forumpass.common.RequestValidator.Violations;

/** Issue 14: the search's {@code photo} filter: NONE, PENDING_REVIEW, ACCEPTED or REJECTED (the photo's review status). */
final class PhotoFilter {
    static final List<String> VALUES = List.of("NONE", "PENDING_REVIEW", "ACCEPTED", "REJECTED");

    private PhotoFilter() {
    }

    /** "the registration r has a photo" (its row is {@code ph}), with a further condition on it or "". */
    static String hasPhoto(String condition) {
        return "exists (select 1 from RegistrationPhoto ph where ph.registrationId = r.id" + condition + ")";
    }

    static void add(String raw, List<String> clauses, Parameters p, Violations v) {
        if (raw == null || raw.isBlank()) {
            return;
        }
        String value = raw.strip().toUpperCase(Locale.ROOT);
        if (!VALUES.contains(value)) {
            v.add("photo", "must be one of " + VALUES);
        } else if (value.equals("NONE")) {
            clauses.add("not " + hasPhoto(""));
        } else {
            clauses.add(hasPhoto(" and str(ph.status) = :photo"));
            p.and("photo", value);
        }
    }
}
