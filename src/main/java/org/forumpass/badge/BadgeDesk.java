package org.forumpass.badge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.forumpass.audit.AuditAction;
import org.forumpass.audit.AuditService;
import org.forumpass.common.PageView;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Retry;
import org.forumpass.common.Text;
import org.forumpass.common.error.CommonError;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.Category;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;
import org.forumpass.registration.Registration;
import org.forumpass.registration.RegistrationService;
import org.forumpass.registration.RegistrationStatus;

/**
 * Issue 15, the accreditation desk: a delegate's current badge is marked collected once, by the delegate (SELF) or by
 * someone for them (PROXY, named). The mark is a conditional UPDATE ({@code collected_at is null}), so when two desks
 * mark one badge at once the database lets exactly one through and the other learns when and by whom. Each hand-out
 * writes an audit entry {@code BADGE_COLLECTED} ("SELF" or "PROXY: name") once its transaction has committed.
 */
@ApplicationScoped
public class BadgeDesk {
    /** The longest proxy name (the column holds 200). */
    public static final int MAX_PROXY_NAME = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Inject
    RegistrationService registrations;
    @Inject
    EventService events;
    @Inject
    AuditService audit;
    @Inject
    Clock clock;
    @Inject
    Instance<BadgeDesk> self;

    /** Why {@link #collectAll} left a registration out. */
    public enum SkipReason {
        /** No current badge: not confirmed, cancelled, erased, or no such registration. */
        NO_BADGE,
        ALREADY_COLLECTED
    }

    /** A registration {@link #collectAll} did not mark; {@code id} is its public id (null when there is no such registration). */
    public record Skipped(Long registrationId, String id, SkipReason reason) {
    }

    /** What {@link #collectAll} did: how many badges it marked (and whose, by public id), and which it left out. */
    public record CollectAllResult(int marked, List<String> markedIds, List<Skipped> skipped) {
    }

    /** A hand-out to write to the audit log once committed. */
    record HandOut(String eventSlug, String publicId, String detail) {
    }

    record Marked(BadgeView view, HandOut handOut) {
    }

    record MarkedAll(CollectAllResult result, List<HandOut> handOuts) {
    }

    // ---- one badge ----------------------------------------------------------------------------

    /**
     * Marks the registration's current badge collected ({@code by}: SELF or PROXY, case-insensitive; {@code proxyName}
     * required for PROXY and refused for SELF). 400 with violations {@code by}/{@code proxyName}; 409
     * {@code badge.not_issued} without a current badge; 409 {@code badge.already_collected} saying when and by whom.
     */
    public BadgeView collect(String publicId, String by, String proxyName, String staff) {
        Violations v = new Violations();
        CollectedBy how = collectedBy(by, v);
        String name = proxyName(proxyName, how == CollectedBy.PROXY, how == CollectedBy.SELF, v);
        v.throwIfAny();
        Marked m = Retry.onConflict(() -> self.get().collectOnce(publicId, how, name, staff));
        record(staff, m.handOut());
        return m.view();
    }

    @Transactional
    Marked collectOnce(String publicId, CollectedBy how, String proxyName, String staff) {
        Registration r = registrations.require(publicId);
        Long badgeId = r.status == RegistrationStatus.CONFIRMED ? currentBadgeId(r.id) : null;
        if (badgeId == null) {
            throw new DomainException(BadgeError.NOT_ISSUED, "The registration is " + r.status.name().toLowerCase(Locale.ROOT)
                    + " and has no badge to hand out");
        }
        int n = mark(badgeId, how, proxyName, staff, clock.instant());
        // a locking read: the row as committed now (a plain read could answer the transaction's older snapshot)
        Badge b = Badge.getEntityManager().find(Badge.class, badgeId, LockModeType.PESSIMISTIC_WRITE);
        ZoneId zone = r.event.zone();
        if (n == 0) {
            if (b.revokedAt != null) {
                throw new DomainException(CommonError.CONFLICT, "The badge was reissued meanwhile; try again");
            }
            throw new DomainException(BadgeError.ALREADY_COLLECTED, "The badge was already collected " + describe(b, zone));
        }
        return new Marked(BadgeView.of(b, r.publicId, zone), new HandOut(r.event.slug, r.publicId, detail(how, proxyName)));
    }

    // ---- many badges (delegations) ------------------------------------------------------------

    /**
     * Marks every current, not yet collected badge of these registrations (database keys) collected by one proxy, in one
     * transaction (retried as a whole on a conflict), and writes an audit entry per badge once committed; answers how
     * many it marked and which registrations it left out (no badge, already collected). Each mark is the same conditional
     * update as a single hand-out, so a desk marking one of them at the same moment is never overwritten. Runs in a
     * transaction of its own: call it outside any other (the hand-outs are committed when it returns). The caller checks
     * that {@code who} may act on the registrations' events. 400 with a violation {@code proxyName} when the name is
     * missing or not a name.
     */
    public CollectAllResult collectAll(Collection<Long> registrationIds, String proxyName, String who) {
        Violations v = new Violations();
        String name = proxyName(proxyName, true, false, v);
        v.throwIfAny();
        List<Long> ids = List.copyOf(new LinkedHashSet<>(registrationIds));
        MarkedAll all = Retry.onConflict(() -> self.get().collectAllOnce(ids, null, name, who));
        all.handOuts().forEach(h -> record(who, h));
        return all.result();
    }

    /** As {@link #collectAll(Collection, String, String)}, naming the registrations by their public ids. */
    public CollectAllResult collectAllByPublicId(Collection<String> publicIds, String proxyName, String who) {
        Violations v = new Violations();
        String name = proxyName(proxyName, true, false, v);
        v.throwIfAny();
        List<String> ids = List.copyOf(new LinkedHashSet<>(publicIds));
        MarkedAll all = Retry.onConflict(() -> self.get().collectAllOnce(null, ids, name, who));
        all.handOuts().forEach(h -> record(who, h));
        return all.result();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    MarkedAll collectAllOnce(List<Long> keys, List<String> publicIds, String proxyName, String who) {
        // the registrations asked for, with their current badge if any: (key, public id, status, slug, badge id, collected at)
        Map<Object, Object[]> found = new LinkedHashMap<>();
        List<Object> asked = new ArrayList<>(keys != null ? keys : publicIds);
        for (int from = 0; from < asked.size(); from += 1000) {
            List<Object> chunk = asked.subList(from, Math.min(asked.size(), from + 1000));
            for (Object[] row : Registration.getEntityManager().createQuery("select r.id, r.publicId, r.status, r.event.slug,"
                            + " b.id, b.collectedAt from Registration r left join Badge b on b.registrationId = r.id and b.revokedAt is null"
                            + " where " + (keys != null ? "r.id" : "r.publicId") + " in :ids", Object[].class)
                    .setParameter("ids", chunk).getResultList()) {
                found.put(keys != null ? row[0] : row[1], row);
            }
        }
        Instant now = clock.instant();
        List<String> marked = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<HandOut> handOuts = new ArrayList<>();
        for (Object id : asked) {
            Object[] row = found.get(id);
            if (row == null) {
                skipped.add(new Skipped(keys != null ? (Long) id : null, keys != null ? null : (String) id, SkipReason.NO_BADGE));
                continue;
            }
            Long key = (Long) row[0];
            String publicId = (String) row[1];
            if (row[2] != RegistrationStatus.CONFIRMED || row[4] == null) {
                skipped.add(new Skipped(key, publicId, SkipReason.NO_BADGE));
            } else if (row[5] != null || mark((Long) row[4], CollectedBy.PROXY, proxyName, who, now) == 0) {
                skipped.add(new Skipped(key, publicId, SkipReason.ALREADY_COLLECTED));
            } else {
                marked.add(publicId);
                handOuts.add(new HandOut((String) row[3], publicId, detail(CollectedBy.PROXY, proxyName)));
            }
        }
        return new MarkedAll(new CollectAllResult(marked.size(), List.copyOf(marked), List.copyOf(skipped)), handOuts);
    }

    // ---- the desk's list ----------------------------------------------------------------------

    /**
     * Which badges the desk's list keeps: {@code collected} and {@code printed} true, false or null (either). Read from
     * the query's "true" or "false" (any case; absent: either); collected=false without {@code printed} means
     * printed=true, the badges printed but never collected. Bad values add violations {@code collected}, {@code printed}.
     */
    public record Filter(Boolean collected, Boolean printed) {
        public static Filter of(String collected, String printed, Violations v) {
            Boolean c = trueFalse(collected, "collected", v);
            Boolean p = trueFalse(printed, "printed", v);
            return new Filter(c, Boolean.FALSE.equals(c) && p == null ? Boolean.TRUE : p);
        }
    }

    /**
     * The event's current badges, sorted as the bulk PDF prints them (country, family name, given name), so a desk finds
     * a badge in the printed pile.
     */
    @Transactional
    public PageView<DeskBadgeView> list(String slug, Filter f, int page, int size) {
        PageView.check(page, size);
        Boolean isCollected = f.collected();
        Boolean isPrinted = f.printed();
        Event event = events.require(slug);
        StringBuilder where = new StringBuilder(" from Badge b, Registration r where b.registrationId = r.id"
                + " and b.eventId = :event and b.revokedAt is null and r.status = :confirmed");
        if (isCollected != null) {
            where.append(isCollected ? " and b.collectedAt is not null" : " and b.collectedAt is null");
        }
        if (isPrinted != null) {
            where.append(isPrinted ? " and b.printedAt is not null" : " and b.printedAt is null");
        }
        var em = Badge.getEntityManager();
        long total = em.createQuery("select count(b)" + where, Long.class).setParameter("event", event.id)
                .setParameter("confirmed", RegistrationStatus.CONFIRMED).getSingleResult();
        TypedQuery<Object[]> q = em.createQuery("select r.publicId, r.givenName, r.familyName, r.nativeName, r.organization,"
                        + " r.country, r.category, b.serial, b.issuedAt, b.printedAt, b.collectedAt, b.collectedBy, b.proxyName,"
                        + " b.handedOutBy" + where + " order by r.country, r.familyName, r.givenName, r.id", Object[].class)
                .setParameter("event", event.id).setParameter("confirmed", RegistrationStatus.CONFIRMED)
                .setFirstResult(page * size).setMaxResults(size);
        ZoneId zone = event.zone();
        List<DeskBadgeView> items = q.getResultList().stream().map(row -> new DeskBadgeView((String) row[0], (String) row[1],
                (String) row[2], (String) row[3], (String) row[4], (String) row[5], (Category) row[6], (Integer) row[7],
                BadgeView.at((Instant) row[8], zone), BadgeView.at((Instant) row[9], zone), BadgeView.at((Instant) row[10], zone),
                (CollectedBy) row[11], (String) row[12], (String) row[13])).toList();
        return new PageView<>(items, page, size, total);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static Long currentBadgeId(Long registrationId) {
        List<Long> ids = Badge.getEntityManager().createQuery("select b.id from Badge b where b.registrationId = ?1"
                + " and b.revokedAt is null", Long.class).setParameter(1, registrationId).getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** The conditional update: 1 when this call collected the badge, 0 when it was collected (or revoked) already. */
    private static int mark(Long badgeId, CollectedBy how, String proxyName, String staff, Instant now) {
        return Badge.update("collectedAt = ?1, collectedBy = ?2, proxyName = ?3, handedOutBy = ?4"
                + " where id = ?5 and collectedAt is null and revokedAt is null", now, how, proxyName, cut(staff, 64), badgeId);
    }

    private static String describe(Badge b, ZoneId zone) {
        String when = "on " + WHEN.format(b.collectedAt.atZone(zone)) + " (" + zone.getId() + ")";
        String who = b.collectedBy == CollectedBy.PROXY ? "by proxy " + b.proxyName : "by the delegate in person";
        return when + " " + who + (b.handedOutBy != null ? ", marked by " + b.handedOutBy : "");
    }

    private static String detail(CollectedBy how, String proxyName) {
        return how == CollectedBy.PROXY ? "PROXY: " + proxyName : "SELF";
    }

    private void record(String staff, HandOut h) {
        audit.record(staff, AuditAction.BADGE_COLLECTED, h.eventSlug(), h.publicId(), h.detail());
    }

    private static CollectedBy collectedBy(String by, Violations v) {
        if (by == null || by.isBlank()) {
            v.rule("by", "required");
            return null;
        }
        try {
            return CollectedBy.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.rule("by", "collected_by");
            return null;
        }
    }

    /** The proxy's name, trimmed and NFC-normalised; a violation {@code proxyName} when it is missing, too long or not a name. */
    static String proxyName(String raw, boolean required, boolean refused, Violations v) {
        String name = Text.clean(raw);
        if (name == null) {
            if (required) {
                v.rule("proxyName", "required");
            }
            return null;
        }
        if (refused) {
            v.rule("proxyName", "proxy_name_self");
        } else if (name.length() > MAX_PROXY_NAME) {
            v.rule("proxyName", "size", Map.of("min", 1, "max", MAX_PROXY_NAME));
        } else if (!name.matches(Text.NAME_CHARS)) {
            v.rule("proxyName", "control_characters");
        }
        return name;
    }

    private static Boolean trueFalse(String raw, String name, Violations v) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String t = raw.strip().toLowerCase(Locale.ROOT);
        if (!t.equals("true") && !t.equals("false")) {
            v.rule(name, "true_false");
            return null;
        }
        return t.equals("true");
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
