package org.forumpass.checkin;

public enum Direction {
    IN, OUT
}
