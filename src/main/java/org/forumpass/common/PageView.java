package org.forumpass.common;

import java.util.List;
import org.forumpass.common.error.DomainException;

/** A page of a list: {items, page, size, total}. page counts from 0; size 1..500 (default 50). */
public record PageView<T>(List<T> items, int page, int size, long total) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static void check(int page, int size) {
        RequestValidator.Violations v = new RequestValidator.Violations();
        if (page < 0) {
            v.add("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            v.add("size", "must be between 1 and " + MAX_SIZE);
        }
        if (!v.isEmpty()) {
            throw DomainException.invalid(v.list());
        }
    }
}
