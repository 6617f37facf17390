package org.forumpass.common;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The mails to send, kept in the database (table mail_outbox) until the mail server has taken them.
 *
 * <p>{@link #queue} writes a mail in the transaction that causes it: a rolled-back or retried change sends nothing,
 * and a committed one sends its mail even if this replica dies right after or the mail server is away for hours
 * (issue 18). The request that registers only renders and inserts its mail; a sender thread per replica sends. The
 * commit wakes this replica's sender at once; every sender also looks for due mails every {@code
 * forumpass.mail.poll} (2 s), so mails of a replica that stopped, and mails to try again, are sent by any.
 *
 * <p>A sender claims up to {@link #BATCH} due mails in one short transaction (a token of its own, and the mails' next
 * attempt moved {@link #LEASE} ahead), sends them, at most {@link #CONCURRENCY} at once, and deletes in a second
 * transaction the mails the server took. Two senders racing for the same rows both run the conditional update; the
 * row locks (or Galera's certification, whose loser tries again) let one have each row. While this machine's
 * processors are more than {@link #BUSY_LOAD} busy, only mails that waited {@code forumpass.mail.busy-delay} (60 s)
 * go: sending is most of a registration's cost after the database, and a rush's requests come first (issue 18). A mail that failed is tried again after 30 s, 1 min,
 * 2 min, ... up to an hour apart, {@link #MAX_ATTEMPTS} times (about 9 hours), then logged, counted
 * ({@code forumpass_mail_failed_total}) and deleted. A sender that dies while sending leaves its mails claimed until
 * their lease ends; another then sends them again, so a mail is sent at least once, and twice only after such a
 * death. The log names each mail by {@code what} ("CONFIRMED mail for registration X"), never by its text, which
 * holds private links; the embedded default runs the mailer in mock mode (kept in memory, not sent).
 */
@ApplicationScoped
public class MailOutbox {
    private static final Logger LOG = Logger.getLogger(MailOutbox.class);
    static final int BATCH = 200;
    static final int CONCURRENCY = 16;
    static final Duration LEASE = Duration.ofMinutes(2);
    static final int MAX_ATTEMPTS = 16;
    static final double BUSY_LOAD = 0.85;
    static final Duration BUSY_PAUSE = Duration.ofMillis(500);
    static final List<String> COLUMNS = List.of("created_at", "next_attempt_at", "attempts", "recipient", "subject",
            "text_body", "html_body", "what");
    private static final Object WAKE_KEY = new Object();

    @Inject
    ReactiveMailer mailer;
    @Inject
    TransactionSynchronizationRegistry tx;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false")
    boolean mock;
    @Inject
    ForumPassConfig config;

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final Semaphore wake = new Semaphore(0);
    private volatile Thread sender;
    private volatile boolean running;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    private volatile long waiting;
    private Instant counted = Instant.EPOCH;

    void start(@Observes StartupEvent e, MeterRegistry meters) {
        FunctionCounter.builder("forumpass.mail.sent", sent, AtomicLong::get)
                .description("Mails the mail server took").register(meters);
        FunctionCounter.builder("forumpass.mail.retried", retried, AtomicLong::get)
                .description("Mails the mail server refused or did not answer, to be tried again").register(meters);
        FunctionCounter.builder("forumpass.mail.failed", failed, AtomicLong::get)
                .description("Mails given up after " + MAX_ATTEMPTS + " attempts").register(meters);
        Gauge.builder("forumpass.mail.waiting", this, o -> o.waiting)
                .description("Mails in the outbox when this replica's sender last looked").register(meters);
        if (config.mail().sender()) {
            running = true;
            Thread t = new Thread(this::run, "mail-outbox");
            t.setDaemon(true);
            sender = t;
            t.start();
        }
    }

    void stop(@Observes ShutdownEvent e) throws InterruptedException {
        running = false;
        wake.release();
        Thread t = sender;
        if (t != null) {
            t.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    /**
     * Writes {@code mail} (one recipient, no attachment) to the outbox in the current transaction; it leaves once that
     * commits. {@code what} names the mail in the log, never its text.
     */
    public void queue(Mail mail, String what) {
        OutboxMail m = row(mail, what, clock.instant());
        m.persist();
        wakeAfterCommit();
    }

    /** The same for many mails in one statement (an import's chunk). */
    public void queueAll(List<Mail> mails, List<String> whats) {
        if (mails.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>(mails.size());
        for (int i = 0; i < mails.size(); i++) {
            OutboxMail m = row(mails.get(i), whats.get(i), now);
            rows.add(new Object[] {m.createdAt, m.nextAttemptAt, 0, m.recipient, m.subject, m.textBody, m.htmlBody, m.what});
        }
        BulkInsert.insert(em, "mail_outbox", COLUMNS, rows);
        wakeAfterCommit();
    }

    private static OutboxMail row(Mail mail, String what, Instant now) {
        if (mail.getTo().size() != 1 || !mail.getCc().isEmpty() || !mail.getBcc().isEmpty() || !mail.getAttachments().isEmpty()) {
            throw new IllegalArgumentException("the outbox keeps mails to one recipient without attachments: " + what);
        }
        OutboxMail m = new OutboxMail();
        m.createdAt = now;
        m.nextAttemptAt = now;
        m.recipient = mail.getTo().get(0);
        m.subject = mail.getSubject();
        m.textBody = mail.getText();
        m.htmlBody = mail.getHtml();
        m.what = what.length() > 200 ? what.substring(0, 200) : what;
        return m;
    }

    /**
     * Deletes, in the current transaction, the mails to {@code recipient} still waiting whose {@code what} ends with
     * {@code whatEnd} (an erased person's, named "... for registration X"): their text holds the person's link.
     */
    public long discard(String recipient, String whatEnd) {
        return OutboxMail.delete("recipient = ?1 and what like ?2", recipient, "%" + whatEnd);
    }

    /** Once per transaction: its commit wakes this replica's sender. */
    private void wakeAfterCommit() {
        if (tx.getResource(WAKE_KEY) != null) {
            return;
        }
        tx.putResource(WAKE_KEY, Boolean.TRUE);
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake.release();
                }
            }
        });
    }

    private void run() {
        long pause = 0;
        while (running) {
            try {
                if (pause > 0 && wake.tryAcquire(pause, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
                if (!running) {
                    return;
                }
                Duration busyDelay = config.mail().busyDelay();
                if (!busyDelay.isZero() && busy()) { // requests first: only the mails that waited busyDelay go now
                    int n = sendDue(clock.instant().minus(busyDelay));
                    if (n < BATCH) {
                        Thread.sleep(BUSY_PAUSE.toMillis()); // deaf to commits' wake-ups, which come hundreds a second now
                    }
                    pause = 0;
                    continue;
                }
                int n = sendDue();
                pause = n == BATCH ? 0 : config.mail().poll().toMillis(); // a full batch: more may be due at once
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) { // the database away: look again after the poll interval
                LOG.warnf("The mail sender could not read the outbox: %s", e.getMessage());
                pause = config.mail().poll().toMillis();
            }
        }
    }

    /**
     * Whether this machine's processors were more than {@link #BUSY_LOAD} busy since the last look (the whole machine,
     * or the container's share: the database and a co-located replica count too). Unknown counts as idle.
     */
    private boolean busy() {
        double load = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getCpuLoad() : -1;
        return load > BUSY_LOAD;
    }

    /** Claims, sends and settles one batch of due mails; answers how many it claimed. */
    int sendDue() {
        return sendDue(null);
    }

    /** The same, only for mails written at or before {@code writtenBy} (null: any due mail). */
    int sendDue(Instant writtenBy) {
        String token = UUID.randomUUID().toString();
        // two senders claiming the same rows on Galera: certification refuses one at its commit; it tries again
        List<OutboxMail> batch = Retry.onConflict(() -> QuarkusTransaction.requiringNew().call(() -> claim(token, writtenBy)));
        if (batch.isEmpty()) {
            return 0;
        }
        List<Outcome> outcomes = Multi.createFrom().iterable(batch)
                .onItem().transformToUni(this::send).merge(CONCURRENCY) // in the order they finish: each outcome names its mail
                .collect().asList()
                .await().atMost(LEASE.dividedBy(2));
        Settled settled = Retry.onConflict(() -> QuarkusTransaction.requiringNew().call(() -> settle(batch, outcomes)));
        sent.addAndGet(settled.sent());
        retried.addAndGet(settled.retried());
        failed.addAndGet(settled.failed());
        return batch.size();
    }

    /** A mail's fate: sent ({@code error} null) or not, and why. */
    record Outcome(long id, String error) {
    }

    private Uni<Outcome> send(OutboxMail m) {
        return Uni.createFrom().deferred(() -> mailer.send(m.toMail()))
                .ifNoItem().after(LEASE.dividedBy(3)).fail()
                .onItem().transform(ok -> new Outcome(m.id, null))
                .onFailure().recoverWithItem(err -> new Outcome(m.id, err.getMessage() == null
                        ? err.getClass().getSimpleName() : err.getMessage()));
    }

    List<OutboxMail> claim(String token, Instant writtenBy) {
        Instant now = clock.instant();
        List<Object[]> rows = em.createQuery("select m.id, m.createdAt from OutboxMail m where m.nextAttemptAt <= ?1 order by m.id",
                        Object[].class)
                .setParameter(1, now).setMaxResults(BATCH).getResultList();
        // the oldest due mails have the lowest ids: the filter needs no index of its own, nor a scan of a young backlog
        List<Long> due = rows.stream().filter(r -> writtenBy == null || !((Instant) r[1]).isAfter(writtenBy))
                .map(r -> (Long) r[0]).toList();
        if ((writtenBy == null && due.size() < BATCH) || now.isAfter(counted.plusSeconds(10))) { // a count reads the whole table: not at every batch of a backlog
            waiting = OutboxMail.count();
            counted = now;
        }
        if (due.isEmpty()) {
            return List.of();
        }
        int claimed = em.createQuery("update OutboxMail m set m.claimToken = ?1, m.nextAttemptAt = ?2, m.attempts = m.attempts + 1"
                        + " where m.id in ?3 and m.nextAttemptAt <= ?4")
                .setParameter(1, token).setParameter(2, now.plus(LEASE)).setParameter(3, due).setParameter(4, now)
                .executeUpdate();
        if (claimed == 0) {
            return List.of();
        }
        return OutboxMail.<OutboxMail>list("claimToken = ?1 order by id", token);
    }

    /** How many mails of a batch the server took, will be tried again, and were given up. */
    record Settled(int sent, int retried, int failed) {
    }

    /** Deletes the mails sent or given up and reschedules the others; answers the counts (counted once it commits). */
    Settled settle(List<OutboxMail> batch, List<Outcome> outcomes) {
        int nSent = 0;
        int nRetried = 0;
        int nFailed = 0;
        Map<Long, OutboxMail> byId = new HashMap<>();
        batch.forEach(m -> byId.put(m.id, m));
        List<Long> done = new ArrayList<>();
        Instant now = clock.instant();
        for (Outcome o : outcomes) {
            OutboxMail m = byId.get(o.id());
            if (o.error() == null) {
                done.add(o.id());
                nSent++;
                if (mock) {
                    LOG.infof("%s kept in the mock mailbox, not sent", m.what);
                } else {
                    LOG.debugf("Sent %s", m.what);
                }
            } else if (m.attempts >= MAX_ATTEMPTS) {
                done.add(o.id());
                nFailed++;
                LOG.errorf("Gave up %s after %d attempts: %s", m.what, m.attempts, o.error());
            } else {
                nRetried++;
                Instant next = now.plus(retryDelay(m.attempts));
                LOG.warnf("Could not send %s (attempt %d), trying again at %s: %s", m.what, m.attempts, next, o.error());
                em.createQuery("update OutboxMail m set m.claimToken = null, m.nextAttemptAt = ?1, m.lastError = ?2"
                                + " where m.id = ?3 and m.claimToken = ?4")
                        .setParameter(1, next).setParameter(2, o.error().length() > 500 ? o.error().substring(0, 500) : o.error())
                        .setParameter(3, o.id()).setParameter(4, m.claimToken).executeUpdate();
            }
        }
        if (!done.isEmpty()) {
            em.createQuery("delete from OutboxMail m where m.id in ?1 and m.claimToken = ?2").setParameter(1, done)
                    .setParameter(2, batch.get(0).claimToken).executeUpdate();
        }
        return new Settled(nSent, nRetried, nFailed);
    }

    /** 30 s after the first failure, doubling up to an hour. */
    static Duration retryDelay(int attempts) {
        long seconds = 30L << Math.min(7, Math.max(0, attempts - 1));
        return Duration.ofSeconds(Math.min(seconds, Duration.ofHours(1).toSeconds()));
    }

    /** Mails given up so far (forumpass_mail_failed_total). */
    long failedCount() {
        return failed.get();
    }

    /** Tests: the mail server the sender talks to. */
    void mailer(ReactiveMailer m) {
        this.mailer = m;
    }
}
