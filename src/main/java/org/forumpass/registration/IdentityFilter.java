package org.forumpass.registration;

import io.quarkus.arc.Arc;
import io.quarkus.panache.common.Parameters;
import java.util.List;
import java.util.Locale;
import org.forumpass.common.RequestValidator.Violations;

/**
 * The organizers' identity filters (issue 14): {@code documentNumber} (matched through the keyed hash, nothing
 * decrypted) and {@code identity=missing|present}. Static because the search's where clause is built statically.
 */
final class IdentityFilter {
    /** "the registration r has an identity document kept". */
    static final String STORED = "exists (select 1 from IdentityDocument d where d.registrationId = r.id)";

    private IdentityFilter() {
    }

    static void add(RegistrationSearch.Filter f, List<String> clauses, Parameters p, Violations v) {
        if (f.documentNumber() != null && !f.documentNumber().isBlank()) {
            var hook = Arc.container().instance(IdentityHook.class);
            String hash = hook.isAvailable() ? hook.get().numberHash(f.documentNumber(), v) : null;
            if (hash != null) {
                clauses.add("exists (select 1 from IdentityDocument d where d.registrationId = r.id and d.numberHash = :docHash)");
                p.and("docHash", hash);
            }
        }
        if (f.identity() != null && !f.identity().isBlank()) {
            switch (f.identity().strip().toLowerCase(Locale.ROOT)) {
                case "missing" -> clauses.add("not " + STORED);
                case "present" -> clauses.add(STORED);
                default -> v.add("identity", "must be missing or present");
            }
        }
    }
}
