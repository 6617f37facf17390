package org.forumpass.photo;

/** A photo's review: every upload waits for an organizer, who accepts it or rejects it with a reason. */
public enum PhotoStatus { PENDING_REVIEW, ACCEPTED, REJECTED }
