package org.forumpass.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.forumpass.visa.VisaLetterRecords.LetterView;
import org.forumpass.visa.VisaLetterService;

/**
 * Issue 15: the manage page's "Visa invitation letter" section, shown when the event issues letters: the letter's
 * state, its reference and download link once issued, the rejection reason, and the Request button (disabled, with
 * the reason, while there is no passport on file or the registration is not confirmed).
 */
@ApplicationScoped
public class VisaLetterSection {
    @Inject
    VisaLetterService letters;

    /** What visa_section.html shows; null when the event issues no letters. */
    public record Model(String state, String reference, String issuedOn, String rejectionReason, boolean canRequest,
                        String refusal) {
    }

    Model of(String publicId) {
        VisaLetterService.Section s = letters.section(publicId);
        if (s == null) {
            return null;
        }
        LetterView l = s.letter();
        String state = l == null ? "NONE" : l.state().name();
        boolean open = l == null || "REJECTED".equals(state);
        return new Model(state, l == null ? null : l.reference(),
                l == null || l.issuedAt() == null ? null : l.issuedAt().toLocalDate().toString(),
                l == null ? null : l.rejectionReason(), open && s.refusal() == null, open ? s.refusal() : null);
    }
}
