package org.forumpass.registration;

import static org.forumpass.common.Text.clean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.forumpass.common.BulkInsert;
import org.forumpass.common.Db;
import org.forumpass.common.ForumPassConfig;
import org.forumpass.common.RequestValidator;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Retry;
import org.forumpass.common.error.DomainException;
import org.forumpass.common.error.Violation;
import org.forumpass.event.AgendaSession;
import org.forumpass.event.Category;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;
import org.forumpass.registration.RegistrationRecords.RegisterRequest;
import org.forumpass.registration.RegistrationRecords.RegisterResponse;
import org.forumpass.registration.RegistrationRecords.RegistrationView;
import org.forumpass.registration.RegistrationRecords.SessionChoice;
import org.forumpass.registration.RegistrationRecords.SessionStatus;
import org.forumpass.registration.RegistrationRecords.UpdateRegistrationRequest;

/**
 * Registration rules. Places are settled by conditional updates on the event's and sessions'
 * counters (never check-then-insert), duplicates by unique keys, concurrent changes to one delegate
 * by optimistic locking; a transaction that loses a race is retried a bounded number of times.
 */
@ApplicationScoped
public class RegistrationService {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How many delegates one freed place can move through before giving up (others moved them already). */
    private static final int MAX_PROMOTION_STEPS = 1000;
    /** Seats left (as read) above which a badge code is signed before the seat is taken (issue 18). */
    private static final int PRESIGN_MARGIN = 100;
    /** Where a registration comes from; online ones obey the window, invitation codes and approval. */
    public enum Origin {
        ONLINE, IMPORT, ORGANIZER,
        /** A delegation's focal point: the public form's rules (window, consent, approval) without the self-service limit, since the quota grants the category. */
        DELEGATION
    }

    /** Who is acting: an organizer (by username) or the delegate. */
    public record Actor(String username, boolean organizer) {
        public static final Actor DELEGATE = new Actor(null, false);
    }

    @Inject
    EventService events;
    @Inject
    RequestValidator validator;
    @Inject
    Clock clock;
    @Inject
    ManageTokens tokens;
    @Inject
    RegistrationMail mail;
    @Inject
    ForumPassConfig config;
    @Inject
    Instance<RegistrationService> self;
    @Inject
    jakarta.enterprise.event.Event<RegistrationEvents.Confirmed> confirmed;
    @Inject
    jakarta.enterprise.event.Event<RegistrationEvents.Ended> ended;
    @Inject
    Instance<BadgeLookup> badges;
    @Inject
    Instance<IdentityHook> identities;
    @Inject
    PhotoRequirement photoRule;
    @Inject
    Instance<AnswerHook> answers;
    @Inject
    Instance<DelegationHook> delegations;
    @Inject
    jakarta.enterprise.event.Event<RegistrationEvents.ConfirmedAll> confirmedAll;
    @Inject
    jakarta.enterprise.event.Event<RegistrationEvents.ImportChunkChecked> chunkChecked;

    // ---- registering -------------------------------------------------------------------------

    public RegisterResponse register(String slug, RegisterRequest req, Origin origin) {
        try {
            return Retry.onConflict(() -> self.get().registerOnce(slug, req, origin));
        } catch (DomainException e) {
            throw FormMessages.humane(e); // issue 17: messages a person would write
        }
    }

    @Transactional
    public RegisterResponse registerOnce(String slug, RegisterRequest req, Origin origin) {
        return registerOnce(slug, req, origin, null);
    }

    /**
     * Registers one delegate; {@code delegationId} names the delegation whose quota place the caller (the
     * delegation feature) has taken in this same transaction, or is null.
     */
    @Transactional
    public RegisterResponse registerOnce(String slug, RegisterRequest req, Origin origin, Long delegationId) {
        return registerOnce(events.require(slug), req, origin, delegationId, null);
    }

    /** issue 15: one imported row; {@code delegationName} (the row's {@code delegation} column) may be null. */
    public RegisterResponse importRow(String slug, RegisterRequest req, String delegationName) {
        return importRow(slug, req, delegationName, null);
    }

    /** issue 16: with the row's protocol fields (null: none), set in the row's own transaction. */
    public RegisterResponse importRow(String slug, RegisterRequest req, String delegationName,
                                      RegistrationRecords.Protocol protocol) {
        return Retry.onConflict(() -> self.get().importRowOnce(slug, req, delegationName, protocol));
    }

    @Transactional
    public RegisterResponse importRowOnce(String slug, RegisterRequest req, String delegationName,
                                          RegistrationRecords.Protocol protocol) {
        checkImportedProtocol(protocol);
        RegisterResponse created = importRowOnce(slug, req, delegationName);
        if (protocol != null) {
            Registration r = require(created.id());
            applyProtocol(r, protocol);
            r.flush();
        }
        return created;
    }

    /** An imported row's protocol fields, named by the file's columns (vipRank, protocolNote) when refused. */
    private void checkImportedProtocol(RegistrationRecords.Protocol protocol) {
        if (protocol == null) {
            return;
        }
        Violations v = validator.start(protocol);
        checkProtocol(protocol, "", v);
        Violations named = new Violations();
        v.list().forEach(x -> named.put(new Violation(switch (x.field()) {
            case "rank" -> "vipRank";
            case "note" -> "protocolNote";
            default -> x.field();
        }, x.message(), x.code(), x.args())));
        named.throwIfAny();
    }

    /** The violations of a row whose delegation the event does not have (its other faults too, but not the country and organization it leaves to the delegation). */
    private Violations unknownDelegation(RegisterRequest req, String delegationName) {
        Violations v = new Violations();
        validator.start(req).list().stream().filter(x -> !("required".equals(x.code())
                && (x.field().equals("country") || x.field().equals("organization")))).forEach(v::put);
        v.rule("delegation", "delegation_unknown", Map.of("name", clean(delegationName)));
        return v;
    }

    /**
     * An imported row that names its delegation (by name, without regard to case) joins it: the row's empty country
     * and organization are the delegation's, and it takes a quota place in its category in this transaction, after
     * the row's own checks (so a row imported before is reported as existing, not as over the quota) and before
     * the event's seat (the order in which every path locks the two). A full quota or an unknown name is a
     * violation of the field {@code delegation}.
     */
    @Transactional
    public RegisterResponse importRowOnce(String slug, RegisterRequest req, String delegationName) {
        Event event = events.require(slug);
        if (delegationName == null || delegationName.isBlank() || req == null) {
            return registerOnce(event, req, Origin.IMPORT, null, null);
        }
        DelegationHook.Named named = delegations.isResolvable() ? delegations.get().named(event, delegationName) : null;
        if (named == null) {
            unknownDelegation(req, delegationName).throwIfAny();
        }
        return registerOnce(event, req.withDefaults(named.country(), named.organization(), null), Origin.IMPORT, named.id(), named);
    }

    // ---- issue 18: the import, a chunk of rows in one transaction ---------------------------------

    /** One row of an import: its request, its delegation's name (or null) and its protocol fields (or null). */
    public record ImportRow(RegisterRequest request, String delegationName, RegistrationRecords.Protocol protocol) {
    }

    /** What became of a row: CREATED (with the registration's id and status), EXISTS, or INVALID with its violations. */
    public record ImportOutcome(String result, String id, RegistrationStatus status, String emailKey, List<Violation> errors) {
        static ImportOutcome exists(String emailKey) {
            return new ImportOutcome("EXISTS", null, null, emailKey, List.of());
        }

        static ImportOutcome invalid(DomainException e) {
            return new ImportOutcome("INVALID", null, null, null,
                    e.violations().isEmpty() ? List.of(new Violation("row", e.getMessage())) : e.violations());
        }
    }

    private static final List<String> REGISTRATION_COLUMNS = List.of("public_id", "event_id", "status", "holds_seat",
            "given_name", "family_name", "native_name", "job_title", "organization", "organization_key", "country", "email",
            "email_key", "phone", "category", "language", "consent_at", "consent_version", "invitation_code_id",
            "token_version", "source", "delegation_id", "delegation_place", "vip", "vip_rank", "protocol_note",
            "waitlisted_at", "created_at", "updated_at", "version");
    private static final List<String> SESSION_COLUMNS = List.of("registration_id", "session_id", "status", "holds_seat",
            "waitlisted_at", "created_at", "version");

    /**
     * Imports rows as {@link #importRowOnce} would one by one, in one transaction and with a few statements for the lot:
     * every row is checked first (nothing written), the chunk's e-mails are looked up in one query (earlier chunks are
     * committed), then in the rows' order each new e-mail (one registered, or earlier in the chunk, is EXISTS) takes its
     * delegation's place; the event's places and each session's seats are taken at once for the chunk and given in
     * the rows' order, exactly as many as are left (the rest wait, as they would row by row); the registrations and
     * their sessions are inserted by multi-row INSERTs, badges issued together, mails queued for after the commit.
     * A row's refusal is its outcome; a unique key or a lock that refuses the chunk (a registration with one of its
     * e-mails committed meanwhile, another replica) rolls all of it back: the caller then imports its rows one by one.
     */
    @Transactional
    public List<ImportOutcome> importChunkOnce(String slug, List<ImportRow> rows) {
        Event event = events.require(slug);
        Instant now = clock.instant();
        int n = rows.size();
        ImportOutcome[] out = new ImportOutcome[n];
        Checked[] checked = new Checked[n];
        RegisterRequest[] requests = new RegisterRequest[n];
        DelegationHook.Named[] joining = new DelegationHook.Named[n];
        Map<String, AgendaSession> sessionsByCode = null;
        AnswerHook.Preparer answerer = answers.isResolvable() ? answers.get().preparer(event) : null;
        Map<String, Optional<DelegationHook.Named>> delegationsByName = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ImportRow row = rows.get(i);
            try {
                checkImportedProtocol(row.protocol());
                RegisterRequest req = row.request();
                String name = row.delegationName();
                if (name != null && !name.isBlank() && req != null) {
                    DelegationHook.Named named = delegationsByName.computeIfAbsent(name.strip().toLowerCase(java.util.Locale.ROOT),
                            k -> Optional.ofNullable(delegations.isResolvable() ? delegations.get().named(event, name) : null))
                            .orElse(null);
                    if (named == null) {
                        unknownDelegation(req, name).throwIfAny();
                    }
                    joining[i] = named;
                    req = req.withDefaults(named.country(), named.organization(), null);
                }
                if (sessionsByCode == null && req != null && req.sessions() != null && !req.sessions().isEmpty()) {
                    sessionsByCode = sessionIndex(event);
                }
                checked[i] = check(event, req, Origin.IMPORT, now, sessionsByCode == null ? Map.of() : sessionsByCode, answerer, false);
                requests[i] = req;
            } catch (DomainException e) {
                out[i] = ImportOutcome.invalid(e);
            }
        }
        List<String> keys = new ArrayList<>();
        for (Checked c : checked) {
            if (c != null) {
                keys.add(c.emailKey());
            }
        }
        java.util.Set<String> registered = keys.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>(
                Registration.getEntityManager().createQuery("select r.emailKey from Registration r where r.event = ?1"
                        + " and r.emailKey in ?2", String.class).setParameter(1, event).setParameter(2, keys).getResultList());
        chunkChecked.fire(new RegistrationEvents.ImportChunkChecked(event, keys));
        // in the rows' order, as row by row: a new e-mail takes its delegation's place (the order every path locks in)
        List<Integer> creating = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            Checked in = checked[i];
            if (in == null) {
                continue;
            }
            if (registered.contains(in.emailKey()) || taken.contains(in.emailKey())) {
                out[i] = ImportOutcome.exists(in.emailKey());
                continue;
            }
            DelegationHook.Named named = joining[i];
            if (named != null && !delegations.get().takePlace(named.id(), requests[i].category())) {
                Violations full = new Violations();
                full.rule("delegation", "delegation_full", Map.of("name", named.name(), "category", requests[i].category(),
                        "quota", named.quotas().getOrDefault(requests[i].category(), 0)));
                try {
                    full.throwIfAny();
                } catch (DomainException e) {
                    out[i] = ImportOutcome.invalid(e);
                }
                continue;
            }
            taken.add(in.emailKey());
            creating.add(i);
        }
        if (creating.isEmpty()) {
            return List.of(out);
        }
        // the event's places: as many as are left, to the first rows
        int places = events.takeEventSeats(event, creating.size());
        List<Registration> created = new ArrayList<>(creating.size());
        List<Object[]> values = new ArrayList<>(creating.size());
        for (int i : creating) {
            Registration r = newRegistration(event, requests[i], checked[i], Origin.IMPORT, now);
            DelegationHook.Named named = joining[i];
            r.delegationId = named == null ? null : named.id();
            r.delegationPlace = named != null;
            if (places > 0) {
                places--;
                r.holdsSeat = true;
                r.status = needsApproval(event, r.category, Origin.IMPORT) || PhotoRequirement.required(event, r.category)
                        ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED;
            } else {
                r.holdsSeat = false;
                r.status = RegistrationStatus.WAITLISTED;
                r.waitlistedAt = now;
            }
            if (rows.get(i).protocol() != null) {
                applyProtocol(r, rows.get(i).protocol());
            }
            created.add(r);
            values.add(new Object[] {r.publicId, event.id, r.status, r.holdsSeat, r.givenName, r.familyName, r.nativeName,
                    r.jobTitle, r.organization, r.organizationKey, r.country, r.email, r.emailKey, r.phone, r.category,
                    r.language, r.consentAt, r.consentVersion, null, r.tokenVersion, r.source, r.delegationId,
                    r.delegationPlace, r.vip, r.vipRank, r.protocolNote, r.waitlistedAt, r.createdAt, r.updatedAt, 0});
        }
        var em = Registration.getEntityManager();
        BulkInsert.insert(em, "registration", REGISTRATION_COLUMNS, values);
        Map<String, Long> ids = new HashMap<>();
        for (Object[] row : em.createQuery("select r.publicId, r.id from Registration r where r.publicId in ?1", Object[].class)
                .setParameter(1, created.stream().map(r -> r.publicId).toList()).getResultList()) {
            ids.put((String) row[0], (Long) row[1]);
        }
        for (Registration r : created) {
            r.id = ids.get(r.publicId);
        }
        // the sessions' seats: per session (in id order, as every path locks them), as many as are left, in the rows' order
        java.util.TreeMap<Long, AgendaSession> chosen = new java.util.TreeMap<>();
        Map<Long, Integer> wanted = new HashMap<>();
        for (int k = 0; k < created.size(); k++) {
            for (AgendaSession s : checked[creating.get(k)].sessions()) {
                chosen.put(s.id, s);
                if (created.get(k).holdsSeat) {
                    wanted.merge(s.id, 1, Integer::sum);
                }
            }
        }
        Map<Long, Integer> seats = new HashMap<>();
        for (AgendaSession s : chosen.values()) {
            seats.put(s.id, events.takeSessionSeats(s, wanted.getOrDefault(s.id, 0)));
        }
        List<List<RegistrationSession>> sessionsOf = new ArrayList<>(created.size());
        List<Object[]> sessionValues = new ArrayList<>();
        for (int k = 0; k < created.size(); k++) {
            Registration r = created.get(k);
            List<RegistrationSession> mine = new ArrayList<>();
            for (AgendaSession s : checked[creating.get(k)].sessions()) {
                RegistrationSession rs = new RegistrationSession();
                rs.registration = r;
                rs.session = s;
                rs.createdAt = now;
                if (r.holdsSeat && seats.get(s.id) > 0) {
                    seats.merge(s.id, -1, Integer::sum);
                    rs.status = SeatStatus.CONFIRMED;
                    rs.holdsSeat = true;
                } else {
                    rs.status = SeatStatus.WAITLISTED;
                    rs.waitlistedAt = now;
                }
                mine.add(rs);
                sessionValues.add(new Object[] {r.id, s.id, rs.status, rs.holdsSeat, rs.waitlistedAt, rs.createdAt, 0});
            }
            sessionsOf.add(mine);
        }
        BulkInsert.insert(em, "registration_session", SESSION_COLUMNS, sessionValues);
        List<Registration> confirmedNow = new ArrayList<>();
        for (int k = 0; k < created.size(); k++) {
            Registration r = created.get(k);
            Checked in = checked[creating.get(k)];
            if (in.document() != null) {
                identities.get().store(r, in.document());
            }
            in.answers().saveFor(r);
            if (r.status == RegistrationStatus.CONFIRMED) {
                confirmedNow.add(r);
            }
        }
        if (!confirmedNow.isEmpty()) {
            confirmedAll.fire(new RegistrationEvents.ConfirmedAll(confirmedNow));
        }
        mail.queueAll(created, sessionsOf);
        for (int k = 0; k < created.size(); k++) {
            Registration r = created.get(k);
            out[creating.get(k)] = new ImportOutcome("CREATED", r.publicId, r.status, r.emailKey, List.of());
        }
        return List.of(out);
    }

    /** {@code joining}, when given, is the delegation whose place is taken here (the import); else the caller took it. */
    private RegisterResponse registerOnce(Event event, RegisterRequest req, Origin origin, Long delegationId,
                                          DelegationHook.Named joining) {
        Instant now = clock.instant();
        // issue 18: an online registration without invitation code leaves duplicates to the unique key (event, e-mail):
        // persistNew answers the same 409, and no other check of such a registration can fail after it
        boolean keyDecides = origin == Origin.ONLINE && joining == null && delegationId == null && req != null
                && (req.invitationCode() == null || req.invitationCode().isBlank());
        Checked in = check(event, req, origin, now, true, !keyDecides);
        if (joining != null && !delegations.get().takePlace(joining.id(), req.category())) {
            Violations full = new Violations();
            full.rule("delegation", "delegation_full", Map.of("name", joining.name(), "category", req.category(),
                    "quota", joining.quotas().getOrDefault(req.category(), 0)));
            full.throwIfAny();
        }
        if (in.invitation() != null && InvitationCode.update(
                "uses = uses + 1 where id = ?1 and (maxUses is null or uses < maxUses)", in.invitation().id) == 0) {
            throw DomainException.invalid("invitationCode", "has been used up");
        }
        Registration r = newRegistration(event, req, in, origin, now);
        r.delegationId = delegationId;
        r.delegationPlace = delegationId != null;
        boolean pending = needsApproval(event, r.category, origin) || PhotoRequirement.required(event, r.category);
        // issue 18: the event's seat row is locked from its update to the commit, so the badge code is signed before
        // it when the event had plenty of room as read (a hint only: the seat is decided by the update below); near
        // the last seats most requests would sign for nothing while holding their connection, so those sign after
        Object presigned = !pending && (event.capacity == null || event.capacity - event.seatsTaken > PRESIGN_MARGIN)
                && badges.isResolvable() ? badges.get().presign(event) : null;
        if (events.tryTakeEventSeat(event)) {
            r.holdsSeat = true;
            r.status = pending ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED;
        } else {
            r.holdsSeat = false;
            r.status = RegistrationStatus.WAITLISTED;
            r.waitlistedAt = now;
        }
        persistNew(r, in);
        List<RegistrationSession> seats = new ArrayList<>();
        for (AgendaSession s : in.sessions()) {
            seats.add(addSession(r, s, now));
        }
        if (r.status == RegistrationStatus.CONFIRMED) {
            confirmed.fire(new RegistrationEvents.Confirmed(r, true, presigned));
        }
        mail.queue(r, MailKind.forStatus(r.status), seats);
        return response(r, seats);
    }

    public RegisterResponse substitute(String oldPublicId, RegisterRequest req, Origin origin, Actor actor) {
        return Retry.onConflict(() -> self.get().substituteOnce(oldPublicId, req, origin, actor));
    }

    /**
     * One person takes another's place (a delegation replacing a member): the new registration gets the old one's
     * event place, session seats (or places in the waiting lists), category and delegation place, and the old one is
     * cancelled, its badge revoked, in this one transaction. Nothing is released and taken again, so no waiting
     * delegate can slip into the place in between. The new person meets the event's rules (form, identity,
     * approval, photo) as any new registration does; sessions are the old ones' (changed afterwards if need be).
     */
    @Transactional
    public RegisterResponse substituteOnce(String oldPublicId, RegisterRequest req, Origin origin, Actor actor) {
        Registration old = require(oldPublicId);
        if (old.status == RegistrationStatus.CANCELLED || old.status == RegistrationStatus.REJECTED) {
            throw new DomainException(RegistrationError.NOT_ACTIVE, "The registration being replaced is " + old.status.name().toLowerCase());
        }
        Event event = old.event;
        Instant now = clock.instant();
        if (req == null) {
            validator.start(null).throwIfAny();
        }
        // the replacement's own rules first; every other bad field is reported at once by check() below
        Violations early = new Violations();
        if (req.category() != null && req.category() != old.category) {
            early.rule("category", "replacement_category", Map.of("category", old.category));
        }
        if (req.sessions() != null && !req.sessions().isEmpty()) {
            early.rule("sessions", "replacement_sessions");
        }
        early.throwIfAny();
        RegisterRequest body = req.withDefaults(null, null, old.category);
        Checked in = check(event, body, origin, now, false);
        Registration r = newRegistration(event, body, in, origin, now);
        r.delegationId = old.delegationId;
        r.delegationPlace = old.delegationPlace;
        r.holdsSeat = old.holdsSeat;
        if (old.status == RegistrationStatus.WAITLISTED) {
            r.status = RegistrationStatus.WAITLISTED;
            r.waitlistedAt = old.waitlistedAt;
        } else {
            r.status = needsApproval(event, r.category, origin) || PhotoRequirement.required(event, r.category)
                    ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED;
        }
        old.status = RegistrationStatus.CANCELLED;
        old.holdsSeat = false;
        old.delegationPlace = false;
        old.cancelledAt = now;
        old.updatedAt = now;
        old.flush(); // optimistic lock: a concurrent change to the old registration rolls this back and retries
        persistNew(r, in);
        List<RegistrationSession> seats = new ArrayList<>();
        for (RegistrationSession held : RegistrationSession.listByRegistration(old)) {
            RegistrationSession rs = new RegistrationSession();
            rs.registration = r;
            rs.session = held.session;
            rs.status = held.status;
            rs.holdsSeat = held.holdsSeat;
            rs.waitlistedAt = held.waitlistedAt;
            rs.createdAt = now;
            held.holdsSeat = false;
            rs.persist();
            seats.add(rs);
        }
        RegistrationSession.flush();
        ended.fire(new RegistrationEvents.Ended(old));
        if (r.status == RegistrationStatus.CONFIRMED) {
            confirmed.fire(new RegistrationEvents.Confirmed(r, true, null));
        }
        mail.queue(old, MailKind.CANCELLED, List.of());
        mail.queue(r, MailKind.forStatus(r.status), seats);
        return response(r, seats);
    }

    /** What a registration body holds once checked: every bad field is reported at once, before anything is written. */
    private record Checked(String country, String email, String emailKey, String phone, List<AgendaSession> sessions,
                           InvitationCode invitation, Object document, AnswerHook.Prepared answers) {
    }

    private Checked check(Event event, RegisterRequest req, Origin origin, Instant now, boolean withSessions) {
        return check(event, req, origin, now, withSessions, true);
    }

    /** {@code lookForDuplicate} false: the caller lets the unique key (event, e-mail) find a duplicate when it inserts. */
    private Checked check(Event event, RegisterRequest req, Origin origin, Instant now, boolean withSessions,
                          boolean lookForDuplicate) {
        boolean anySession = withSessions && req != null && req.sessions() != null && !req.sessions().isEmpty();
        return check(event, req, origin, now, anySession ? sessionIndex(event) : null,
                answers.isResolvable() ? answers.get().preparer(event) : null, lookForDuplicate);
    }

    /**
     * {@code sessionsByCode}: the event's sessions by code, or null to take none; {@code answerer}: the form's answers
     * (null when there is no form feature); {@code lookUpEmail}: whether to look the e-mail up here (the import looks
     * a whole chunk's e-mails up at once; an online registration lets the unique key find a duplicate).
     */
    private Checked check(Event event, RegisterRequest req, Origin origin, Instant now, Map<String, AgendaSession> sessionsByCode,
                          AnswerHook.Preparer answerer, boolean lookUpEmail) {
        boolean publicForm = origin == Origin.ONLINE || origin == Origin.DELEGATION;
        if (publicForm && !event.registrationOpenAt(now)) {
            throw new DomainException(RegistrationError.CLOSED, "Registration for this event is closed");
        }
        Violations v = validator.start(req);
        if (req == null) {
            v.throwIfAny();
        }
        if (publicForm) { // issue 17: the names "in Latin letters" are, on the public forms
            LatinNames.check(req.givenName(), "givenName", req.nativeName(), v);
            LatinNames.check(req.familyName(), "familyName", req.nativeName(), v);
        }
        String country = DelegateInput.country(req.country(), "country", v);
        String email = DelegateInput.email(req.email(), "email", v);
        String phone = DelegateInput.phone(req.phone(), country, "phone", v);
        List<AgendaSession> chosen = sessionsByCode != null ? resolveSessions(sessionsByCode, req.sessions(), req.category(), v)
                : List.of();
        if (publicForm && !Boolean.TRUE.equals(req.consent())) {
            v.rule("consent", "consent");
        }
        InvitationCode invitation = checkInvitation(event, req.invitationCode(), req.category(), origin, now, v);
        if (origin == Origin.ONLINE && req.category() != null && !event.selfService(req.category())
                && !grants(invitation, req.category())) {
            v.rule("category", "not_self_service");
        }
        Object document = identities.isResolvable()
                ? identities.get().check(event, req.category(), req.identity(), origin != Origin.IMPORT, v) : null;
        AnswerHook.Prepared answered = answerer == null ? r -> { } : answerer.prepare(req.category(), country, req.answers(), v);
        v.throwIfAny();
        String emailKey = DelegateInput.emailKey(email);
        if (lookUpEmail && Registration.findByEventAndEmail(event, emailKey).isPresent()) {
            throw duplicateEmail();
        }
        return new Checked(country, email, emailKey, phone, chosen, invitation, document, answered);
    }

    private Registration newRegistration(Event event, RegisterRequest req, Checked in, Origin origin, Instant now) {
        Registration r = new Registration();
        r.publicId = newPublicId();
        r.event = event;
        r.givenName = clean(req.givenName());
        r.familyName = clean(req.familyName());
        r.nativeName = clean(req.nativeName());
        r.jobTitle = clean(req.jobTitle());
        r.organization = clean(req.organization()).replaceAll("\\s+", " ");
        r.organizationKey = DelegateInput.organizationKey(r.organization);
        r.country = in.country();
        r.email = in.email();
        r.emailKey = in.emailKey();
        r.phone = in.phone();
        r.category = req.category();
        r.language = req.language() == null ? "en" : req.language();
        r.consentAt = now;
        r.consentVersion = origin == Origin.ONLINE ? config.privacyVersion() : config.privacyVersion() + " (" + origin.name().toLowerCase() + ")";
        r.invitationCode = in.invitation();
        r.tokenVersion = 1;
        r.source = origin.name();
        r.createdAt = now;
        r.updatedAt = now;
        return r;
    }

    private void persistNew(Registration r, Checked in) {
        try {
            r.persistAndFlush();
        } catch (PersistenceException e) {
            if (Db.isConstraintViolation(e)) {
                throw duplicateEmail();
            }
            throw e;
        }
        if (in.document() != null) {
            identities.get().store(r, in.document());
        }
        in.answers().saveFor(r);
    }

    private RegisterResponse response(Registration r, List<RegistrationSession> seats) {
        return new RegisterResponse(r.publicId, r.status, tokens.tokenFor(r), mail.manageUrl(r),
                seats.stream().map(rs -> new SessionStatus(rs.session.code, rs.status)).toList());
    }

    // ---- reading -----------------------------------------------------------------------------

    @Transactional
    public RegistrationView view(String publicId) {
        Registration r = require(publicId);
        return view(r);
    }

    public Registration require(String publicId) {
        return Registration.findByPublicId(publicId).orElseThrow(
                () -> new DomainException(RegistrationError.NOT_FOUND, "No registration '" + publicId + "'"));
    }

    /** The slug of the registration's event, to check a staff member's scope; empty when there is no such registration. */
    @Transactional
    public Optional<String> eventSlugOf(String publicId) {
        return Registration.findByPublicId(publicId).map(r -> r.event.slug);
    }

    /** Whether the bearer of {@code token} may see and change the registration: its delegate, or its delegation's focal point. */
    @Transactional
    public boolean tokenMatches(String publicId, String token) {
        return Registration.findByPublicId(publicId).map(r -> tokens.matches(r, token)
                || r.delegationId != null && delegations.isResolvable() && delegations.get().opens(r.delegationId, token)).orElse(false);
    }

    RegistrationView view(Registration r) {
        var zone = r.event.zone();
        List<SessionChoice> sessions = RegistrationSession.listByRegistration(r).stream()
                .map(rs -> new SessionChoice(rs.session.code, rs.session.title, rs.session.titleZh,
                        OffsetDateTime.ofInstant(rs.session.startsAt, zone), OffsetDateTime.ofInstant(rs.session.endsAt, zone),
                        rs.session.room, rs.status))
                .toList();
        return new RegistrationView(r.publicId, r.event.slug, r.status, r.givenName, r.familyName, r.nativeName, r.jobTitle,
                r.organization, r.country, r.email, r.phone, r.category, r.language, r.source,
                OffsetDateTime.ofInstant(r.createdAt, zone), OffsetDateTime.ofInstant(r.updatedAt, zone),
                OffsetDateTime.ofInstant(r.consentAt, zone), r.consentVersion, sessions,
                badges.isResolvable() ? badges.get().badgeOf(r).orElse(null) : null, photoRule.viewOf(r),
                identities.isResolvable() ? identities.get().masked(r) : null,
                answers.isResolvable() ? answers.get().answersOf(r) : Map.of(),
                r.delegationId != null && delegations.isResolvable() ? delegations.get().summaryOf(r.delegationId) : null,
                RegistrationRecords.Protocol.of(r));
    }

    /** issue 14: the form's answers, checked with the other fields (nothing to check when no form package is present). */
    private AnswerHook.Prepared prepareAnswers(Event event, Category category, String country, Map<String, Object> given,
                                               Registration existing, Violations v) {
        return answers.isResolvable() ? answers.get().prepare(event, category, country, given, existing, v) : r -> { };
    }

    // ---- changing ----------------------------------------------------------------------------

    public RegistrationView update(String publicId, UpdateRegistrationRequest req, Actor actor) {
        try {
            return Retry.onConflict(() -> self.get().updateOnce(publicId, req, actor));
        } catch (DomainException e) {
            throw FormMessages.humane(e); // issue 17: messages a person would write
        }
    }

    @Transactional
    public RegistrationView updateOnce(String publicId, UpdateRegistrationRequest req, Actor actor) {
        Registration r = require(publicId);
        if (!r.status.isActive()) {
            throw new DomainException(RegistrationError.NOT_ACTIVE, "The registration is " + r.status.name().toLowerCase());
        }
        Violations v = validator.start(req);
        if (req == null) {
            v.throwIfAny();
        }
        if (!actor.organizer()) { // issue 17: a delegate's new Latin names are Latin (one kept as it was is not checked again)
            String nativeName = req.nativeName() != null ? req.nativeName() : r.nativeName;
            if (req.givenName() != null && !req.givenName().strip().equals(r.givenName)) {
                LatinNames.check(req.givenName(), "givenName", nativeName, v);
            }
            if (req.familyName() != null && !req.familyName().strip().equals(r.familyName)) {
                LatinNames.check(req.familyName(), "familyName", nativeName, v);
            }
        }
        String country = req.country() == null ? r.country : DelegateInput.country(req.country(), "country", v);
        String email = req.email() == null ? null : DelegateInput.email(req.email(), "email", v);
        if (req.email() != null && req.email().isBlank()) {
            v.put(new Violation("email", "must not be blank", "required", Map.of()));
        }
        String phone = req.phone() == null ? r.phone : DelegateInput.phone(req.phone(), country, "phone", v);
        Category category = r.category;
        if (req.category() != null && req.category() != r.category) {
            if (!actor.organizer()) {
                v.rule("category", "category_locked");
            } else {
                category = req.category();
            }
        }
        List<AgendaSession> chosen = req.sessions() == null ? null : resolveSessions(r.event, req.sessions(), category, v);
        Object document = req.identity() == null || !identities.isResolvable() ? null
                : identities.get().check(r.event, category, req.identity(), false, v);
        AnswerHook.Prepared answered = prepareAnswers(r.event, category, country, req.answers(), r, v);
        if (req.protocol() != null) {
            if (!actor.organizer()) {
                v.rule("protocol", "protocol_locked");
            } else {
                checkProtocol(req.protocol(), "protocol.", v);
            }
        }
        v.throwIfAny();

        Instant now = clock.instant();
        if (req.protocol() != null) {
            applyProtocol(r, req.protocol());
        }
        if (req.givenName() != null) r.givenName = clean(req.givenName());
        if (req.familyName() != null) r.familyName = clean(req.familyName());
        if (req.nativeName() != null) r.nativeName = clean(req.nativeName());
        if (req.jobTitle() != null) r.jobTitle = clean(req.jobTitle());
        if (req.organization() != null) {
            r.organization = clean(req.organization()).replaceAll("\\s+", " ");
            r.organizationKey = DelegateInput.organizationKey(r.organization);
        }
        r.country = country;
        r.phone = req.phone() != null && req.phone().isBlank() ? null : phone;
        if (req.language() != null) r.language = req.language();
        if (r.delegationPlace && category != r.category && delegations.isResolvable()) {
            delegations.get().moveCategory(r.delegationId, r.category, category); // 409 when the new category's quota is used up
        }
        r.category = category;
        if (email != null && !DelegateInput.emailKey(email).equals(r.emailKey)) {
            String key = DelegateInput.emailKey(email);
            if (Registration.findByEventAndEmail(r.event, key).isPresent()) {
                throw duplicateEmail();
            }
            r.emailKey = key;
        }
        if (email != null) {
            r.email = email;
        }
        r.updatedAt = now;
        if (document != null) {
            identities.get().store(r, document);
        }
        answered.saveFor(r);
        if (chosen != null) {
            changeSessions(r, chosen, now);
        } else if (req.category() != null) {
            // a new category may close sessions already chosen
            List<AgendaSession> kept = RegistrationSession.listByRegistration(r).stream().map(rs -> rs.session).toList();
            Violations again = new Violations();
            for (AgendaSession s : kept) {
                if (!s.admits(category)) {
                    again.add("category", "excludes the chosen session " + s.code + "; change the sessions too");
                }
            }
            again.throwIfAny();
        }
        try {
            r.flush();
        } catch (PersistenceException e) {
            if (Db.isConstraintViolation(e)) {
                throw duplicateEmail();
            }
            throw e;
        }
        return view(r);
    }

    /** Issue 16: PUT /api/v1/registrations/{id}/protocol (organizers): the three protocol fields at once, whatever the status. */
    public RegistrationView protocol(String publicId, RegistrationRecords.Protocol req) {
        return Retry.onConflict(() -> self.get().protocolOnce(publicId, req));
    }

    @Transactional
    public RegistrationView protocolOnce(String publicId, RegistrationRecords.Protocol req) {
        Registration r = require(publicId);
        Violations v = validator.start(req);
        if (req != null) {
            checkProtocol(req, "", v);
        }
        v.throwIfAny();
        applyProtocol(r, req);
        r.updatedAt = clock.instant();
        r.flush();
        return view(r);
    }

    /** A rank or a note describes how to receive a VIP: without {@code vip: true} it is a mistake, not something to drop. */
    private static void checkProtocol(RegistrationRecords.Protocol p, String prefix, Violations v) {
        if (Boolean.TRUE.equals(p.vip())) {
            return;
        }
        if (p.rank() != null) {
            v.rule(prefix + "rank", "protocol_vip_only");
        }
        if (clean(p.note()) != null) {
            v.rule(prefix + "note", "protocol_vip_only");
        }
    }

    private static void applyProtocol(Registration r, RegistrationRecords.Protocol p) {
        r.vip = Boolean.TRUE.equals(p.vip());
        r.vipRank = r.vip ? p.rank() : null;
        r.protocolNote = r.vip ? clean(p.note()) : null;
    }

    public RegistrationView cancel(String publicId, Actor actor) {
        return Retry.onConflict(() -> self.get().cancelOnce(publicId, actor));
    }

    @Transactional
    public RegistrationView cancelOnce(String publicId, Actor actor) {
        Registration r = require(publicId);
        if (r.status == RegistrationStatus.CANCELLED) {
            return view(r);
        }
        if (r.status == RegistrationStatus.REJECTED) {
            throw new DomainException(RegistrationError.NOT_ACTIVE, "The registration was rejected");
        }
        end(r, RegistrationStatus.CANCELLED, actor);
        return view(r);
    }

    public RegistrationView approve(String publicId, Actor actor) {
        return Retry.onConflict(() -> self.get().decideOnce(publicId, true, actor));
    }

    public RegistrationView reject(String publicId, Actor actor) {
        return Retry.onConflict(() -> self.get().decideOnce(publicId, false, actor));
    }

    @Transactional
    public RegistrationView decideOnce(String publicId, boolean approve, Actor actor) {
        Registration r = require(publicId);
        if (r.status != RegistrationStatus.PENDING) {
            throw new DomainException(RegistrationError.NOT_PENDING, "The registration is " + r.status.name().toLowerCase());
        }
        Instant now = clock.instant();
        r.decidedAt = now;
        r.decidedBy = actor.username();
        if (approve) {
            photoRule.requireAccepted(r);
            r.status = RegistrationStatus.CONFIRMED;
            r.updatedAt = now;
            r.flush();
            confirmed.fire(new RegistrationEvents.Confirmed(r));
            mail.queue(r, MailKind.APPROVED, RegistrationSession.listByRegistration(r));
        } else {
            end(r, RegistrationStatus.REJECTED, actor);
        }
        return view(r);
    }

    // ---- places and waitlists ----------------------------------------------------------------

    /** Cancels or rejects: frees the event place and session seats, and moves the waitlists up. */
    private void end(Registration r, RegistrationStatus status, Actor actor) {
        Instant now = clock.instant();
        boolean heldSeat = r.holdsSeat;
        List<RegistrationSession> seats = RegistrationSession.listByRegistration(r);
        List<AgendaSession> freed = new ArrayList<>();
        for (RegistrationSession rs : seats) {
            if (rs.holdsSeat) {
                rs.holdsSeat = false;
                events.releaseSessionSeat(rs.session);
                freed.add(rs.session);
            }
        }
        r.status = status;
        r.holdsSeat = false;
        r.updatedAt = now;
        if (status == RegistrationStatus.CANCELLED) {
            r.cancelledAt = now;
        }
        r.flush();
        ended.fire(new RegistrationEvents.Ended(r));
        if (heldSeat) {
            events.releaseEventSeat(r.event);
        }
        mail.queue(r, status == RegistrationStatus.CANCELLED ? MailKind.CANCELLED : MailKind.REJECTED, List.of());
        for (AgendaSession s : freed) {
            promoteSession(s, now);
        }
        if (heldSeat) {
            promoteEvent(r.event, now);
        }
    }

    /** Gives free event places to the longest-waiting delegates, one by one. */
    void promoteEvent(Event event, Instant now) {
        for (int step = 0; step < MAX_PROMOTION_STEPS; step++) {
            if (!events.tryTakeEventSeat(event)) {
                return;
            }
            Optional<Registration> next = Registration.findFirstWaitlisted(event);
            if (next.isEmpty()) {
                events.releaseEventSeat(event);
                return;
            }
            Registration r = next.get();
            r.status = needsApproval(event, r.category, Origin.valueOf(r.source)) || photoRule.missing(r)
                    ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED;
            r.holdsSeat = true;
            r.updatedAt = now;
            r.flush(); // optimistic lock: a concurrent change to this delegate rolls back and retries
            if (r.status == RegistrationStatus.CONFIRMED) {
                confirmed.fire(new RegistrationEvents.Confirmed(r));
            }
            List<RegistrationSession> seats = RegistrationSession.listByRegistration(r);
            for (RegistrationSession rs : seats) {
                promoteSession(rs.session, now);
            }
            mail.queue(r, r.status == RegistrationStatus.PENDING ? MailKind.PENDING : MailKind.MOVED_UP,
                    RegistrationSession.listByRegistration(r));
        }
    }

    /** Gives free seats of a session to the longest-waiting delegates who hold an event place. */
    void promoteSession(AgendaSession session, Instant now) {
        for (int step = 0; step < MAX_PROMOTION_STEPS; step++) {
            if (!events.tryTakeSessionSeat(session)) {
                return;
            }
            Optional<RegistrationSession> next = RegistrationSession.findFirstWaiting(session);
            if (next.isEmpty()) {
                events.releaseSessionSeat(session);
                return;
            }
            RegistrationSession rs = next.get();
            rs.status = SeatStatus.CONFIRMED;
            rs.holdsSeat = true;
            rs.waitlistedAt = null;
            rs.flush();
        }
    }

    private RegistrationSession addSession(Registration r, AgendaSession s, Instant now) {
        RegistrationSession rs = new RegistrationSession();
        rs.registration = r;
        rs.session = s;
        rs.createdAt = now;
        if (r.holdsSeat && events.tryTakeSessionSeat(s)) {
            rs.status = SeatStatus.CONFIRMED;
            rs.holdsSeat = true;
        } else {
            rs.status = SeatStatus.WAITLISTED;
            rs.waitlistedAt = now;
        }
        rs.persist();
        return rs;
    }

    private void changeSessions(Registration r, List<AgendaSession> chosen, Instant now) {
        Map<Long, RegistrationSession> current = new HashMap<>();
        for (RegistrationSession rs : RegistrationSession.listByRegistration(r)) {
            current.put(rs.session.id, rs);
        }
        List<AgendaSession> freed = new ArrayList<>();
        for (RegistrationSession rs : current.values()) {
            if (chosen.stream().noneMatch(s -> s.id.equals(rs.session.id))) {
                if (rs.holdsSeat) {
                    events.releaseSessionSeat(rs.session);
                    freed.add(rs.session);
                }
                rs.delete();
            }
        }
        for (AgendaSession s : chosen) {
            if (!current.containsKey(s.id)) {
                addSession(r, s, now);
            }
        }
        RegistrationSession.flush();
        for (AgendaSession s : freed) {
            promoteSession(s, now);
        }
    }

    // ---- checks ------------------------------------------------------------------------------

    /** The chosen sessions in a fixed order (by id, so concurrent registrations lock seats alike). */
    private List<AgendaSession> resolveSessions(Event event, List<String> codes, Category category, Violations v) {
        if (codes == null || codes.isEmpty()) {
            return List.of();
        }
        return resolveSessions(sessionIndex(event), codes, category, v);
    }

    private static Map<String, AgendaSession> sessionIndex(Event event) {
        Map<String, AgendaSession> byCode = new HashMap<>();
        for (AgendaSession s : AgendaSession.listByEvent(event)) {
            byCode.put(s.code, s);
        }
        return byCode;
    }

    private static List<AgendaSession> resolveSessions(Map<String, AgendaSession> byCode, List<String> codes, Category category,
                                                       Violations v) {
        if (codes == null || codes.isEmpty()) {
            return List.of();
        }
        Map<Long, AgendaSession> chosen = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i) == null ? null : codes.get(i).strip();
            if (code == null || code.isEmpty()) {
                continue;
            }
            AgendaSession s = byCode.get(code);
            if (s == null) {
                v.rule("sessions[" + i + "]", "session_unknown", Map.of("session", code));
            } else if (category != null && !s.admits(category)) {
                v.rule("sessions[" + i + "]", "session_category", Map.of("category", category, "session", code));
            } else {
                chosen.put(s.id, s);
            }
        }
        return chosen.values().stream().sorted(Comparator.comparing(s -> s.id)).toList();
    }

    private static InvitationCode checkInvitation(Event event, String raw, Category category, Origin origin, Instant now,
                                                  Violations v) {
        String code = clean(raw);
        boolean required = origin == Origin.ONLINE && category != null && event.invitationRequiredFor != null
                && event.invitationRequiredFor.contains(category);
        if (code == null) {
            if (required) {
                v.rule("invitationCode", "invitation_required", Map.of("category", category));
            }
            return null;
        }
        Optional<InvitationCode> found = InvitationCode.findByEventAndCode(event, code);
        if (found.isEmpty()) {
            v.rule("invitationCode", "invitation_invalid");
            return null;
        }
        InvitationCode ic = found.get();
        if (ic.expiresAt != null && !now.isBefore(ic.expiresAt)) {
            v.rule("invitationCode", "invitation_expired");
            return null;
        }
        if (category != null && ic.categories != null && !ic.categories.contains(category)) {
            v.rule("invitationCode", "invitation_wrong_category", Map.of("category", category));
            return null;
        }
        if (ic.maxUses != null && ic.uses >= ic.maxUses) {
            v.rule("invitationCode", "invitation_used_up");
            return null;
        }
        return ic;
    }

    /** Only a code that names the category opens one the event does not offer online (a code "for any category" does not). */
    private static boolean grants(InvitationCode invitation, Category category) {
        return invitation != null && invitation.categories != null && invitation.categories.contains(category);
    }

    static boolean needsApproval(Event event, Category category, Origin origin) {
        return (origin == Origin.ONLINE || origin == Origin.DELEGATION) && event.approvalRequiredFor != null && event.approvalRequiredFor.contains(category);
    }

    private static DomainException duplicateEmail() {
        return new DomainException(RegistrationError.DUPLICATE_EMAIL,
                "This e-mail is already registered for the event; use the private link in your confirmation e-mail to change it");
    }

    static String newPublicId() {
        byte[] raw = new byte[18];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
