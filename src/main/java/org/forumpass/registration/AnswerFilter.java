package org.forumpass.registration;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.forumpass.common.error.DomainException;

/** issue 14: the search's {@code answer.<key>=value} query parameters. */
public final class AnswerFilter {
    static final String PREFIX = "answer.";
    static final int MAX = 10;

    private AnswerFilter() {
    }

    public static Map<String, String> of(UriInfo uri) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : uri.getQueryParameters().entrySet()) {
            if (e.getKey().startsWith(PREFIX) && !e.getValue().isEmpty()) {
                out.put(e.getKey().substring(PREFIX.length()), e.getValue().get(0));
            }
        }
        if (out.size() > MAX) {
            throw DomainException.invalid("answer", "at most " + MAX + " answer filters at once");
        }
        return out;
    }
}
