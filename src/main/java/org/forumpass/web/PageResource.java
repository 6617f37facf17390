package org.forumpass.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.forumpass.event.EventService;
import org.forumpass.web.PageModels.EventCard;

/** The public pages: the catalogue and each event's agenda. */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PageResource {
    @Inject
    EventService events;
    @Inject
    @Location("home.html")
    Template home;
    @Inject
    @Location("event.html")
    Template event;

    @GET
    @Operation(hidden = true)
    public Response home(@QueryParam("lang") String langParam, @Context HttpHeaders headers) {
        String lang = Lang.resolve(langParam, headers);
        List<EventCard> cards = events.catalogue().stream().map(e -> EventCard.of(e, lang)).toList();
        String html = home.data("lang", lang)
                .data("open", cards.stream().filter(EventCard::open).toList())
                .data("others", cards.stream().filter(c -> !c.open()).toList())
                .setLocale(Lang.locale(lang)).render();
        return page(html, langParam, lang);
    }

    @GET
    @Path("events/{slug}")
    @Operation(hidden = true)
    public Response event(@PathParam("slug") String slug, @QueryParam("lang") String langParam, @Context HttpHeaders headers) {
        String lang = Lang.resolve(langParam, headers);
        String html = event.data("lang", lang)
                .data("event", PageModels.EventPage.of(events.view(slug), lang))
                .setLocale(Lang.locale(lang)).render();
        return page(html, langParam, lang);
    }

    static Response page(String html, String langParam, String lang) {
        Response.ResponseBuilder b = Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Language", lang)
                .header("Vary", "Accept-Language, Cookie");
        if (langParam != null) {
            b.cookie(Lang.remember(lang));
        }
        return b.build();
    }
}
