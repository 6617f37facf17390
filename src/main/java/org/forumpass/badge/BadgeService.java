package org.forumpass.badge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.Event;
import org.forumpass.registration.BadgeLookup;
import org.forumpass.registration.Registration;
import org.forumpass.registration.RegistrationEvents;
import org.forumpass.registration.RegistrationService;
import org.forumpass.registration.RegistrationStatus;

/**
 * Badges follow registrations: confirming one issues a badge, cancelling or rejecting revokes it, and an
 * organizer's reissue revokes the old code at once and issues serial + 1. Scans find a code by its SHA-256
 * digest (see checkin.ScanStore); no signature is verified on the scan path, because the server knows
 * every code it issued.
 */
@ApplicationScoped
public class BadgeService implements BadgeLookup {
    @Inject
    BadgeKeys keys;
    @Inject
    RegistrationService registrations;
    @Inject
    Clock clock;
    @Inject
    org.forumpass.registration.PhotoRequirement photoRule;
    @Inject
    org.forumpass.event.AccessZones accessZones;

    void onConfirmed(@Observes RegistrationEvents.Confirmed e) {
        Registration r = e.registration();
        if (e.created()) { // issue 18: a registration of this transaction has no badge yet: serial 1, no reads
            issue(r, 1, e.presigned() instanceof Presigned p && p.eventId().equals(r.event.id) ? p : null);
        } else if (Badge.findCurrent(r.id).isEmpty()) {
            issue(r);
        }
    }

    /**
     * Issue 18: badges for new registrations confirmed together (an import chunk): serial 1 each, the codes signed in
     * parallel over the cores (each code is signed alone with the event's current key, as {@link #issue} signs it; the
     * i-th registration gets the i-th code), then one multi-row insert.
     */
    void onConfirmedAll(@Observes RegistrationEvents.ConfirmedAll e) {
        List<Registration> all = e.registrations();
        if (all.isEmpty()) {
            return;
        }
        BadgeKeys.Signer signer = keys.signer();
        Instant now = Instant.now(clock);
        String[] tags = new String[all.size()];
        java.util.Map<String, String> tagOf = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) { // entities are read on this thread only
            tags[i] = tagOf.computeIfAbsent(all.get(i).event.slug, BadgeCodec::eventTag);
        }
        String[] codes = new String[all.size()];
        java.util.stream.IntStream.range(0, all.size()).parallel()
                .forEach(i -> codes[i] = BadgeCodec.encode(signer.kid(), tags[i], signer.key()));
        List<Object[]> rows = new java.util.ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            Registration r = all.get(i);
            rows.add(new Object[] {r.event.id, r.id, 1, signer.kid(), codes[i], BadgeCodec.digest(codes[i]), now});
        }
        org.forumpass.common.BulkInsert.insert(Badge.getEntityManager(), "badge", BADGE_COLUMNS, rows);
    }

    private static final List<String> BADGE_COLUMNS = List.of("event_id", "registration_id", "serial", "kid", "code", "digest",
            "issued_at");

    void onEnded(@Observes RegistrationEvents.Ended e) {
        Badge.findCurrent(e.registration().id).ifPresent(b -> b.revokedAt = clock.instant());
        if (e.registration().erasedAt != null) {
            // issue 15: the name of whoever collected a badge for the delegate goes with the delegate's personal data
            Badge.<Badge>list("registrationId = ?1 and proxyName is not null", e.registration().id).forEach(b -> b.proxyName = null);
        }
    }

    @Override
    public Optional<Object> badgeOf(Registration r) {
        return Badge.findCurrent(r.id).map(b -> BadgeView.of(b, r.publicId, r.event.zone()));
    }

    /** The current badge of a confirmed registration (409 badge.not_confirmed otherwise). */
    @Transactional
    public Badge current(String publicId) {
        Registration r = registrations.require(publicId);
        if (r.status == RegistrationStatus.PENDING) {
            photoRule.requireAccepted(r); // waiting for its photo: 409 badge.photo_missing says what is missing
        }
        if (r.status != RegistrationStatus.CONFIRMED) {
            throw new DomainException(BadgeError.NOT_CONFIRMED, "The registration is " + r.status + "; it has no badge");
        }
        photoRule.requireAccepted(r);
        return Badge.findCurrent(r.id).orElseGet(() -> issue(r));
    }

    /**
     * What the printed badge of a confirmed registration shows; {@code printedByOrganizer} (issue 15) records when the
     * badge was first printed, which a delegate's own download does not.
     */
    @Transactional
    public BadgePdf.Card card(String publicId, boolean printedByOrganizer) {
        Badge b = current(publicId);
        Registration r = registrations.require(publicId);
        if (printedByOrganizer) {
            Badge.update("printedAt = ?1 where id = ?2 and printedAt is null", clock.instant(), b.id);
        }
        return BadgeCards.of(r, b.code, photoRule.printable(r), accessZones.of(r.event));
    }

    /** Revokes the current code at once and issues a new one. */
    @Transactional
    public BadgeView reissue(String publicId) {
        Registration r = registrations.require(publicId);
        if (r.status != RegistrationStatus.CONFIRMED) {
            throw new DomainException(BadgeError.NOT_CONFIRMED, "The registration is " + r.status + "; it has no badge");
        }
        Badge.findCurrent(r.id).ifPresent(b -> {
            b.revokedAt = clock.instant();
            b.flush();
        });
        return BadgeView.of(issue(r), r.publicId, r.event.zone());
    }

    /** The event's key, for door devices to check FP1 codes offline, while any FP1 badge of it is current. */
    @Transactional
    public Long legacyEventId(Event event) {
        return Badge.hasCurrentLegacy(event.id) ? event.id : null;
    }

    @Transactional
    public List<String> revokedDigests(Event event) {
        return Badge.listRevokedDigests(event.id);
    }

    /** A code signed ahead for an event (issue 18), with its key id and digest. */
    record Presigned(Long eventId, int kid, String code, String digest) {
    }

    @Override
    public Object presign(Event event) {
        BadgeKeys.Signer signer = keys.signer();
        String code = BadgeCodec.encode(signer.kid(), BadgeCodec.eventTag(event.slug), signer.key());
        return new Presigned(event.id, signer.kid(), code, BadgeCodec.digest(code));
    }

    private Badge issue(Registration r) {
        return issue(r, Badge.maxSerial(r.id) + 1, null);
    }

    private Badge issue(Registration r, int serial, Presigned presigned) {
        Presigned p = presigned != null ? presigned : (Presigned) presign(r.event);
        Badge b = new Badge();
        b.eventId = r.event.id;
        b.registrationId = r.id;
        b.serial = serial;
        b.kid = p.kid();
        b.code = p.code();
        b.digest = p.digest();
        b.issuedAt = Instant.now(clock);
        b.persistAndFlush();
        return b;
    }
}
