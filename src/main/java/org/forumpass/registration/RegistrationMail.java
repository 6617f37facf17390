package org.forumpass.registration;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.forumpass.common.I18n;
import org.forumpass.common.Languages;
import org.forumpass.common.PublicUrl;
import org.forumpass.event.Event;
import org.jboss.logging.Logger;

/**
 * E-mails to delegates, in their language, sent only once the transaction that caused them has
 * committed (a rolled-back or retried registration sends nothing). The embedded default runs the
 * mailer in mock mode, which keeps each mail in memory and logs one line without its text (the text holds
 * the private manage link); SMTP is set with QUARKUS_MAILER_*.
 */
@ApplicationScoped
public class RegistrationMail {
    private static final Logger LOG = Logger.getLogger(RegistrationMail.class);

    @Inject
    ReactiveMailer mailer;
    @Inject
    TransactionSynchronizationRegistry tx;
    @Inject
    ManageTokens tokens;
    @Inject
    PublicUrl publicUrl;
    @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false")
    boolean mock;
    @Inject
    @Location("mail/registration.txt")
    Template text;
    @Inject
    @Location("mail/registration.html")
    Template html;

    public record SessionLine(String title, String when, String status) {
    }

    /** Builds the mail now (while the entities are at hand) and sends it after commit. */
    public void queue(Registration r, MailKind kind, List<RegistrationSession> sessions) {
        Mail mail = build(r, kind, sessions);
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    mailer.send(mail).subscribe().with(
                            ok -> {
                                if (mock) {
                                    LOG.infof("%s mail for registration %s kept in the mock mailbox, not sent", kind, r.publicId);
                                } else {
                                    LOG.debugf("Sent %s mail for registration %s", kind, r.publicId);
                                }
                            },
                            err -> LOG.warnf("Could not send %s mail for registration %s: %s", kind, r.publicId, err.getMessage()));
                }
            }
        });
    }

    public String manageUrl(Registration r) {
        return baseUrl() + "/r/" + r.publicId + "?t=" + tokens.tokenFor(r);
    }

    String baseUrl() {
        return publicUrl.base();
    }

    Mail build(Registration r, MailKind kind, List<RegistrationSession> sessions) {
        boolean zh = "zh".equals(r.language);
        Event e = r.event;
        String eventName = zh && e.nameZh != null ? e.nameZh : e.name;
        DateTimeFormatter day = DateTimeFormatter.ofPattern(I18n.text(r.language, "date.day_time"),
                Locale.forLanguageTag(Languages.supported(r.language)));
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        List<SessionLine> lines = sessions.stream().map(rs -> new SessionLine(
                zh && rs.session.titleZh != null ? rs.session.titleZh : rs.session.title,
                day.format(OffsetDateTime.ofInstant(rs.session.startsAt, e.zone())) + "–"
                        + time.format(OffsetDateTime.ofInstant(rs.session.endsAt, e.zone())),
                I18n.label(r.language, "mail.seat", rs.status))).toList();
        String name = zh && r.nativeName != null ? r.nativeName : r.givenName + " " + r.familyName;
        String subject = kind.subject(r.language, eventName);
        var data = java.util.Map.<String, Object>of(
                "zh", zh, "name", name, "lead", kind.lead(r.language), "event", eventName,
                "when", day.format(OffsetDateTime.ofInstant(e.startsAt, e.zone())),
                "venue", (zh && e.venueZh != null ? e.venueZh : e.venue) + ", " + (zh && e.cityZh != null ? e.cityZh : e.city),
                "sessions", lines, "manageUrl", manageUrl(r), "showLink", kind != MailKind.REJECTED);
        return Mail.withText(r.email, subject, text.data(data).render()).setHtml(html.data(data).render());
    }
}
