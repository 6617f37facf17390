package org.forumpass.registration;

/** A chosen session's state for one delegate. */
public enum SeatStatus {
    CONFIRMED, WAITLISTED
}
