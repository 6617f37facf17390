package org.forumpass.common;

/** Role names as they appear in tokens and {@code @RolesAllowed}. */
public final class Roles {
    public static final String ORGANIZER = "organizer";
    public static final String DOOR = "door";
    /** A caller holding a delegate's manage token (checked against the registration it names). */
    public static final String DELEGATE = "delegate";

    private Roles() {
    }
}
