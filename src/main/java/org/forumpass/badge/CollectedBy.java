package org.forumpass.badge;

/** Who took a badge at the accreditation desk: the delegate in person, or someone for them (named). */
public enum CollectedBy {
    SELF, PROXY
}
