package org.forumpass.visa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.forumpass.audit.AuditAction;
import org.forumpass.audit.AuditService;
import org.forumpass.common.Db;
import org.forumpass.common.PageView;
import org.forumpass.common.PublicUrl;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Retry;
import org.forumpass.common.Text;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;
import org.forumpass.identity.IdentityRecords.DocumentType;
import org.forumpass.identity.IdentityRecords.FullIdentity;
import org.forumpass.identity.IdentityRecords.MaskedIdentity;
import org.forumpass.identity.IdentityService;
import org.forumpass.registration.Registration;
import org.forumpass.registration.RegistrationEvents;
import org.forumpass.registration.RegistrationService;
import org.forumpass.registration.RegistrationStatus;
import org.forumpass.visa.VisaLetterRecords.Bilingual;
import org.forumpass.visa.VisaLetterRecords.EventRef;
import org.forumpass.visa.VisaLetterRecords.Issuer;
import org.forumpass.visa.VisaLetterRecords.LetterView;
import org.forumpass.visa.VisaLetterRecords.ListItem;
import org.forumpass.visa.VisaLetterRecords.Settings;
import org.forumpass.visa.VisaLetterRecords.Verification;
import org.jboss.logging.Logger;

/**
 * Visa invitation letters (issue 15): an event's settings, and per registration the request, the organizer's
 * decision, the PDF and the public verification. A letter needs the event's letters enabled, a CONFIRMED registration
 * and a passport on file; issuing it keeps the holder's initials and the passport number's last four for
 * verification, gives it a random reference and mails the delegate. A registration that ends (cancelled, rejected,
 * erased) revokes its letter in the same transaction; erasure also clears what the letter kept of the holder.
 * Concurrent requests are settled by the unique key on the registration (the loser runs again and finds the letter).
 */
@ApplicationScoped
public class VisaLetterService {
    private static final Logger LOG = Logger.getLogger(VisaLetterService.class);
    static final int MAX_REASON = 500;
    /** The actor of a request made with a manage token (the delegate, or their delegation's focal point). */
    public static final String DELEGATE = "delegate";

    @Inject
    RegistrationService registrations;
    @Inject
    IdentityService identities;
    @Inject
    EventService events;
    @Inject
    AuditService audit;
    @Inject
    VisaLetterMail mail;
    @Inject
    PublicUrl publicUrl;
    @Inject
    Clock clock;
    @Inject
    Instance<VisaLetterService> self;

    // ---- settings ----------------------------------------------------------------------------

    @Transactional
    public Settings settings(String slug) {
        return settingsOf(events.require(slug));
    }

    /** Checks and keeps an event's settings (PUT /api/v1/events/{slug}/visa-letter); audited as VISA_LETTER_SETTINGS. */
    @Transactional
    public Settings saveSettings(String slug, Settings body, String actor) {
        Event event = events.require(slug);
        Violations v = new Violations();
        if (body == null) {
            v.rule("body", "required");
        }
        Settings clean = VisaLetterRules.check(body, "", v);
        v.throwIfAny();
        store(event, clean);
        audit.record(actor, AuditAction.VISA_LETTER_SETTINGS, slug, null, clean.enabled() ? "enabled" : "disabled");
        return settingsOf(event);
    }

    Settings settingsOf(Event event) {
        VisaLetterSettings s = VisaLetterSettings.findById(event.id);
        if (s == null) {
            return Settings.NONE;
        }
        return new Settings(s.enabled, new Issuer(new Bilingual(s.issuerNameEn, s.issuerNameZh),
                new Bilingual(s.issuerAddressEn, s.issuerAddressZh), s.signatory,
                new Bilingual(s.signatoryTitleEn, s.signatoryTitleZh)), new Bilingual(s.purposeEn, s.purposeZh));
    }

    void store(Event event, Settings clean) {
        VisaLetterSettings s = VisaLetterSettings.findById(event.id);
        if (s == null) {
            s = new VisaLetterSettings();
            s.eventId = event.id;
        }
        Issuer i = clean.issuer();
        s.enabled = clean.enabled();
        s.issuerNameEn = i.name().en();
        s.issuerNameZh = i.name().zh();
        s.issuerAddressEn = i.address().en();
        s.issuerAddressZh = i.address().zh();
        s.signatory = i.signatory();
        s.signatoryTitleEn = i.title().en();
        s.signatoryTitleZh = i.title().zh();
        s.purposeEn = clean.purpose().en();
        s.purposeZh = clean.purpose().zh();
        s.updatedAt = clock.instant();
        s.persist();
    }

    private static boolean enabled(VisaLetterSettings s) {
        return s != null && s.enabled;
    }

    // ---- the delegate's request --------------------------------------------------------------

    /**
     * Asks for the letter: 409 visa_letter.disabled, .not_confirmed or .passport_missing when it cannot be; a letter
     * already REQUESTED or ISSUED is answered as it is; a REJECTED one is asked for again. Audited as VISA_LETTER_REQUESTED.
     */
    public LetterView request(String publicId, String actor) {
        return Retry.onConflict(() -> self.get().requestOnce(publicId, actor));
    }

    @Transactional
    public LetterView requestOnce(String publicId, String actor) {
        Registration r = registrations.require(publicId);
        if (!enabled(VisaLetterSettings.findById(r.event.id))) {
            throw new DomainException(VisaLetterError.DISABLED, "This event does not issue visa invitation letters");
        }
        Optional<VisaLetter> existing = VisaLetter.findByRegistration(r.id);
        if (existing.isPresent() && (existing.get().state == VisaLetterState.REQUESTED
                || existing.get().state == VisaLetterState.ISSUED)) {
            return view(existing.get(), r);
        }
        String refusal = refusal(r);
        if (refusal != null) {
            throw refusalException(refusal);
        }
        VisaLetter l = existing.orElseGet(VisaLetter::new);
        l.registrationId = r.id;
        l.eventId = r.event.id;
        l.state = VisaLetterState.REQUESTED;
        l.requestedAt = clock.instant();
        l.requestedBy = actor;
        l.rejectedAt = null;
        l.rejectedBy = null;
        l.rejectionReason = null;
        try {
            l.persistAndFlush();
        } catch (PersistenceException e) {
            if (Db.isConstraintViolation(e)) {
                // another request for this registration won: run again and find its letter
                throw new OptimisticLockException("A concurrent request created the letter");
            }
            throw e;
        }
        audit.record(actor, AuditAction.VISA_LETTER_REQUESTED, r.event.slug, publicId, null);
        return view(l, r);
    }

    /** Why the registration cannot have a letter now ("not_confirmed", "passport_missing"), or null when it can. */
    private String refusal(Registration r) {
        if (r.status != RegistrationStatus.CONFIRMED || r.erasedAt != null) {
            return "not_confirmed";
        }
        Object doc = identities.masked(r);
        if (!(doc instanceof MaskedIdentity m) || m.documentType() != DocumentType.PASSPORT) {
            return "passport_missing";
        }
        return null;
    }

    private static DomainException refusalException(String refusal) {
        return "not_confirmed".equals(refusal)
                ? new DomainException(VisaLetterError.NOT_CONFIRMED, "A visa invitation letter needs a confirmed registration")
                : new DomainException(VisaLetterError.PASSPORT_MISSING,
                        "A visa invitation letter needs a passport on file: add it to the registration's identity document");
    }

    // ---- the organizers' decision ------------------------------------------------------------

    /** Issues a REQUESTED letter (an ISSUED one is answered as it is); 409 visa_letter.not_requested otherwise. */
    public LetterView approve(String publicId, String actor) {
        return Retry.onConflict(() -> self.get().approveOnce(publicId, actor, true));
    }

    @Transactional
    public LetterView approveOnce(String publicId, String actor, boolean idempotent) {
        Registration r = registrations.require(publicId);
        VisaLetter l = letter(r);
        if (l.state == VisaLetterState.ISSUED && idempotent) {
            return view(l, r);
        }
        if (l.state != VisaLetterState.REQUESTED) {
            throw new DomainException(VisaLetterError.NOT_REQUESTED, "The visa invitation letter is " + l.state.name().toLowerCase(Locale.ROOT));
        }
        String refusal = refusal(r);
        if (refusal != null) {
            throw refusalException(refusal);
        }
        FullIdentity doc = identities.full(publicId);
        Instant now = clock.instant();
        l.state = VisaLetterState.ISSUED;
        l.reference = VisaReference.next();
        l.issuedAt = now;
        l.issuedBy = actor;
        l.holderInitials = initials(r.givenName, r.familyName);
        l.passportLast4 = doc.number().substring(Math.max(0, doc.number().length() - 4));
        l.flush(); // a reference drawn twice (2^-80) or a concurrent decision: the unique key or the version rolls back
        mail.queue(r, l);
        audit.record(actor, AuditAction.VISA_LETTER_ISSUED, r.event.slug, publicId, l.reference);
        return view(l, r);
    }

    /** Rejects a REQUESTED letter with a reason (1–500 characters) the delegate reads. */
    public LetterView reject(String publicId, String reason, String actor) {
        return Retry.onConflict(() -> self.get().rejectOnce(publicId, reason, actor));
    }

    @Transactional
    public LetterView rejectOnce(String publicId, String reason, String actor) {
        String clean = Text.clean(reason);
        Violations v = new Violations();
        if (clean == null) {
            v.rule("reason", "required");
        } else if (clean.length() > MAX_REASON) {
            v.rule("reason", "size", Map.of("min", 1, "max", MAX_REASON));
        } else if (Text.hasControlOrInvisible(clean.replace("\n", ""))) {
            v.rule("reason", "control_characters");
        }
        v.throwIfAny();
        Registration r = registrations.require(publicId);
        VisaLetter l = letter(r);
        if (l.state != VisaLetterState.REQUESTED) {
            throw new DomainException(VisaLetterError.NOT_REQUESTED, "The visa invitation letter is " + l.state.name().toLowerCase(Locale.ROOT));
        }
        l.state = VisaLetterState.REJECTED;
        l.rejectedAt = clock.instant();
        l.rejectedBy = actor;
        l.rejectionReason = clean;
        l.flush();
        audit.record(actor, AuditAction.VISA_LETTER_REJECTED, r.event.slug, publicId, clean);
        return view(l, r);
    }

    /**
     * For delegations: issues every REQUESTED letter among the registrations, each in its own transaction (one that
     * can no longer be issued, say its passport was removed, is left as it is); answers how many were issued now.
     */
    public int approveAll(Collection<String> publicIds, String actor) {
        int issued = 0;
        for (String id : new LinkedHashSet<>(publicIds)) {
            if (!self.get().isRequested(id)) {
                continue;
            }
            try {
                Retry.onConflict(() -> self.get().approveOnce(id, actor, false));
                issued++;
            } catch (DomainException e) {
                LOG.debugf("Visa letter of %s not issued: %s", id, e.error().code());
            }
        }
        return issued;
    }

    @Transactional
    public boolean isRequested(String publicId) {
        return Registration.findByPublicId(publicId).flatMap(r -> VisaLetter.findByRegistration(r.id))
                .map(l -> l.state == VisaLetterState.REQUESTED).orElse(false);
    }

    // ---- reading -----------------------------------------------------------------------------

    /** The registration's letter; 404 visa_letter.not_found when none was asked for. */
    @Transactional
    public LetterView view(String publicId) {
        Registration r = registrations.require(publicId);
        return view(letter(r), r);
    }

    /** Whether the event issues letters. */
    @Transactional
    public boolean enabled(String slug) {
        return enabled(VisaLetterSettings.findById(events.require(slug).id));
    }

    /** The registration's letter, or null when none was asked for (a delegation's member list). */
    @Transactional
    public LetterView find(String publicId) {
        return Registration.findByPublicId(publicId)
                .flatMap(r -> VisaLetter.findByRegistration(r.id).map(l -> view(l, r))).orElse(null);
    }

    /** What the manage page shows: null when the event issues no letters. */
    @Transactional
    public Section section(String publicId) {
        Registration r = registrations.require(publicId);
        if (!enabled(VisaLetterSettings.findById(r.event.id))) {
            return null;
        }
        LetterView letter = VisaLetter.findByRegistration(r.id).map(l -> view(l, r)).orElse(null);
        return new Section(letter, refusal(r));
    }

    /** The manage page's section: the letter (or null) and why it cannot be asked for now (null: it can). */
    public record Section(LetterView letter, String refusal) {
    }

    /** The organizers' list: requested letters first, then by when they were asked for. */
    @Transactional
    public PageView<ListItem> list(String slug, VisaLetterState state, int page, int size) {
        Event event = events.require(slug);
        ZoneId zone = event.zone();
        String where = "from VisaLetter l, Registration r where r.id = l.registrationId and l.eventId = :event"
                + (state == null ? "" : " and l.state = :state");
        var count = VisaLetter.getEntityManager().createQuery("select count(l) " + where, Long.class)
                .setParameter("event", event.id);
        var rows = VisaLetter.getEntityManager().createQuery("select l, r " + where
                        + " order by case when l.state = :requested then 0 else 1 end, l.requestedAt, l.id", Object[].class)
                .setParameter("event", event.id).setParameter("requested", VisaLetterState.REQUESTED);
        if (state != null) {
            count.setParameter("state", state);
            rows.setParameter("state", state);
        }
        List<ListItem> items = rows.setFirstResult(page * size).setMaxResults(size).getResultList().stream().map(row -> {
            VisaLetter l = (VisaLetter) row[0];
            Registration r = (Registration) row[1];
            return new ListItem(r.publicId, r.givenName, r.familyName, r.nativeName, r.organization, r.country, l.state,
                    l.reference, at(l.requestedAt, zone), at(l.issuedAt, zone), l.rejectionReason);
        }).toList();
        return new PageView<>(items, page, size, count.getSingleResult());
    }

    /** The public verification of a reference; 404 visa_letter.not_found when no issued letter has it. */
    @Transactional
    public Verification verify(String reference) {
        VisaLetter l = VisaLetter.findByReference(VisaReference.normalise(reference))
                .orElseThrow(() -> new DomainException(VisaLetterError.NOT_FOUND, "No visa invitation letter has this reference"));
        Event e = Event.findById(l.eventId);
        ZoneId zone = e.zone();
        return new Verification(l.state == VisaLetterState.ISSUED, l.state, l.reference,
                new EventRef(e.name, e.nameZh, e.startsAt.atZone(zone).toLocalDate(), e.endsAt.atZone(zone).toLocalDate()),
                l.issuedAt == null ? null : l.issuedAt.atZone(zone).toLocalDate(), l.holderInitials, l.passportLast4);
    }

    /** The absolute URL a letter's QR code holds. */
    public String verificationUrl(String reference) {
        return publicUrl.base() + "/api/v1/visa-letters/" + reference;
    }

    // ---- the letter itself -------------------------------------------------------------------

    /** The letter's PDF: one A4 page in English and Chinese; 409 visa_letter.not_issued unless it is ISSUED. */
    @Transactional
    public byte[] pdf(String publicId) {
        Registration r = registrations.require(publicId);
        VisaLetter l = letter(r);
        if (l.state != VisaLetterState.ISSUED) {
            throw new DomainException(VisaLetterError.NOT_ISSUED, "The visa invitation letter is " + l.state.name().toLowerCase(Locale.ROOT));
        }
        return render(List.of(page(r, l).orElseThrow(() -> new DomainException(VisaLetterError.PASSPORT_MISSING,
                "The identity document on file is no longer a passport; the letter cannot be printed"))));
    }

    /**
     * For delegations: one PDF with a page per ISSUED letter among the registrations, in the order given (the others
     * are left out); 409 visa_letter.not_issued when none of them has an issued letter.
     */
    @Transactional
    public byte[] pdf(List<String> publicIds) {
        List<VisaLetterPdf.Letter> pages = new ArrayList<>();
        for (String id : new LinkedHashSet<>(publicIds)) {
            Optional<Registration> r = Registration.findByPublicId(id);
            Optional<VisaLetter> l = r.flatMap(reg -> VisaLetter.findByRegistration(reg.id));
            if (l.isPresent() && l.get().state == VisaLetterState.ISSUED) {
                page(r.get(), l.get()).ifPresent(pages::add);
            }
        }
        if (pages.isEmpty()) {
            throw new DomainException(VisaLetterError.NOT_ISSUED, "None of these registrations has an issued visa invitation letter");
        }
        return render(pages);
    }

    /** What the letter's page prints; empty when the document on file is no longer a passport (it was replaced). */
    private Optional<VisaLetterPdf.Letter> page(Registration r, VisaLetter l) {
        Event e = r.event;
        ZoneId zone = e.zone();
        VisaLetterSettings s = VisaLetterSettings.findById(e.id);
        Object masked = identities.masked(r);
        if (!(masked instanceof MaskedIdentity m) || m.documentType() != DocumentType.PASSPORT) {
            return Optional.empty();
        }
        FullIdentity doc = identities.full(r.publicId);
        return Optional.of(new VisaLetterPdf.Letter(l.reference, l.issuedAt.atZone(zone).toLocalDate(), r.givenName, r.familyName,
                r.nativeName, doc.nationality(), doc.number(), LocalDate.parse(doc.dateOfBirth()),
                e.name, or(e.nameZh, e.name), e.startsAt.atZone(zone).toLocalDate(), e.endsAt.atZone(zone).toLocalDate(),
                e.venue + ", " + e.city, or(e.venueZh, e.venue) + ", " + or(e.cityZh, e.city),
                s.issuerNameEn, s.issuerNameZh, s.issuerAddressEn, s.issuerAddressZh, s.signatory, s.signatoryTitleEn,
                s.signatoryTitleZh, s.purposeEn, s.purposeZh, verificationUrl(l.reference)));
    }

    private static byte[] render(List<VisaLetterPdf.Letter> pages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VisaLetterPdf.write(pages, out);
        return out.toByteArray();
    }

    // ---- the registration ends ---------------------------------------------------------------

    /** Cancelled, rejected or erased: a requested or issued letter is revoked; erasure clears what it kept of the holder. */
    void onEnded(@Observes RegistrationEvents.Ended e) {
        Registration r = e.registration();
        VisaLetter.update("state = ?1, revokedAt = ?2 where registrationId = ?3 and state in ?4", VisaLetterState.REVOKED,
                clock.instant(), r.id, List.of(VisaLetterState.REQUESTED, VisaLetterState.ISSUED));
        if (r.erasedAt != null) {
            VisaLetter.update("holderInitials = null, passportLast4 = null, rejectionReason = null where registrationId = ?1", r.id);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static VisaLetter letter(Registration r) {
        return VisaLetter.findByRegistration(r.id).orElseThrow(
                () -> new DomainException(VisaLetterError.NOT_FOUND, "No visa invitation letter was requested for this registration"));
    }

    private static LetterView view(VisaLetter l, Registration r) {
        ZoneId zone = r.event.zone();
        return new LetterView(r.publicId, l.state, l.reference, at(l.requestedAt, zone), at(l.issuedAt, zone),
                l.rejectionReason, at(l.revokedAt, zone));
    }

    /** "Anna Maria Novák" → "A. M. N.": the first letter of each word of the Latin names. */
    static String initials(String given, String family) {
        StringBuilder sb = new StringBuilder();
        for (String part : ((given == null ? "" : given) + " " + (family == null ? "" : family)).split("[\\s\\-]+")) {
            if (!part.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.appendCodePoint(Character.toUpperCase(part.codePointAt(0))).append('.');
            }
        }
        String s = sb.toString();
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    private static String or(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }

    private static OffsetDateTime at(Instant t, ZoneId zone) {
        return t == null ? null : OffsetDateTime.ofInstant(t, zone);
    }
}
