package org.forumpass.common.error;

/** A stable, documented error: {@code code()} never changes once published. */
public interface ErrorCode {
    String code();

    int status();

    String title();
}
