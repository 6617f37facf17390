package org.forumpass.delegation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.forumpass.common.Db;
import org.forumpass.common.PublicUrl;
import org.forumpass.common.RequestValidator;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Retry;
import org.forumpass.common.error.DomainException;
import org.forumpass.delegation.DelegationRecords.CreateDelegationRequest;
import org.forumpass.delegation.DelegationRecords.CreatedDelegation;
import org.forumpass.delegation.DelegationRecords.DelegationRef;
import org.forumpass.delegation.DelegationRecords.DelegationSummary;
import org.forumpass.delegation.DelegationRecords.DelegationView;
import org.forumpass.delegation.DelegationRecords.FocalPoint;
import org.forumpass.delegation.DelegationRecords.MemberView;
import org.forumpass.delegation.DelegationRecords.QuotaView;
import org.forumpass.delegation.DelegationRecords.UpdateDelegationRequest;
import org.forumpass.event.Category;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;
import org.forumpass.registration.DelegateInput;
import org.forumpass.registration.DelegationHook;
import org.forumpass.registration.ManageTokens;
import org.forumpass.registration.Registration;
import org.forumpass.registration.RegistrationEvents;
import org.forumpass.registration.RegistrationRecords.RegisterRequest;
import org.forumpass.registration.RegistrationRecords.RegisterResponse;
import org.forumpass.registration.RegistrationRecords.RegistrationView;
import org.forumpass.registration.RegistrationService;
import org.forumpass.registration.RegistrationService.Actor;
import org.forumpass.registration.RegistrationService.Origin;
import org.forumpass.registration.RegistrationStatus;
import org.forumpass.visa.VisaLetterService;

/**
 * Delegations (issue 15): a focal point registers and manages a group's members within quotas per category.
 * A member is an ordinary registration that names its delegation and holds one of its quota places; the place
 * is taken in the member's own transaction (a conditional UPDATE of the quota's counter, before the event's seat,
 * so every path locks the two rows in the same order) and given back when the member is withdrawn, cancelled,
 * rejected or erased ({@link #onEnded}).
 */
@ApplicationScoped
public class DelegationService implements DelegationHook {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EventService events;
    @Inject
    RegistrationService registrations;
    @Inject
    RequestValidator validator;
    @Inject
    ManageTokens tokens;
    @Inject
    Clock clock;
    @Inject
    PublicUrl publicUrl;
    @Inject
    DelegationMail mail;
    @Inject
    Instance<DelegationService> self;
    @Inject
    VisaLetterService letters;

    // ---- organizers ---------------------------------------------------------------------------

    @Transactional
    public CreatedDelegation create(String slug, CreateDelegationRequest req) {
        Event event = events.require(slug);
        Violations v = validator.start(req);
        if (req == null) {
            v.throwIfAny();
        }
        String country = req.country() == null ? null : DelegateInput.country(req.country(), "country", v);
        String email = req.focalPoint() == null || req.focalPoint().email() == null ? null
                : DelegateInput.email(req.focalPoint().email(), "focalPoint.email", v);
        if (req.quotas() != null && req.quotas().values().stream().allMatch(n -> n == null || n == 0)) {
            v.rule("quotas", "quota_none");
        }
        v.throwIfAny();
        Instant now = clock.instant();
        Delegation d = new Delegation();
        d.publicId = newPublicId();
        d.event = event;
        d.name = clean(req.name());
        d.country = country;
        d.organization = clean(req.organization());
        d.focalName = clean(req.focalPoint().name());
        d.focalEmail = email;
        d.focalLanguage = req.focalPoint().language() == null ? "en" : req.focalPoint().language();
        d.tokenVersion = 1;
        d.createdAt = now;
        d.updatedAt = now;
        if (Delegation.count("event = ?1 and name = ?2", event, d.name) > 0) {
            throw nameTaken(d.name);
        }
        try {
            d.persistAndFlush();
        } catch (PersistenceException e) {
            if (Db.isConstraintViolation(e)) {
                throw nameTaken(d.name);
            }
            throw e;
        }
        for (Map.Entry<Category, Integer> q : req.quotas().entrySet()) {
            DelegationQuota row = new DelegationQuota();
            row.delegationId = d.id;
            row.category = q.getKey();
            row.quota = q.getValue();
            row.used = 0;
            row.persist();
        }
        mail.invite(d, focalPointUrl(d));
        return new CreatedDelegation(d.publicId, token(d), focalPointUrl(d));
    }

    /**
     * Sends the focal point its link again (a lost e-mail, a new focal point); with {@code revoke} the old link stops
     * working first (the token's version moves on), as when the focal point changes or the link leaked.
     */
    @Transactional
    public CreatedDelegation sendLink(String publicId, boolean revoke) {
        Delegation d = require(publicId);
        if (revoke) {
            d.tokenVersion++;
            d.updatedAt = clock.instant();
        }
        mail.invite(d, focalPointUrl(d));
        return new CreatedDelegation(d.publicId, token(d), focalPointUrl(d));
    }

    @Transactional
    public List<DelegationSummary> list(String slug) {
        Event event = events.require(slug);
        List<Delegation> all = Delegation.listByEvent(event);
        Map<Long, Long> members = new java.util.HashMap<>();
        for (Object[] row : Registration.getEntityManager().createQuery(
                "select r.delegationId, count(r) from Registration r where r.event = ?1 and r.delegationPlace = true"
                        + " group by r.delegationId", Object[].class).setParameter(1, event).getResultList()) {
            members.put((Long) row[0], (Long) row[1]);
        }
        return all.stream().map(d -> {
            Map<Category, QuotaView> quotas = quotas(d);
            int used = quotas.values().stream().mapToInt(QuotaView::used).sum();
            int total = quotas.values().stream().mapToInt(QuotaView::quota).sum();
            return new DelegationSummary(d.publicId, d.name, d.country, d.organization, focalPoint(d), quotas, used, total,
                    members.getOrDefault(d.id, 0L).intValue());
        }).toList();
    }

    /** PATCH: organizers change anything; a focal point only its own contact details. */
    @Transactional
    public DelegationView update(String publicId, UpdateDelegationRequest req, boolean organizer) {
        Delegation d = require(publicId);
        Violations v = validator.start(req);
        if (req == null) {
            v.throwIfAny();
        }
        if (!organizer && (req.name() != null || req.country() != null || req.organization() != null || req.quotas() != null)) {
            v.rule("focalPoint", "focal_point_only");
        }
        String country = req.country() == null ? d.country : DelegateInput.country(req.country(), "country", v);
        String email = req.focalPoint() == null || req.focalPoint().email() == null ? d.focalEmail
                : DelegateInput.email(req.focalPoint().email(), "focalPoint.email", v);
        v.throwIfAny();
        if (req.name() != null && !clean(req.name()).equals(d.name)) {
            if (Delegation.count("event = ?1 and name = ?2", d.event, clean(req.name())) > 0) {
                throw nameTaken(clean(req.name()));
            }
            d.name = clean(req.name());
        }
        d.country = country;
        if (req.organization() != null) {
            d.organization = clean(req.organization());
        }
        if (req.focalPoint() != null) {
            d.focalName = clean(req.focalPoint().name());
            d.focalEmail = email;
            if (req.focalPoint().language() != null) {
                d.focalLanguage = req.focalPoint().language();
            }
        }
        if (req.quotas() != null) {
            for (Map.Entry<Category, Integer> q : req.quotas().entrySet()) {
                setQuota(d, q.getKey(), q.getValue());
            }
        }
        d.updatedAt = clock.instant();
        return view(d);
    }

    /** A quota never drops below the places in use: one conditional UPDATE, so a member added meanwhile is counted. */
    private void setQuota(Delegation d, Category category, int quota) {
        int changed = DelegationQuota.update("quota = ?1 where delegationId = ?2 and category = ?3 and used <= ?1",
                quota, d.id, category);
        if (changed == 1) {
            return;
        }
        DelegationQuota.<DelegationQuota>find("delegationId = ?1 and category = ?2", d.id, category).firstResultOptional()
                .ifPresentOrElse(row -> {
                    throw new DomainException(DelegationError.QUOTA_BELOW_USED, category + ": " + row.used
                            + " places are in use; withdraw members first");
                }, () -> {
                    DelegationQuota row = new DelegationQuota();
                    row.delegationId = d.id;
                    row.category = category;
                    row.quota = quota;
                    row.used = 0;
                    row.persist();
                });
    }

    // ---- the focal point and organizers ------------------------------------------------------

    @Transactional
    public DelegationView view(String publicId) {
        return view(require(publicId));
    }

    public RegisterResponse addMember(String publicId, RegisterRequest req, Origin origin) {
        return Retry.onConflict(() -> self.get().addMemberOnce(publicId, req, origin));
    }

    @Transactional
    public RegisterResponse addMemberOnce(String publicId, RegisterRequest req, Origin origin) {
        Delegation d = require(publicId);
        RegisterRequest body = req == null ? null : req.withDefaults(d.country, d.organization, null);
        if (body == null) {
            validator.start(null).throwIfAny();
        }
        // every other bad field is reported at once by registerOnce's checks, which roll the place back; without a
        // category they refuse the body (it is required), so no member is registered without a place
        if (body.category() != null && !DelegationQuota.take(d.id, body.category())) {
            throw quotaExceeded(d, body.category());
        }
        return registrations.registerOnce(d.event.slug, body, origin, d.id);
    }

    public DelegationView withdraw(String publicId, String registrationId, Actor actor) {
        return Retry.onConflict(() -> self.get().withdrawOnce(publicId, registrationId, actor));
    }

    @Transactional
    public DelegationView withdrawOnce(String publicId, String registrationId, Actor actor) {
        Delegation d = require(publicId);
        requireMember(d, registrationId);
        registrations.cancelOnce(registrationId, actor);
        return view(d);
    }

    public RegisterResponse replace(String publicId, String registrationId, RegisterRequest req, Origin origin, Actor actor) {
        return Retry.onConflict(() -> self.get().replaceOnce(publicId, registrationId, req, origin, actor));
    }

    @Transactional
    public RegisterResponse replaceOnce(String publicId, String registrationId, RegisterRequest req, Origin origin, Actor actor) {
        Delegation d = require(publicId);
        requireMember(d, registrationId);
        RegisterRequest body = req == null ? null : req.withDefaults(d.country, d.organization, null);
        return registrations.substituteOnce(registrationId, body, origin, actor);
    }

    /** The public ids of the delegation's confirmed members, for bulk actions (badges handed out, letters). */
    @Transactional
    public List<String> confirmedMembers(String publicId) {
        Delegation d = require(publicId);
        return Registration.getEntityManager().createQuery("select r.publicId from Registration r where r.delegationId = ?1"
                        + " and r.delegationPlace = true and r.status = ?2 order by r.createdAt, r.id", String.class)
                .setParameter(1, d.id).setParameter(2, RegistrationStatus.CONFIRMED).getResultList();
    }

    // ---- access ------------------------------------------------------------------------------

    /** 404 delegation.not_member unless the registration is a member of the delegation (withdrawn ones too). */
    @Transactional
    public void requireMember(String publicId, String registrationId) {
        requireMember(require(publicId), registrationId);
    }

    /** The event of the delegation, for the staff scope check; 404 when there is no such delegation. */
    @Transactional
    public String eventSlugOf(String publicId) {
        return require(publicId).event.slug;
    }

    @Transactional
    public boolean tokenOpens(String publicId, String token) {
        return Delegation.findByPublicId(publicId).map(d -> ManageTokens.same(token(d), token)).orElse(false);
    }

    @Override
    public boolean opens(Long delegationId, String token) {
        Delegation d = Delegation.findById(delegationId);
        return d != null && ManageTokens.same(token(d), token);
    }

    @Override
    public Object summaryOf(Long delegationId) {
        Delegation d = Delegation.findById(delegationId);
        return d == null ? null : new DelegationRef(d.publicId, d.name);
    }

    @Override
    public void moveCategory(Long delegationId, Category from, Category to) {
        Delegation d = Delegation.findById(delegationId);
        if (!DelegationQuota.take(delegationId, to)) {
            throw quotaExceeded(d, to);
        }
        DelegationQuota.release(delegationId, from);
    }

    @Override
    public Long idOf(Event event, String publicId) {
        return Delegation.<Delegation>find("event = ?1 and publicId = ?2", event, publicId).firstResultOptional()
                .map(d -> d.id).orElse(null);
    }

    /** The import's {@code delegation} column: the exact name wins over one that differs only in case. */
    @Override
    public Named named(Event event, String name) {
        String wanted = clean(name);
        if (wanted == null || wanted.isEmpty()) {
            return null;
        }
        List<Delegation> found = Delegation.list("event = ?1 and lower(name) = ?2 order by id", event,
                wanted.toLowerCase(java.util.Locale.ROOT));
        return found.stream().filter(d -> d.name.equals(wanted)).findFirst().or(() -> found.stream().findFirst())
                .map(d -> {
                    Map<Category, Integer> quotas = new EnumMap<>(Category.class);
                    DelegationQuota.listByDelegation(d.id).forEach(q -> quotas.put(q.category, q.quota));
                    return new Named(d.id, d.name, d.country, d.organization, quotas);
                }).orElse(null);
    }

    @Override
    public boolean takePlace(Long delegationId, Category category) {
        return DelegationQuota.take(delegationId, category);
    }

    /** A member withdrawn, cancelled, rejected or erased gives its place back (once: the flag goes with it). */
    void onEnded(@Observes RegistrationEvents.Ended e) {
        Registration r = e.registration();
        if (r.delegationPlace) {
            DelegationQuota.release(r.delegationId, r.category);
            r.delegationPlace = false;
        }
    }

    public String token(Delegation d) {
        return tokens.delegationToken(d.publicId, d.tokenVersion);
    }

    public String focalPointUrl(Delegation d) {
        return publicUrl.base() + "/d/" + d.publicId + "?t=" + token(d);
    }

    // ---- views -------------------------------------------------------------------------------

    DelegationView view(Delegation d) {
        ZoneId zone = d.event.zone();
        List<Registration> all = Registration.list("delegationId = ?1", d.id);
        List<MemberView> members = all.stream()
                .sorted(Comparator.comparing((Registration r) -> !r.delegationPlace).thenComparing(r -> r.createdAt)
                        .thenComparing(r -> r.publicId))
                .map(r -> member(r, zone)).toList();
        return new DelegationView(d.publicId, d.event.slug, d.name, d.country, d.organization, focalPoint(d), quotas(d),
                members, OffsetDateTime.ofInstant(d.createdAt, zone), OffsetDateTime.ofInstant(d.updatedAt, zone));
    }

    private MemberView member(Registration r, ZoneId zone) {
        RegistrationView v = registrations.view(r.publicId);
        Object letter = letters.find(r.publicId);
        return new MemberView(r.publicId, r.givenName, r.familyName, r.nativeName, r.email, r.category, r.status,
                r.delegationPlace, v.photo(), v.badge(), letter, OffsetDateTime.ofInstant(r.createdAt, zone));
    }

    private static Map<Category, QuotaView> quotas(Delegation d) {
        Map<Category, QuotaView> out = new EnumMap<>(Category.class);
        for (DelegationQuota q : DelegationQuota.listByDelegation(d.id)) {
            out.put(q.category, new QuotaView(q.quota, q.used, Math.max(0, q.quota - q.used)));
        }
        return out;
    }

    private static FocalPoint focalPoint(Delegation d) {
        return new FocalPoint(d.focalName, d.focalEmail, d.focalLanguage);
    }

    Delegation require(String publicId) {
        return Delegation.findByPublicId(publicId).orElseThrow(
                () -> new DomainException(DelegationError.NOT_FOUND, "No delegation '" + publicId + "'"));
    }

    private static void requireMember(Delegation d, String registrationId) {
        Registration r = Registration.findByPublicId(registrationId).orElse(null);
        if (r == null || !d.id.equals(r.delegationId)) {
            throw new DomainException(DelegationError.NOT_MEMBER,
                    "The registration '" + registrationId + "' is not a member of the delegation " + d.name);
        }
    }

    private static DomainException quotaExceeded(Delegation d, Category category) {
        DelegationQuota q = DelegationQuota.find("delegationId = ?1 and category = ?2", d.id, category).firstResult();
        String detail = q == null ? "The delegation " + d.name + " has no " + category + " places"
                : "All " + q.quota + " " + category + " places of the delegation " + d.name + " are taken";
        return new DomainException(DelegationError.QUOTA_EXCEEDED, detail,
                List.of(new org.forumpass.common.error.Violation("category", detail, "quota_exceeded",
                        Map.of("category", category, "quota", q == null ? 0 : q.quota))));
    }

    private static DomainException nameTaken(String name) {
        return new DomainException(DelegationError.NAME_TAKEN, "The event has a delegation named '" + name + "'",
                List.of(new org.forumpass.common.error.Violation("name", "is taken", "delegation_name_taken", Map.of())));
    }

    private static String clean(String s) {
        return s == null ? null : s.strip().replaceAll("\\s+", " ");
    }

    private static String newPublicId() {
        byte[] raw = new byte[12];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
