package org.forumpass.staff;

import io.quarkus.security.identity.SecurityIdentity;
import org.forumpass.common.Roles;

/** Reading the caller: a staff member (organizer, door) or the holder of a delegate's manage token. */
public final class StaffIdentity {
    /** Attribute holding the bearer string of a caller who is not staff (a delegate's manage token). */
    public static final String MANAGE_TOKEN = "forumpass.manageToken";

    private StaffIdentity() {
    }

    public static boolean isDelegateToken(SecurityIdentity identity) {
        return identity != null && identity.getAttribute(MANAGE_TOKEN) != null;
    }

    public static boolean isOrganizer(SecurityIdentity identity) {
        return identity != null && identity.hasRole(Roles.ORGANIZER);
    }

    public static String manageToken(SecurityIdentity identity) {
        return identity == null ? null : identity.getAttribute(MANAGE_TOKEN);
    }
}
