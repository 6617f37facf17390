package org.forumpass.registration;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.forumpass.common.ForumPassConfig;
import org.forumpass.common.MailOutbox;
import org.forumpass.event.Event;
import org.forumpass.registration.RegistrationRecords.RegistrationView;
import org.jboss.logging.Logger;

/**
 * Data protection: a delegate's data on request (access), erasure of the personal fields (attendance,
 * status, category and country stay for the counts), and erasure of whole events once their retention
 * period after the end has passed (checked hourly by every replica; erasing twice changes nothing).
 */
@ApplicationScoped
public class PrivacyService {
    private static final Logger LOG = Logger.getLogger(PrivacyService.class);
    public static final String ERASED = "Erased";

    @Inject
    RegistrationService registrations;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<RegistrationEvents.Ended> ended;
    @Inject
    Instance<PrivacyService> self;
    @Inject
    Vertx vertx;
    @Inject
    ForumPassConfig config;
    @Inject
    MailOutbox outbox;
    @Inject
    Instance<IdentityHook> identities;
    @Inject
    Instance<AnswerHook> answers;

    public record CheckInLine(String door, OffsetDateTime firstScannedAt, String firstDeviceId, boolean inside) {
    }

    public record ScanLine(OffsetDateTime receivedAt, OffsetDateTime scannedAt, String deviceId, String door, String direction,
                           String result) {
    }

    public record PersonalData(RegistrationView registration, OffsetDateTime erasedAt, List<CheckInLine> checkIns,
                               List<ScanLine> scans, OffsetDateTime exportedAt) {
    }

    void onStart(@Observes StartupEvent ev) {
        vertx.setPeriodic(Duration.ofMinutes(1).toMillis(), Duration.ofHours(1).toMillis(), id ->
                vertx.executeBlocking(() -> self.get().eraseExpired(), false));
    }

    /** Everything kept about one delegate (an access request). */
    @Transactional
    public PersonalData export(String publicId) {
        Registration r = registrations.require(publicId);
        ZoneId zone = r.event.zone();
        List<CheckInLine> checkIns = em.createQuery("select c.sessionKey, c.firstScannedAt, c.firstDeviceId, c.inside from CheckIn c"
                        + " where c.registrationId = ?1 order by c.firstScannedAt, c.id", Object[].class).setParameter(1, r.id).getResultList()
                .stream().map(row -> new CheckInLine(door((Long) row[0]), at((Instant) row[1], zone), (String) row[2],
                        Boolean.TRUE.equals(row[3]))).toList();
        List<ScanLine> scans = em.createQuery("select s.receivedAt, s.scannedAt, s.deviceId, s.sessionId, s.direction, s.result"
                        + " from Scan s where s.registrationId = ?1 order by s.receivedAt, s.id", Object[].class).setParameter(1, r.id)
                .getResultList().stream().map(row -> new ScanLine(at((Instant) row[0], zone), at((Instant) row[1], zone),
                        (String) row[2], door((Long) row[3]), String.valueOf(row[4]), String.valueOf(row[5]))).toList();
        return new PersonalData(registrations.view(r), at(r.erasedAt, zone), checkIns, scans, at(clock.instant(), zone));
    }

    /** Replaces the personal fields, kills the manage link and revokes the badge; answers the erased view. */
    @Transactional
    public RegistrationView erase(String publicId) {
        Registration r = registrations.require(publicId);
        eraseOne(r);
        return registrations.view(r);
    }

    /** Erases the delegates of events whose retention period has passed; answers how many were erased. */
    public int eraseExpired() {
        int total = 0;
        for (Long eventId : self.get().expiredEvents()) {
            int n;
            do {
                n = self.get().eraseSome(eventId, 200);
                total += n;
            } while (n > 0);
        }
        if (total > 0) {
            LOG.infof("Erased the personal data of %d delegates whose retention period had passed", total);
        }
        return total;
    }

    @Transactional
    public List<Long> expiredEvents() {
        Instant now = clock.instant();
        return Event.<Event>list("retentionDays is not null").stream()
                .filter(e -> e.endsAt.plus(Duration.ofDays(e.retentionDays)).isBefore(now))
                .map(e -> e.id).toList();
    }

    @Transactional
    public int eraseSome(Long eventId, int max) {
        List<Registration> batch = Registration.find("event.id = ?1 and erasedAt is null", eventId).page(0, max).list();
        batch.forEach(this::eraseOne);
        return batch.size();
    }

    private void eraseOne(Registration r) {
        if (r.erasedAt != null) {
            return;
        }
        Instant now = clock.instant();
        // issue 18: a mail of this registration still waiting in the outbox (the mail server away) is not sent
        outbox.discard(r.email, " registration " + r.publicId);
        r.givenName = ERASED;
        r.familyName = ERASED;
        r.nativeName = null;
        r.jobTitle = null;
        r.organization = ERASED;
        r.organizationKey = "erased";
        r.email = "erased-" + r.publicId.toLowerCase(java.util.Locale.ROOT) + "@erased.invalid";
        r.emailKey = r.email;
        r.phone = null;
        r.vip = false; // issue 16: how to receive them is about the person too
        r.vipRank = null;
        r.protocolNote = null;
        if (identities.isResolvable()) {
            identities.get().erase(r);
        }
        if (answers.isResolvable()) {
            answers.get().erase(r); // issue 14: the form's answers are personal data too
        }
        r.tokenVersion++;
        r.erasedAt = now;
        r.updatedAt = now;
        r.flush();
        // issue 14: the photo goes with the personal fields
        em.createNativeQuery("DELETE FROM registration_photo WHERE registration_id = ?1").setParameter(1, r.id).executeUpdate();
        ended.fire(new RegistrationEvents.Ended(r)); // the badge is revoked
    }

    private String door(Long sessionKey) {
        if (sessionKey == null || sessionKey == 0L) {
            return "entrance";
        }
        List<String> code = em.createQuery("select s.code from AgendaSession s where s.id = ?1", String.class)
                .setParameter(1, sessionKey).getResultList();
        return code.isEmpty() ? "?" : code.get(0);
    }

    private static OffsetDateTime at(Instant t, ZoneId zone) {
        return t == null ? null : OffsetDateTime.ofInstant(t, zone);
    }
}
