package org.forumpass.visa;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.forumpass.common.I18n;
import org.forumpass.common.MailOutbox;
import org.forumpass.event.Event;
import org.forumpass.registration.Registration;
import org.forumpass.registration.RegistrationMail;

/**
 * The short e-mail a delegate gets when their visa invitation letter is issued, in their language, with the private
 * link to their manage page (where the letter is downloaded). Queued the way {@link RegistrationMail} queues its mails:
 * built now, sent only once the transaction that issued the letter has committed.
 */
@ApplicationScoped
public class VisaLetterMail {

    @Inject
    MailOutbox outbox;
    @Inject
    RegistrationMail registrationMail;
    @Inject
    @Location("mail/visa_letter.txt")
    Template text;
    @Inject
    @Location("mail/visa_letter.html")
    Template html;

    void queue(Registration r, VisaLetter letter) {
        outbox.queue(build(r, letter), "Visa letter mail for registration " + r.publicId);
    }

    Mail build(Registration r, VisaLetter letter) {
        String lang = "zh".equals(r.language) ? "zh" : "en";
        boolean zh = "zh".equals(lang);
        Event e = r.event;
        String eventName = zh && e.nameZh != null ? e.nameZh : e.name;
        String name = zh && r.nativeName != null ? r.nativeName : r.givenName + " " + r.familyName;
        Map<String, Object> data = Map.of("zh", zh, "name", name,
                "lead", I18n.text(lang, "mail.visa_letter.lead", Map.of("event", eventName, "reference", letter.reference)),
                "link", I18n.text(lang, "mail.visa_letter.link"), "private", I18n.text(lang, "mail.visa_letter.private"),
                "manageUrl", registrationMail.manageUrl(r));
        String subject = I18n.text(lang, "mail.visa_letter.subject", Map.of("event", eventName));
        return Mail.withText(r.email, subject, text.data(data).render()).setHtml(html.data(data).render());
    }
}
