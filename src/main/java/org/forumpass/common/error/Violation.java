package org.forumpass.common.error;

/** One bad field: {@code field} is the JSON path as the client sent it, e.g. {@code sessions[1]}. */
public record Violation(String field, String message) {
}
