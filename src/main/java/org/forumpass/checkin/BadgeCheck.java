package org.forumpass.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.forumpass.badge.BadgeService;
import org.forumpass.event.Event;

/** Scanned strings are badges issued by this server, of this event or another; anything else is invalid. */
@ApplicationScoped
public class BadgeCheck implements CodeCheck.Checker {
    @Inject
    BadgeService badges;

    @Override
    public CodeCheck check(Event event, String code) {
        return badges.find(code)
                .map(f -> f.badge().eventId.equals(event.id)
                        ? new CodeCheck(CodeCheck.Kind.GENUINE, f.registration(), f.badge().revokedAt != null)
                        : new CodeCheck(CodeCheck.Kind.WRONG_EVENT, f.registration(), f.badge().revokedAt != null))
                .orElse(CodeCheck.INVALID);
    }
}
