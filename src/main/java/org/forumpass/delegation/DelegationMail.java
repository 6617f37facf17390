package org.forumpass.delegation;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.forumpass.common.I18n;
import org.forumpass.common.Languages;
import org.forumpass.common.MailOutbox;
import org.forumpass.event.Event;

/** The focal point's invitation: what the delegation may register and the private link to its page, in the focal point's language. */
@ApplicationScoped
public class DelegationMail {
    @Inject
    MailOutbox outbox;
    @Inject
    @Location("mail/delegation.txt")
    Template text;
    @Inject
    @Location("mail/delegation.html")
    Template html;

    void invite(Delegation d, String url) {
        String lang = Languages.supported(d.focalLanguage);
        boolean zh = "zh".equals(lang);
        Event e = d.event;
        String eventName = zh && e.nameZh != null ? e.nameZh : e.name;
        DateTimeFormatter day = DateTimeFormatter.ofPattern(I18n.text(lang, "date.day"), Locale.forLanguageTag(lang));
        Map<String, Object> data = Map.of(
                "hello", I18n.text(lang, "mail.delegation.hello", Map.of("name", d.focalName)),
                "lead", I18n.text(lang, "mail.delegation.lead", Map.of("delegation", d.name)),
                "event", eventName,
                "when", day.format(OffsetDateTime.ofInstant(e.startsAt, e.zone())),
                "venue", (zh && e.venueZh != null ? e.venueZh : e.venue) + ", " + (zh && e.cityZh != null ? e.cityZh : e.city),
                "linkText", I18n.text(lang, "mail.delegation.link"),
                "privateNote", I18n.text(lang, "mail.delegation.private"),
                "url", url + "&lang=" + lang, // the page opens in the focal point's language
                "zh", zh);
        Mail mail = Mail.withText(d.focalEmail, I18n.text(lang, "mail.delegation.subject", Map.of("event", eventName)),
                text.data(data).render()).setHtml(html.data(data).render());
        outbox.queue(mail, "Focal-point mail for delegation " + d.publicId);
    }
}
