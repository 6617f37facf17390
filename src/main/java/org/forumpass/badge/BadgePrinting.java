package org.forumpass.badge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.AccessZone;
import org.forumpass.event.AccessZones;
import org.forumpass.event.Category;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;
import org.forumpass.registration.Registration;

/** Reads what bulk badges print: a few hundred bytes per delegate, so 2,000 badges stay small in memory. */
@ApplicationScoped
public class BadgePrinting {
    /** Badge ids per UPDATE: one statement for any forum of this size, well below MySQL's 65,535 parameters. */
    static final int MARK_CHUNK = 20_000;
    /** Issue 18: photos read per query while a print run's pages are drawn. */
    static final int PHOTO_BATCH = 16;

    @Inject
    Clock clock;
    @Inject
    EventService events;
    @Inject
    org.forumpass.registration.PhotoRequirement photoRule;
    @Inject
    AccessZones accessZones;

    /**
     * The cards of an organizer's bulk print; issue 15: the badges printed are marked printed (the first time only) in
     * the same transaction, by one UPDATE of the badges the PDF holds (up to {@value #MARK_CHUNK} at a time), not a
     * statement per badge. The delegates whose required photo is missing are left out of both.
     */
    @Transactional
    public List<BadgePdf.Card> print(String slug, String country, String category, String organization) {
        Event event = events.require(slug);
        StringBuilder q = new StringBuilder("select r, b.code, b.id from Registration r, Badge b where b.registrationId = r.id"
                + " and b.revokedAt is null and r.event = :event"
                + " and r.status = org.forumpass.registration.RegistrationStatus.CONFIRMED");
        if (country != null && !country.isBlank()) {
            q.append(" and r.country = :country");
        }
        Category cat = null;
        if (category != null && !category.isBlank()) {
            try {
                cat = Category.valueOf(category.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("category", "is not a delegate category");
            }
            q.append(" and r.category = :category");
        }
        if (organization != null && !organization.isBlank()) {
            q.append(" and lower(r.organization) like :organization");
        }
        q.append(" order by r.country, r.familyName, r.givenName, r.id");
        TypedQuery<Object[]> query = Registration.getEntityManager().createQuery(q.toString(), Object[].class)
                .setParameter("event", event)
                // issue 18: only read (no snapshots, nothing to dirty-check for thousands of delegates at the commit)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true);
        if (country != null && !country.isBlank()) {
            query.setParameter("country", country.strip().toUpperCase(Locale.ROOT));
        }
        if (cat != null) {
            query.setParameter("category", cat);
        }
        if (organization != null && !organization.isBlank()) {
            query.setParameter("organization", "%" + organization.strip().toLowerCase(Locale.ROOT) + "%");
        }
        List<Long> printed = new ArrayList<>();
        List<Registration> kept = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<AccessZone> zones = accessZones.of(event); // issue 16: read once for the whole print run
        for (Object[] row : query.getResultList()) {
            Registration r = (Registration) row[0];
            if (!photoRule.missing(r)) { // issue 14: no badge without the required photo
                kept.add(r);
                codes.add((String) row[1]);
                printed.add((Long) row[2]);
            }
        }
        // issue 18: the photos are read PHOTO_BATCH to a query while the pages are drawn, not one query per badge
        List<java.util.function.Supplier<byte[]>> photos = photoRule.printable(kept.stream().map(r -> r.id).toList(), PHOTO_BATCH);
        List<BadgePdf.Card> cards = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            cards.add(BadgeCards.of(kept.get(i), codes.get(i), photos.get(i), zones));
        }
        Instant now = clock.instant();
        for (int from = 0; from < printed.size(); from += MARK_CHUNK) {
            Badge.update("printedAt = ?1 where printedAt is null and id in ?2", now,
                    printed.subList(from, Math.min(printed.size(), from + MARK_CHUNK)));
        }
        return cards;
    }
}
