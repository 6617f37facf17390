package org.forumpass.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forumpass.common.error.DomainException;
import org.forumpass.common.error.Violation;

/**
 * Checks a request body's annotations and the service's own cross-field rules together, so a
 * client learns about every bad field in one answer (one violation per field).
 */
@ApplicationScoped
public class RequestValidator {
    @Inject
    Validator validator;

    public Violations start(Object body) {
        Violations v = new Violations();
        if (body == null) {
            v.add("body", "is required");
            return v;
        }
        for (ConstraintViolation<Object> cv : validator.validate(body)) {
            v.add(pathOf(cv), cv.getMessage());
        }
        return v;
    }

    private static String pathOf(ConstraintViolation<?> cv) {
        StringBuilder sb = new StringBuilder();
        for (jakarta.validation.Path.Node node : cv.getPropertyPath()) {
            if (node.isInIterable() && node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(node.getName());
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    /** Violations collected so far; {@link #throwIfAny()} ends the check. */
    public static final class Violations {
        private final Map<String, List<String>> byField = new LinkedHashMap<>();

        public Violations add(String field, String message) {
            List<String> messages = byField.computeIfAbsent(field, k -> new ArrayList<>());
            if (!messages.contains(message)) {
                messages.add(message);
            }
            return this;
        }

        public boolean has(String field) {
            return byField.containsKey(field);
        }

        public boolean isEmpty() {
            return byField.isEmpty();
        }

        public List<Violation> list() {
            return byField.entrySet().stream()
                    .map(e -> new Violation(e.getKey(), String.join("; ", e.getValue().stream().sorted().toList())))
                    .sorted(Comparator.comparing(Violation::field))
                    .toList();
        }

        public void throwIfAny() {
            if (!byField.isEmpty()) {
                throw DomainException.invalid(list());
            }
        }
    }
}
