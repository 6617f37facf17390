package org.forumpass.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MultivaluedMap;
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
import org.forumpass.common.ClientAddress;
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
    RegistrationPages forms;
    @Inject
    ClientAddress clientAddress;
    @Inject
    @Location("message.html")
    Template message;

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
        org.forumpass.event.EventView view;
        try {
            view = events.view(slug);
        } catch (org.forumpass.common.error.DomainException e) {
            if (e.error().status() != 404) {
                throw e;
            }
            // a person followed a wrong link: an HTML page, which does not repeat what was in the link
            String html = message.data("lang", lang).data("title", Texts.bundle(lang).no_such_forum())
                    .data("text", Texts.bundle(lang).no_such_forum_text()).setLocale(Lang.locale(lang)).render();
            return page(Response.status(404), html, langParam, lang);
        }
        String html = forms.eventPage(view, lang).render();
        return page(html, langParam, lang);
    }

    /** The registration form's answer: to the manage page on success, the form with its errors otherwise. */
    @POST
    @Path("events/{slug}/register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response register(@PathParam("slug") String slug, MultivaluedMap<String, String> form,
                             @QueryParam("lang") String langParam, @Context HttpHeaders headers,
                             @Context io.vertx.core.http.HttpServerRequest request) {
        return forms.register(slug, form, langParam, headers, clientAddress.of(request));
    }

    static Response page(String html, String langParam, String lang) {
        return page(Response.ok(), html, langParam, lang);
    }

    static Response page(Response.ResponseBuilder start, String html, String langParam, String lang) {
        Response.ResponseBuilder b = start.entity(html).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Language", lang)
                .header("Vary", "Accept-Language, Cookie");
        if (langParam != null) {
            b.cookie(Lang.remember(lang));
        }
        return b.build();
    }
}
