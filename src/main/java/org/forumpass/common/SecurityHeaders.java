package org.forumpass.common;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Headers on every answer, set as the headers are sent:
 * <ul>
 * <li>Content-Security-Policy: the pages load only their own scripts, styles and images and talk only to
 * this server, so an injected script cannot run nor send away the organizer and door tokens that live in
 * browser storage. Swagger UI (inline scripts of its own) keeps Quarkus's page as it is.</li>
 * <li>Cache-Control: no-store on pages, JSON, problems and files that an answer did not mark itself:
 * they carry personal data or tokens, and a shared computer or proxy must not keep them.</li>
 * <li>Strict-Transport-Security when FORUMPASS_PUBLIC_URL is https.</li>
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; media-src 'self'; worker-src 'self'; object-src 'none';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000";

    @Inject
    ForumPassConfig config;

    void install(@Observes Router router) {
        boolean https = config.publicUrl().map(u -> u.strip().toLowerCase(Locale.ROOT).startsWith("https://")).orElse(false);
        router.route().order(-100).handler(ctx -> {
            String path = ctx.normalizedPath();
            boolean swagger = path.startsWith("/q/swagger-ui") || path.startsWith("/q/dev-ui");
            ctx.addHeadersEndHandler(v -> {
                MultiMap h = ctx.response().headers();
                if (!swagger) {
                    h.set("Content-Security-Policy", CSP);
                }
                if (https) {
                    h.set("Strict-Transport-Security", HSTS);
                }
                if (!h.contains("Cache-Control") && personal(h.get("Content-Type"))) {
                    h.set("Cache-Control", "no-store");
                }
            });
            ctx.next();
        });
    }

    /** Answers that may carry personal data or tokens: everything but scripts, styles, fonts and metrics. */
    static boolean personal(String contentType) {
        if (contentType == null) {
            return true;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        return !(t.startsWith("text/javascript") || t.startsWith("application/javascript") || t.startsWith("text/css")
                || t.startsWith("font/") || t.startsWith("image/svg") || t.startsWith("image/x-icon")
                || t.startsWith("text/plain") || t.startsWith("application/openmetrics-text"));
    }
}
