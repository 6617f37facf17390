package org.forumpass.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.forumpass.common.Db;
import org.forumpass.common.RequestValidator;
import org.forumpass.common.Text;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;
import org.forumpass.registration.RegistrationRecords.InvitationCodeRequest;
import org.forumpass.registration.RegistrationRecords.InvitationCodeView;

@ApplicationScoped
public class InvitationService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    @Inject
    EventService events;
    @Inject
    RequestValidator validator;
    @Inject
    Clock clock;

    @Transactional
    public InvitationCodeView create(String slug, InvitationCodeRequest req) {
        Event event = events.require(slug);
        RequestValidator.Violations v = validator.start(req);
        if (req != null && req.categories() != null && req.categories().isEmpty()) {
            v.add("categories", "must name at least one category, or be null for every category");
        }
        v.throwIfAny();
        InvitationCode c = new InvitationCode();
        c.event = event;
        c.code = req.code() == null ? generate() : req.code().strip();
        c.label = Text.clean(req.label());
        c.categories = req.categories() == null ? null : EnumSet.copyOf(req.categories());
        c.maxUses = req.maxUses();
        c.expiresAt = req.expiresAt() == null ? null : req.expiresAt().toInstant();
        c.createdAt = clock.instant();
        if (InvitationCode.findByEventAndCode(event, c.code).isPresent()) {
            throw taken(c.code);
        }
        try {
            c.persistAndFlush();
        } catch (PersistenceException e) {
            if (Db.isConstraintViolation(e)) {
                throw taken(c.code);
            }
            throw e;
        }
        return InvitationCodeView.from(c);
    }

    @Transactional
    public List<InvitationCodeView> list(String slug) {
        return InvitationCode.listByEvent(events.require(slug)).stream().map(InvitationCodeView::from).toList();
    }

    private static DomainException taken(String code) {
        return new DomainException(RegistrationError.INVITATION_CODE_TAKEN, "The invitation code '" + code + "' exists");
    }

    /** Ten characters without look-alikes (no 0/O, 1/I): about 50 bits. */
    static String generate() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                sb.append('-');
            }
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
