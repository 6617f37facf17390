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

    /** The page and size a list endpoint was asked for, read from the query's text. */
    public record Request(int page, int size) {
        /** 400 with a violation per bad parameter: not a number, page below 0, size outside 1..500. */
        public static Request of(String page, String size) {
            RequestValidator.Violations v = new RequestValidator.Violations();
            Request r = of(page, size, v);
            v.throwIfAny();
            return r;
        }

        /** As {@link #of(String, String)}, adding to violations that the caller collects with others. */
        public static Request of(String page, String size, RequestValidator.Violations v) {
            return new Request(QueryParams.integer(page, "page", 0, 0, Integer.MAX_VALUE, v),
                    QueryParams.integer(size, "size", DEFAULT_SIZE, 1, MAX_SIZE, v));
        }
    }
}
