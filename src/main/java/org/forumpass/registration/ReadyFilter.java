package org.forumpass.registration;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.event.Category;
import org.forumpass.event.Event;

/**
 * Issue 14: the search's {@code ready} filter. Ready for badge: CONFIRMED, with an ACCEPTED photo where the event's
 * {@code photoRequiredFor} names the category and an identity document where {@code identityRequiredFor} names it.
 * {@code ready=false}: the others that are still active (not CANCELLED or REJECTED). One clause in the query; the
 * event's category sets are known when the clause is built, so they travel as parameters.
 */
final class ReadyFilter {
    private static final String PHOTO_ACCEPTED = PhotoFilter.hasPhoto(" and str(ph.status) = 'ACCEPTED'");

    private ReadyFilter() {
    }

    static void add(Event event, String raw, List<String> clauses, Parameters p, Violations v) {
        if (raw == null || raw.isBlank()) {
            return;
        }
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            v.rule("ready", "true_false");
            return;
        }
        // each part: what a delegate must have for the badge, as "(category not concerned or has it)"
        List<String> needs = new ArrayList<>();
        needs.add("r.status = :readyConfirmed");
        p.and("readyConfirmed", RegistrationStatus.CONFIRMED);
        if (concerns(event.photoRequiredFor)) {
            needs.add("(r.category not in :readyPhotoFor or " + PHOTO_ACCEPTED + ")");
            p.and("readyPhotoFor", event.photoRequiredFor);
        }
        if (concerns(event.identityRequiredFor)) {
            needs.add("(r.category not in :readyIdentityFor or " + IdentityFilter.STORED + ")");
            p.and("readyIdentityFor", event.identityRequiredFor);
        }
        String ready = "(" + String.join(" and ", needs) + ")";
        if (value.equals("true")) {
            clauses.add(ready);
        } else {
            clauses.add("r.status not in :readyClosed and not " + ready);
            p.and("readyClosed", List.of(RegistrationStatus.CANCELLED, RegistrationStatus.REJECTED));
        }
    }

    private static boolean concerns(Set<Category> categories) {
        return categories != null && !categories.isEmpty();
    }
}
