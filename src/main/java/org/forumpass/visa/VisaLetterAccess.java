package org.forumpass.visa;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.forumpass.common.EventScope;
import org.forumpass.common.error.CommonError;
import org.forumpass.common.error.DomainException;
import org.forumpass.registration.RegistrationService;
import org.forumpass.staff.StaffIdentity;

/**
 * Who may act on a registration's letter: an organizer covering its event, or the bearer of a manage token that
 * opens the registration (the delegate; the focal point of the delegate's delegation, through the same
 * {@link RegistrationService#tokenMatches} check the registration itself uses).
 */
@ApplicationScoped
class VisaLetterAccess {
    @Inject
    RegistrationService registrations;

    /** The actor's name for the letter and the audit log: the organizer's username, or "delegate". */
    String check(SecurityIdentity identity, String id) {
        if (StaffIdentity.isOrganizer(identity)) {
            if (EventScope.events(identity) != null) {
                registrations.eventSlugOf(id).ifPresent(slug -> EventScope.requireEvent(identity, slug));
            }
            return identity.getPrincipal().getName();
        }
        if (!registrations.tokenMatches(id, StaffIdentity.manageToken(identity))) {
            throw new DomainException(CommonError.FORBIDDEN, "This token does not open that registration");
        }
        return VisaLetterService.DELEGATE;
    }
}
