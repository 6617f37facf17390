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
            v.put(violation(cv));
        }
        return v;
    }

    /** The annotation's English message, with the code of its rule where pages translate it. */
    private static Violation violation(ConstraintViolation<?> cv) {
        var d = cv.getConstraintDescriptor();
        String type = d.getAnnotation().annotationType().getSimpleName();
        return switch (type) {
            case "NotBlank", "NotNull", "NotEmpty" -> new Violation(pathOf(cv), cv.getMessage(), "required", Map.of());
            case "Size" -> new Violation(pathOf(cv), cv.getMessage(), "size",
                    Map.of("min", d.getAttributes().get("min"), "max", d.getAttributes().get("max")));
            case "Email" -> new Violation(pathOf(cv), cv.getMessage(), "email", Map.of());
            case "Pattern" -> Text.NAME_CHARS.equals(d.getAttributes().get("regexp"))
                    ? new Violation(pathOf(cv), cv.getMessage(), "control_characters", Map.of())
                    : new Violation(pathOf(cv), cv.getMessage());
            default -> new Violation(pathOf(cv), cv.getMessage());
        };
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
        private final Map<String, List<Violation>> byField = new LinkedHashMap<>();

        /** A violation with an English message only. */
        public Violations add(String field, String message) {
            return put(new Violation(field, message));
        }

        /** A violation of the rule {@code code}: its message is the text {@code violation.<code>} with the values. */
        public Violations rule(String field, String code, Map<String, Object> args) {
            return put(new Violation(field, I18n.text(Languages.DEFAULT, "violation." + code, args), code, args));
        }

        public Violations rule(String field, String code) {
            return rule(field, code, Map.of());
        }

        public Violations put(Violation v) {
            List<Violation> list = byField.computeIfAbsent(v.field(), k -> new ArrayList<>());
            if (list.stream().noneMatch(x -> x.message().equals(v.message()))) {
                list.add(v);
            }
            return this;
        }

        public boolean has(String field) {
            return byField.containsKey(field);
        }

        public boolean isEmpty() {
            return byField.isEmpty();
        }

        /** One violation per field; several messages of a field are joined and keep a code only when they share it. */
        public List<Violation> list() {
            return byField.entrySet().stream()
                    .map(e -> merge(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparing(Violation::field))
                    .toList();
        }

        private static Violation merge(String field, List<Violation> vs) {
            if (vs.size() == 1) {
                return vs.get(0);
            }
            List<Violation> sorted = vs.stream().sorted(Comparator.comparing(Violation::message)).toList();
            String message = String.join("; ", sorted.stream().map(Violation::message).toList());
            String code = sorted.get(0).code();
            boolean one = code != null && sorted.stream().allMatch(v -> code.equals(v.code()));
            return one ? new Violation(field, message, code, sorted.get(0).args()) : new Violation(field, message);
        }

        public void throwIfAny() {
            if (!byField.isEmpty()) {
                throw DomainException.invalid(list());
            }
        }
    }
}
