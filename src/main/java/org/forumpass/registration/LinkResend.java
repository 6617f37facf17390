package org.forumpass.registration;

import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import org.forumpass.common.ForumPassConfig;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Throttle;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;
import org.jboss.logging.Logger;

/**
 * Issue 17: "send me my link again". The answer is the same whether or not the address is registered: the look-up
 * and the mail happen on a worker after the request is answered, so neither the answer nor its time tells. Limited
 * per e-mail address and per client address (an hour each), counted whether or not the address is known.
 */
@ApplicationScoped
public class LinkResend {
    private static final Logger LOG = Logger.getLogger(LinkResend.class);
    private static final Duration WINDOW = Duration.ofHours(1);

    @Inject
    Throttle throttle;
    @Inject
    ForumPassConfig config;
    @Inject
    EventService events;
    @Inject
    RegistrationMail mail;
    @Inject
    Vertx vertx;
    @Inject
    Instance<LinkResend> self;

    /** Checks the address and the limits, then sends the link, if the address has a registration, in the background. */
    public void request(String slug, String email, String client) {
        Violations v = new Violations();
        if (email == null || email.isBlank()) {
            v.rule("email", "required");
        }
        String address = DelegateInput.email(email, "email", v);
        try {
            v.throwIfAny();
        } catch (DomainException e) {
            throw FormMessages.humane(e);
        }
        Long eventId = self.get().eventId(slug);
        String key = DelegateInput.emailKey(address);
        limit("resend-client:" + client, config.limits().resendLinksPerClient(), client != null);
        // the address hashed: the throttle table holds no e-mail addresses
        limit("resend-address:" + sha256(key), config.limits().resendLinksPerAddress(), true);
        vertx.executeBlocking(() -> self.get().send(eventId, key), false)
                .onFailure(err -> LOG.warnf("Could not resend a manage link for event %s: %s", slug, err.getMessage()));
    }

    @Transactional
    Long eventId(String slug) {
        return events.require(slug).id;
    }

    private void limit(String key, int max, boolean counted) {
        if (max <= 0 || !counted) {
            return;
        }
        if (throttle.hit(key, WINDOW) > max) {
            throw new DomainException(RegistrationError.RATE_LIMITED,
                    "Too many requests for a registration link; try again in an hour");
        }
    }

    private static String sha256(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Queues the LINK mail to the registration of {@code emailKey} at the event; answers whether there was one. */
    @Transactional
    public boolean send(Long eventId, String emailKey) {
        Event event = Event.findById(eventId);
        return Registration.findByEventAndEmail(event, emailKey).filter(r -> r.erasedAt == null).map(r -> {
            mail.queue(r, MailKind.LINK, RegistrationSession.listByRegistration(r));
            return true;
        }).orElse(false);
    }
}
