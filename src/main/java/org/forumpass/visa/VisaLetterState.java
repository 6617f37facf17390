package org.forumpass.visa;

/** Where a visa invitation letter is: asked for, issued with a reference, refused with a reason, or void. */
public enum VisaLetterState {
    /** The delegate (or their focal point, or an organizer) asked for it; an organizer decides. */
    REQUESTED,
    /** An organizer issued it: it has a reference, and its PDF can be downloaded and verified. */
    ISSUED,
    /** An organizer refused it, with a reason the delegate reads; the delegate may ask again. */
    REJECTED,
    /** Its registration was cancelled, rejected or erased: verification answers valid:false. */
    REVOKED
}
