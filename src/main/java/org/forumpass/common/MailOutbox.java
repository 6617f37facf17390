package org.forumpass.common;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends a mail once the transaction that caused it has committed (a rolled-back or retried change sends
 * nothing). The embedded default runs the mailer in mock mode, which keeps each mail in memory and logs one line
 * without its text (texts hold private links); SMTP is set with QUARKUS_MAILER_*.
 */
@ApplicationScoped
public class MailOutbox {
    private static final Logger LOG = Logger.getLogger(MailOutbox.class);

    @Inject
    ReactiveMailer mailer;
    @Inject
    TransactionSynchronizationRegistry tx;
    @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false")
    boolean mock;

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
                    Mail mail;
                    try {
                        mail = made.get();
                    } catch (RuntimeException e) {
                        LOG.warnf("Could not make %s: %s", what, e.getMessage());
                        return;
                    }
                    mailer.send(mail).subscribe().with(
                            ok -> {
                                if (mock) {
                                    LOG.infof("%s kept in the mock mailbox, not sent", what);
                                } else {
                                    LOG.debugf("Sent %s", what);
                                }
                            },
                            err -> LOG.warnf("Could not send %s: %s", what, err.getMessage()));
                }
            }
        });
    }
}
