package org.forumpass.audit;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.forumpass.common.PageView;
import org.forumpass.common.RequestValidator;

/**
 * The audit log. Each entry is written in a transaction of its own once the action succeeded (and for a
 * failed sign-in, because it failed), so an entry never disappears with a rollback of something else.
 */
@ApplicationScoped
public class AuditService {
    @Inject
    Clock clock;

    /** {@code within}: only entries of these events (an organizer scoped to them), or null for the whole log. */
    public record Filter(String event, String actor, String action, OffsetDateTime from, OffsetDateTime to,
                         java.util.Set<String> within) {
        public Filter(String event, String actor, String action, OffsetDateTime from, OffsetDateTime to) {
            this(event, actor, action, from, to, null);
        }
    }

    public record AuditView(OffsetDateTime at, String actor, AuditAction action, String event, String subject, String detail) {
        static AuditView of(AuditEntry e) {
            return new AuditView(OffsetDateTime.ofInstant(e.at, ZoneOffset.UTC), e.actor, e.action, e.eventSlug, e.subject, e.detail);
        }
    }

    public void record(SecurityIdentity who, AuditAction action, String event, String subject, String detail) {
        record(who == null || who.isAnonymous() ? "anonymous" : who.getPrincipal().getName(), action, event, subject, detail);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String actor, AuditAction action, String event, String subject, String detail) {
        AuditEntry e = new AuditEntry();
        e.at = Instant.now(clock);
        e.actor = cut(actor == null ? "anonymous" : actor, 64);
        e.action = action;
        e.eventSlug = cut(event, 64);
        e.subject = cut(subject, 64);
        e.detail = cut(detail, 1000);
        e.persist();
    }

    @Transactional
    public PageView<AuditView> list(Filter f, int page, int size) {
        PageView.check(page, size);
        Where w = where(f);
        var q = AuditEntry.find(w.jpql + " order by at desc, id desc", w.params);
        return new PageView<>(q.page(Page.of(page, size)).<AuditEntry>list().stream().map(AuditView::of).toList(), page, size,
                q.count());
    }

    /** Every matching entry, oldest first, read through a cursor. */
    @Transactional
    public void each(Filter f, Consumer<AuditView> out) {
        Where w = where(f);
        try (var s = AuditEntry.<AuditEntry>find(w.jpql + " order by at, id", w.params).withHint("org.hibernate.fetchSize", 1000)
                .stream()) {
            s.forEach(e -> {
                out.accept(AuditView.of(e));
                AuditEntry.getEntityManager().detach(e);
            });
        }
    }

    private record Where(String jpql, Parameters params) {
    }

    private static Where where(Filter f) {
        List<String> c = new ArrayList<>();
        Parameters p = new Parameters();
        RequestValidator.Violations v = new RequestValidator.Violations();
        if (f.event() != null && !f.event().isBlank()) {
            c.add("eventSlug = :event");
            p.and("event", f.event().strip());
        }
        if (f.within() != null) {
            if (f.within().isEmpty()) {
                c.add("1 = 0");
            } else {
                c.add("eventSlug in :within");
                p.and("within", List.copyOf(f.within()));
            }
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            c.add("actor = :actor");
            p.and("actor", f.actor().strip());
        }
        if (f.action() != null && !f.action().isBlank()) {
            try {
                p.and("action", AuditAction.valueOf(f.action().strip().toUpperCase(Locale.ROOT)));
                c.add("action = :action");
            } catch (IllegalArgumentException e) {
                v.add("action", "must be one of " + java.util.Arrays.toString(AuditAction.values()));
            }
        }
        if (f.from() != null) {
            c.add("at >= :from");
            p.and("from", f.from().toInstant());
        }
        if (f.to() != null) {
            c.add("at < :to");
            p.and("to", f.to().toInstant());
        }
        v.throwIfAny();
        return new Where(c.isEmpty() ? "1 = 1" : String.join(" and ", c), p);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
