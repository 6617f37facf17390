package org.forumpass.staff;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.forumpass.common.ForumPassConfig;
import org.forumpass.common.Roles;
import org.forumpass.common.error.CommonError;

/**
 * With FORUMPASS_OPS_PRIVATE_ENDPOINTS=true, /q/metrics, /q/openapi and /q/swagger-ui answer only to an
 * organizer's bearer token, and /q/metrics also to FORUMPASS_OPS_METRICS_TOKEN (what Prometheus sends).
 * Health probes stay open for the orchestrator. A route of its own, before Quarkus's handlers of those paths.
 */
@ApplicationScoped
public class OperationsAccess {
    @Inject
    ForumPassConfig config;
    @Inject
    TokenService tokens;

    void install(@Observes Router router) {
        if (!config.ops().privateEndpoints()) {
            return;
        }
        router.routeWithRegex("/q/(metrics|openapi|swagger-ui)(/.*)?").order(-90).blockingHandler(this::check, false);
    }

    private void check(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        if (allowed(token, ctx.normalizedPath().startsWith("/q/metrics"))) {
            ctx.next();
            return;
        }
        JsonObject problem = new JsonObject().put("type", "urn:forumpass:problem:" + CommonError.UNAUTHORIZED.code())
                .put("title", CommonError.UNAUTHORIZED.title()).put("status", 401)
                .put("detail", "Operations endpoints are private: send Authorization: Bearer <organizer token>")
                .put("code", CommonError.UNAUTHORIZED.code());
        ctx.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                .putHeader("WWW-Authenticate", "Bearer").end(problem.encode());
    }

    private boolean allowed(String token, boolean metrics) {
        if (token.isEmpty()) {
            return false;
        }
        if (metrics && config.ops().metricsToken().map(t -> MessageDigest.isEqual(
                t.strip().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))).orElse(false)) {
            return true;
        }
        return TokenService.looksLikeStaffToken(token)
                && tokens.verify(token).map(c -> Roles.ORGANIZER.equals(c.role())).orElse(false);
    }
}
