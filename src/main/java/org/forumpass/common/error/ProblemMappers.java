package org.forumpass.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.forumpass.common.Db;
import org.forumpass.common.Retry;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the server as problem+json; stack traces only reach the log. Who may do what is the staff
 * feature's to say: its mapper answers a refused role (401 or 403, see {@code staff.AccessMappers}).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            byField.computeIfAbsent(fieldOf(v.getPropertyPath()), k -> new ArrayList<>()).add(v.getMessage());
        }
        List<Violation> violations = byField.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(en -> new Violation(en.getKey(), en.getValue().stream().sorted().distinct().collect(Collectors.joining("; "))))
                .toList();
        return respond(DomainException.invalid(violations).toProblem());
    }

    /** Named one by one: Quarkus has built-in mappers for these subtypes that would win otherwise. */
    @ServerExceptionMapper({MismatchedInputException.class, InvalidFormatException.class,
            com.fasterxml.jackson.databind.exc.ValueInstantiationException.class,
            com.fasterxml.jackson.core.JsonParseException.class, JsonMappingException.class})
    public Response unreadableSubtype(JsonProcessingException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = pathOf(jme.getPath());
            String message = "has the wrong type";
            if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
                message = "must be one of " + Arrays.toString(ife.getTargetType().getEnumConstants());
            } else if (e instanceof InvalidFormatException ife && ife.getTargetType() != null) {
                message = "is not a valid " + simpleType(ife.getTargetType());
            } else if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
                message = "must be " + simpleType(mie.getTargetType());
            }
            return respond(DomainException.invalid(field, message).toProblem());
        }
        return respond(Problem.of(CommonError.MALFORMED, "The body is not valid JSON"));
    }

    @ServerExceptionMapper(UnauthorizedException.class)
    public Response unauthorized() {
        return unauthorizedResponse();
    }

    /** A sign-in refused for a reason the client can act on (a revoked token) carries it as a 401 DomainException. */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        if (e.getCause() instanceof DomainException de && de.error().status() == 401) {
            return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .entity(de.toProblem()).build();
        }
        if (e.getCause() != null && Db.isUnavailable(e.getCause())) {
            return unavailable(e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause()));
        }
        return unauthorizedResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        CommonError error = switch (status) {
            case 401 -> CommonError.UNAUTHORIZED;
            case 403 -> CommonError.FORBIDDEN;
            case 404 -> CommonError.NOT_FOUND;
            case 405 -> CommonError.METHOD_NOT_ALLOWED;
            case 406 -> CommonError.NOT_ACCEPTABLE;
            case 413 -> CommonError.PAYLOAD_TOO_LARGE;
            case 415 -> CommonError.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? CommonError.INTERNAL : CommonError.MALFORMED;
        };
        if (status == 401) {
            return unauthorizedResponse();
        }
        if (status >= 500) {
            return internal(e);
        }
        Response.ResponseBuilder b = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(error, error.title()));
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            b.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return b.build();
    }

    @ServerExceptionMapper({JDBCConnectionException.class, SQLTransientConnectionException.class,
            SQLNonTransientConnectionException.class, Db.Unavailable.class})
    public Response unavailable(Exception e) {
        LOG.warnf("Database unavailable: %s", e.getMessage());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "2")
                .entity(Problem.of(CommonError.UNAVAILABLE, "The database cannot be reached; try again shortly")).build();
    }

    @ServerExceptionMapper({LockAcquisitionException.class, PessimisticLockException.class})
    public Response conflict(Exception e) {
        return respond(Problem.of(CommonError.CONFLICT, "A concurrent change got in the way; try again"));
    }

    @ServerExceptionMapper
    public Response internal(Throwable e) {
        Throwable cause = e;
        while (cause != null) {
            if (Db.isUnavailable(cause)) {
                return unavailable(cause instanceof Exception ex ? ex : new RuntimeException(cause));
            }
            if (cause instanceof DomainException de) {
                return domain(de);
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        if (Retry.isConflict(e)) {
            // a conflict that outlasted the retries, seen at COMMIT (Galera's certification failure, wrapped by the
            // transaction manager): the same answer as one seen earlier in the transaction
            return conflict(e instanceof Exception ex ? ex : new RuntimeException(e));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", errorId);
        return respond(Problem.of(CommonError.INTERNAL, "Something went wrong on our side; quote the error id if you report it")
                .withErrorId(errorId));
    }

    public static Response unauthorizedResponse() {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(CommonError.UNAUTHORIZED, "Sign in and send Authorization: Bearer <token>")).build();
    }

    public static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** "create.body.sessions[1].code" -> "sessions[1].code": drop the method and parameter nodes. */
    static String fieldOf(Path path) {
        StringBuilder sb = new StringBuilder();
        String lastParam = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.BEAN
                    || kind == ElementKind.RETURN_VALUE || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                lastParam = node.getName();
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                sb.append('[').append(node.getKey()).append(']');
            }
            if (kind == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (node.getName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        if (sb.isEmpty()) {
            return lastParam == null ? "body" : lastParam;
        }
        return sb.toString();
    }

    private static String pathOf(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == String.class) return "a string";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (java.util.Collection.class.isAssignableFrom(type)) return "a list";
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) return "an ISO-8601 time with an offset";
        if (type.isEnum()) return "one of " + Arrays.toString(type.getEnumConstants());
        return "an object";
    }
}
