package org.forumpass.audit;

/** What the audit log records. */
public enum AuditAction {
    SIGN_IN, SIGN_IN_FAILED, VIEW_PERSONAL_DATA, SEARCH, EXPORT, APPROVE, REJECT, CANCEL, REISSUE_BADGE,
    MANUAL_CHECK_IN, IMPORT, ACCESS_REQUEST, ERASE, STAFF_CREATED, STAFF_CHANGED,
    // issue 14: identity
    VIEW_IDENTITY, EXPORT_IDENTITY,
    // issue 14: photo
    PHOTO_ACCEPTED, PHOTO_REJECTED,
    // issue 14: form
    FORM_CHANGED,
    // issue 15: delegations
    DELEGATION_CREATED, DELEGATION_CHANGED, DELEGATION_MEMBER_ADDED, DELEGATION_MEMBER_WITHDRAWN, DELEGATION_MEMBER_REPLACED,
    // issue 15: the accreditation desk hands a badge out (detail "SELF" or "PROXY: name")
    BADGE_COLLECTED,
    // issue 15: visa invitation letters
    VISA_LETTER_SETTINGS, VISA_LETTER_REQUESTED, VISA_LETTER_ISSUED, VISA_LETTER_REJECTED, VISA_LETTER_DOWNLOADED,
    // issue 16: a door received the roster of an event (names and faces, for offline verdicts)
    DOOR_ROSTER,
    // issue 16: an organizer marked a door's offline conflict handled (subject the registration, detail the scan and note)
    SCAN_CONFLICT_RESOLVED,
    // issue 16: an organizer marks or unmarks a VIP, or changes the rank or the protocol note (detail without the note's words)
    PROTOCOL_CHANGED,
    // issue 16: an organizer opens the VIP arrivals board (a list of people, as a search is)
    VIEW_ARRIVALS,
    // issue 16: an event's access zones replaced (detail: the zones' codes)
    ZONES_CHANGED
}
