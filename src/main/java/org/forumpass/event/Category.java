package org.forumpass.event;

/** Delegate category, as printed on the badge band. */
public enum Category {
    GOVERNMENT, DIPLOMATIC, ACADEMIC, INDUSTRY, MEDIA, SPEAKER, STAFF
}
