package org.forumpass.common;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.mailer.Mail;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mail waiting in {@link MailOutbox} (table mail_outbox, V48): written with the change that causes it, deleted once sent. */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** When a sender may take it: its creation, a lease's end while a sender has it, or the time of its next try. */
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
    @Column(nullable = false)
    public int attempts;
    /** The batch of the sender that holds it now (with {@link #nextAttemptAt} as the lease's end), else null. */
    @Column(name = "claim_token", length = 36)
    public String claimToken;
    @Column(nullable = false, length = 320)
    public String recipient;
    @Column(nullable = false, length = 1000)
    public String subject;
    @Column(name = "text_body", nullable = false, columnDefinition = "MEDIUMTEXT")
    public String textBody;
    @Column(name = "html_body", columnDefinition = "MEDIUMTEXT")
    public String htmlBody;
    /** What the log calls it ("CONFIRMED mail for registration X"), never its text. */
    @Column(nullable = false, length = 200)
    public String what;
    @Column(name = "last_error", length = 500)
    public String lastError;

    Mail toMail() {
        Mail m = Mail.withText(recipient, subject, textBody);
        return htmlBody == null ? m : m.setHtml(htmlBody);
    }
}
