package org.forumpass.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * An address that leads nowhere answers a person's browser with a page in their language, and API clients with
 * problem+json as before: a 404 outside /api and /q becomes HTML when the request asks for HTML before JSON
 * (what a browser's navigation sends). The status stays 404.
 */
public class NotFoundPage {
    @Inject
    @Location("message.html")
    Template message;

    @ServerResponseFilter
    public void html(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 404 || !MediaType.valueOf("application/problem+json").isCompatible(response.getMediaType())) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/") || path.startsWith("/q/") || !wantsHtml(request.getAcceptableMediaTypes())) {
            return;
        }
        String lang = Lang.resolve(request.getUriInfo().getQueryParameters().getFirst("lang"), request.getCookies(), request.getAcceptableLanguages());
        Msg m = Texts.bundle(lang);
        String html = message.data("lang", lang).data("title", m.page_not_found()).data("text", m.page_not_found_text())
                .setLocale(Lang.locale(lang)).render();
        response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        response.getHeaders().putSingle("Content-Language", lang);
        response.getHeaders().putSingle(HttpHeaders.VARY, "Accept, Accept-Language, Cookie");
    }

    /** text/html accepted, and ahead of any JSON type (or JSON not asked for by name). */
    static boolean wantsHtml(List<MediaType> accepted) {
        for (MediaType t : accepted) {
            if (t.isWildcardType()) {
                return false;
            }
            if ("text".equals(t.getType()) && "html".equals(t.getSubtype())) {
                return true;
            }
            if (t.getSubtype().endsWith("json")) {
                return false;
            }
        }
        return false;
    }
}
