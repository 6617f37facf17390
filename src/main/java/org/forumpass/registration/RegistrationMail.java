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
 * E-mails to delegates, in their language, sent by {@link MailOutbox} only once the transaction that caused
 * them has committed.
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

    /**
     * Gathers what the mail says now (while the entities are at hand) and sends it after commit; issue 18: its
     * templates are rendered after the commit, so not while the transaction holds the event's seat row.
     */
    public void queue(Registration r, MailKind kind, List<RegistrationSession> sessions) {
        Content c = content(r, kind, sessions);
        outbox.afterCommit(() -> render(c), kind + " mail for registration " + r.publicId);
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
