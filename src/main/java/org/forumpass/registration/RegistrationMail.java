package org.forumpass.registration;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.forumpass.common.I18n;
import org.forumpass.common.Languages;
import org.forumpass.common.MailOutbox;
import org.forumpass.common.PublicUrl;
import org.forumpass.event.Event;

/**
 * E-mails to delegates, in their language, written to the {@link MailOutbox} in the transaction that causes them and
 * sent once it has committed.
 */
@ApplicationScoped
public class RegistrationMail {

    @Inject
    MailOutbox outbox;
    @Inject
    ManageTokens tokens;
    @Inject
    PublicUrl publicUrl;
    @Inject
    @Location("mail/registration.txt")
    Template text;
    @Inject
    @Location("mail/registration.html")
    Template html;

    public record SessionLine(String title, String when, String status) {
    }

    /** Writes the mail, as it reads now, to the outbox; it leaves once the transaction commits. */
    public void queue(Registration r, MailKind kind, List<RegistrationSession> sessions) {
        outbox.queue(build(r, kind, sessions), what(r, kind));
    }

    /** The same for many registrations in one statement (an import's chunk): {@code sessions.get(i)} are {@code rs.get(i)}'s. */
    public void queueAll(List<Registration> rs, List<List<RegistrationSession>> sessions) {
        List<Mail> mails = new java.util.ArrayList<>(rs.size());
        List<String> whats = new java.util.ArrayList<>(rs.size());
        for (int i = 0; i < rs.size(); i++) {
            Registration r = rs.get(i);
            MailKind kind = MailKind.forStatus(r.status);
            mails.add(build(r, kind, sessions.get(i)));
            whats.add(what(r, kind));
        }
        outbox.queueAll(mails, whats);
    }

    private static String what(Registration r, MailKind kind) {
        return kind + " mail for registration " + r.publicId;
    }

    public String manageUrl(Registration r) {
        return baseUrl() + "/r/" + r.publicId + "?t=" + tokens.tokenFor(r);
    }

    String baseUrl() {
        return publicUrl.base();
    }

    Mail build(Registration r, MailKind kind, List<RegistrationSession> sessions) {
        return render(content(r, kind, sessions));
    }

    /** A mail's address, subject and template data: plain values, no entity. */
    private record Content(String to, String subject, java.util.Map<String, Object> data) {
    }

    private Mail render(Content c) {
        return Mail.withText(c.to(), c.subject(), text.data(c.data()).render()).setHtml(html.data(c.data()).render());
    }

    private Content content(Registration r, MailKind kind, List<RegistrationSession> sessions) {
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
        return new Content(r.email, subject, data);
    }
}
