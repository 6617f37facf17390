package org.forumpass.registration;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.forumpass.common.PageView;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.event.Category;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;
import org.forumpass.registration.RegistrationRecords.RegistrationView;

/**
 * The organizers' search: q (name, e-mail, organization), country, organization, category, status; issue 14: photo,
 * documentNumber, identity, ready (for badge), answer.{key}; issue 15: delegation; issue 16: vip; paged.
 */
@ApplicationScoped
public class RegistrationSearch {
    @Inject
    EventService events;
    @Inject
    RegistrationService registrations;
    @Inject
    jakarta.enterprise.inject.Instance<DelegationHook> delegations;

    public record Filter(String q, String country, String organization, String category, String status, String photo,
                         String documentNumber, String identity, java.util.Map<String, String> answers, String ready,
                         /** issue 15: a delegation's public id, or {@code none} for the delegates of no delegation. */
                         String delegation,
                         /** issue 16: {@code true} keeps the VIPs, {@code false} the others. */
                         String vip) {
        public Filter(String q, String country, String organization, String category, String status, String photo,
                      String documentNumber, String identity, java.util.Map<String, String> answers, String ready,
                      String delegation) {
            this(q, country, organization, category, status, photo, documentNumber, identity, answers, ready, delegation, null);
        }

        public Filter(String q, String country, String organization, String category, String status, String photo,
                      String documentNumber, String identity, java.util.Map<String, String> answers, String ready) {
            this(q, country, organization, category, status, photo, documentNumber, identity, answers, ready, null);
        }

        public Filter(String q, String country, String organization, String category, String status, String photo,
                      String documentNumber, String identity, java.util.Map<String, String> answers) {
            this(q, country, organization, category, status, photo, documentNumber, identity, answers, null);
        }

        public Filter(String q, String country, String organization, String category, String status) {
            this(q, country, organization, category, status, null, null, null, java.util.Map.of());
        }

        public Filter(String q, String country, String organization, String category, String status, String photo,
                      String documentNumber, String identity) {
            this(q, country, organization, category, status, photo, documentNumber, identity, java.util.Map.of());
        }
    }

    /** The query's where clause and parameters; also used by exports. */
    public record Where(String jpql, Parameters params) {
    }

    @Transactional
    public PageView<RegistrationView> search(String slug, Filter f, int page, int size) {
        PageView.check(page, size);
        Event event = events.require(slug);
        Where where = where(event, f);
        var query = Registration.find(where.jpql() + " order by r.familyName, r.givenName, r.publicId", where.params());
        long total = query.count();
        List<RegistrationView> items = query.page(Page.of(page, size)).<Registration>list().stream()
                .map(registrations::view).toList();
        return new PageView<>(items, page, size, total);
    }

    /** The organizers' where clause, every filter; also used by exports. */
    public Where where(Event event, Filter f) {
        return where(event, f, true, delegations.isResolvable() ? delegations.get() : null);
    }

    /** With {@code matchEmail} false, {@code q} matches names and organizations only (the door's search; no delegation filter). */
    public static Where where(Event event, Filter f, boolean matchEmail) {
        return where(event, f, matchEmail, null);
    }

    private static Where where(Event event, Filter f, boolean matchEmail, DelegationHook delegations) {
        Violations v = new Violations();
        List<String> clauses = new ArrayList<>();
        Parameters p = Parameters.with("event", event);
        clauses.add("r.event = :event");
        if (f.q() != null && !f.q().isBlank()) {
            String like = "%" + f.q().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            clauses.add("(lower(r.givenName) like :q or lower(r.familyName) like :q or lower(r.nativeName) like :q"
                    + (matchEmail ? " or r.emailKey like :q" : "") + " or r.organizationKey like :q"
                    + " or lower(concat(r.givenName, ' ', r.familyName)) like :q)");
            p.and("q", like);
        }
        if (f.country() != null && !f.country().isBlank()) {
            clauses.add("r.country = :country");
            p.and("country", f.country().strip().toUpperCase(Locale.ROOT));
        }
        if (f.organization() != null && !f.organization().isBlank()) {
            clauses.add("r.organizationKey = :org");
            p.and("org", DelegateInput.organizationKey(f.organization()));
        }
        if (f.category() != null && !f.category().isBlank()) {
            try {
                p.and("category", Category.valueOf(f.category().strip().toUpperCase(Locale.ROOT)));
                clauses.add("r.category = :category");
            } catch (IllegalArgumentException e) {
                v.add("category", "must be one of " + java.util.Arrays.toString(Category.values()));
            }
        }
        if (f.status() != null && !f.status().isBlank()) {
            try {
                p.and("status", RegistrationStatus.valueOf(f.status().strip().toUpperCase(Locale.ROOT)));
                clauses.add("r.status = :status");
            } catch (IllegalArgumentException e) {
                v.add("status", "must be one of " + java.util.Arrays.toString(RegistrationStatus.values()));
            }
        }
        delegationClause(event, f.delegation(), delegations, clauses, p, v);
        if (f.vip() != null && !f.vip().isBlank()) {
            String vip = f.vip().strip().toLowerCase(Locale.ROOT);
            if (vip.equals("true") || vip.equals("false")) {
                clauses.add("r.vip = :vip");
                p.and("vip", vip.equals("true"));
            } else {
                v.rule("vip", "true_false");
            }
        }
        PhotoFilter.add(f.photo(), clauses, p, v);
        IdentityFilter.add(f, clauses, p, v);
        ReadyFilter.add(event, f.ready(), clauses, p, v);
        answerClauses(f, clauses, p, v);
        v.throwIfAny();
        return new Where("from Registration r where " + String.join(" and ", clauses), p);
    }

    /**
     * issue 15: {@code delegation=<public id>} keeps the members of the event's delegation (those withdrawn too: their
     * status tells), {@code delegation=none} the delegates of no delegation. The id is resolved through the delegation
     * feature's hook, so the clause reads the registration's own column only.
     */
    private static void delegationClause(Event event, String delegation, DelegationHook delegations, List<String> clauses,
                                         Parameters p, Violations v) {
        if (delegation == null || delegation.isBlank()) {
            return;
        }
        String wanted = delegation.strip();
        if (wanted.equals("none")) {
            clauses.add("r.delegationId is null");
            return;
        }
        Long id = delegations == null || wanted.length() > 40 ? null : delegations.idOf(event, wanted);
        if (id == null) {
            v.rule("delegation", "delegation_not_found");
            return;
        }
        clauses.add("r.delegationId = :delegation");
        p.and("delegation", id);
    }

    /**
     * issue 14: {@code answer.<key>=value} keeps the delegates who gave that answer (text compared without case; a
     * MULTI_CHOICE answer matches any one of its values; BOOLEAN true or false).
     */
    private static void answerClauses(Filter f, List<String> clauses, Parameters p, Violations v) {
        if (f.answers() == null) {
            return;
        }
        int i = 0;
        for (java.util.Map.Entry<String, String> e : new java.util.TreeMap<>(f.answers()).entrySet()) {
            if (!e.getKey().matches("[a-z][a-z0-9_]{0,31}")) {
                v.add("answer." + (e.getKey().length() <= 40 ? e.getKey() : "?"), "is not a form field key");
                continue;
            }
            String value = e.getValue() == null ? "" : e.getValue().strip();
            clauses.add("exists (select 1 from RegistrationAnswer a" + i + " where a" + i + ".registrationId = r.id and a" + i
                    + ".key = :ak" + i + " and (lower(a" + i + ".answer) = :av" + i + " or (a" + i + ".type = 'MULTI_CHOICE' and a"
                    + i + ".answer like :am" + i + ")))");
            p.and("ak" + i, e.getKey());
            p.and("av" + i, value.toLowerCase(Locale.ROOT));
            p.and("am" + i, "%\"" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "\"%");
            i++;
        }
    }
}
