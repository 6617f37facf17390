package org.forumpass.checkin;

import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.forumpass.checkin.CheckInRecords.Found;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;
import org.forumpass.registration.Registration;
import org.forumpass.registration.RegistrationSearch;

/**
 * Door look-up: the organizers' search, narrowed to what door staff may see. Door staff search by name and
 * organization only (never by e-mail, so the search tells nothing about whether an address is registered)
 * and get an opaque {@link DoorRefs ref} in place of the registration id.
 */
@ApplicationScoped
public class DoorSearch {
    @Inject
    EventService events;
    @Inject
    DoorRefs refs;

    @Transactional
    public List<Found> find(String slug, String q, int size, boolean organizer, String staff) {
        Event event = events.require(slug);
        if (q == null || q.strip().length() < 2) {
            throw DomainException.invalid("q", "must have at least 2 characters");
        }
        RegistrationSearch.Where where = RegistrationSearch.where(event, new RegistrationSearch.Filter(q, null, null, null, null),
                organizer);
        List<Registration> found = Registration.find(where.jpql() + " order by r.familyName, r.givenName, r.publicId", where.params())
                .page(Page.ofSize(size)).list();
        return found.stream().map(r -> new Found(organizer ? r.publicId : null,
                organizer ? null : refs.seal(r.publicId, slug, staff), r.givenName, r.familyName, r.nativeName, r.organization,
                r.country, r.category, r.status.name(), organizer ? r.email : null, organizer ? r.phone : null)).toList();
    }
}
