package org.forumpass.common;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends a mail once the transaction that caused it has committed (a rolled-back or retried change sends
 * nothing). The embedded default runs the mailer in mock mode, which keeps each mail in memory and logs one line
 * without its text (texts hold private links); SMTP is set with QUARKUS_MAILER_*.
 *
 * <p>Issue 18: at most {@link #IN_FLIGHT} mails are being made or sent at once. Beyond them, the committing request
 * waits for one to leave (so a registration rush faster than the mail server slows to the mail server's pace instead
 * of piling rendered mails up in the heap: 600 registrations a second ran a 256 MB heap out of memory). A mail that
 * found no room for {@link #WAIT_SECONDS} s, the mail server being away or stuck, is not sent: it is logged and
 * counted ({@code forumpass_mail_dropped_total}), and the delegate can ask for the link again.
 */
@ApplicationScoped
public class MailOutbox {
    private static final Logger LOG = Logger.getLogger(MailOutbox.class);
    static final int IN_FLIGHT = 64;
    static final int WAIT_SECONDS = 10;

    @Inject
    ReactiveMailer mailer;
    @Inject
    TransactionSynchronizationRegistry tx;
    @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false")
    boolean mock;

    final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    final AtomicLong dropped = new AtomicLong();

    void metrics(@Observes StartupEvent e, MeterRegistry meters) {
        FunctionCounter.builder("forumpass.mail.dropped", this, o -> o.dropped.get())
                .description("Mails not sent because the mail server had not taken the earlier ones for " + WAIT_SECONDS + " s")
                .register(meters);
    }

    /** {@code what} names the mail in the log ("CONFIRMED mail for registration X"), never its text. */
    public void afterCommit(Mail mail, String what) {
        afterCommit(() -> mail, what);
    }

    /** The same, with the mail made (its templates rendered) only once the transaction has committed. */
    public void afterCommit(java.util.function.Supplier<Mail> made, String what) {
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    send(made, what);
                }
            }
        });
    }

    void send(java.util.function.Supplier<Mail> made, String what) {
        boolean onEventLoop = io.vertx.core.Context.isOnEventLoopThread();
        boolean counted = inFlight.tryAcquire() || !onEventLoop && waitForRoom();
        if (!counted && !onEventLoop) { // an event loop cannot wait: its mail goes uncounted
            dropped.incrementAndGet();
            LOG.warnf("Could not send %s: the mail server had not taken the %d mails before it for %d s", what, IN_FLIGHT,
                    WAIT_SECONDS);
            return;
        }
        Mail mail;
        try {
            mail = made.get();
        } catch (RuntimeException e) {
            done(counted);
            LOG.warnf("Could not make %s: %s", what, e.getMessage());
            return;
        }
        mailer.send(mail).subscribe().with(
                ok -> {
                    done(counted);
                    if (mock) {
                        LOG.infof("%s kept in the mock mailbox, not sent", what);
                    } else {
                        LOG.debugf("Sent %s", what);
                    }
                },
                err -> {
                    done(counted);
                    LOG.warnf("Could not send %s: %s", what, err.getMessage());
                });
    }

    /** A place among the mails in flight, waiting up to {@link #WAIT_SECONDS} s for one. */
    private boolean waitForRoom() {
        try {
            return inFlight.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void done(boolean counted) {
        if (counted) {
            inFlight.release();
        }
    }
}
