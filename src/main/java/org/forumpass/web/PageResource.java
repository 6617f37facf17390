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
import java.util.Map;
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
    @Inject
    @Location("privacy.html")
    Template privacy;
    @Inject
    @Location("resend.html")
    Template resendTemplate;
    @Inject
    org.forumpass.registration.LinkResend resend;
    @Inject
    org.forumpass.common.ForumPassConfig config;
    @Inject
    FormOrigin formOrigin;

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

    /** Issue 17: the privacy notice the registration form's consent names, with the event's retention. */
    @GET
    @Path("events/{slug}/privacy")
    @Operation(hidden = true)
    public Response privacy(@PathParam("slug") String slug, @QueryParam("lang") String langParam, @Context HttpHeaders headers) {
        String lang = Lang.resolve(langParam, headers);
        org.forumpass.event.EventView view = events.view(slug);
        String erasedOn = view.retentionDays() == null ? null
                : java.time.format.DateTimeFormatter.ofPattern(org.forumpass.common.I18n.text(lang, "date.day"), Lang.locale(lang))
                        .format(view.endsAt().plusDays(view.retentionDays()));
        String html = privacy.data("lang", lang).data("event", PageModels.EventPage.of(view, lang))
                .data("privacyVersion", config.privacyVersion())
                .data("retentionDays", view.retentionDays() == null ? "" : String.valueOf(view.retentionDays()))
                .data("erasedOn", erasedOn).setLocale(Lang.locale(lang)).render();
        return page(html, langParam, lang);
    }

    /** Issue 17: "send me my link again", the form. */
    @GET
    @Path("events/{slug}/link")
    @Operation(hidden = true)
    public Response resendForm(@PathParam("slug") String slug, @QueryParam("lang") String langParam, @Context HttpHeaders headers) {
        String lang = Lang.resolve(langParam, headers);
        return page(resendPage(slug, lang, RegistrationPages.FormState.empty(lang)), langParam, lang);
    }

    /** Issue 17: the same answer whether or not the address is registered (LinkResend sends in the background). */
    @POST
    @Path("events/{slug}/link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response resend(@PathParam("slug") String slug, MultivaluedMap<String, String> form,
                           @QueryParam("lang") String langParam, @Context HttpHeaders headers,
                           @Context io.vertx.core.http.HttpServerRequest request) {
        String lang = Lang.resolve(langParam, headers);
        if (formOrigin.foreign(headers)) {
            return forms.foreignForm(lang, langParam);
        }
        org.forumpass.event.EventView view = events.view(slug);
        RegistrationPages.FormState state = RegistrationPages.FormState.of(form);
        Msg m = Texts.bundle(lang);
        String back = "/events/" + slug + "?lang=" + lang;
        try {
            resend.request(slug, state.value("email"), clientAddress.of(request));
        } catch (org.forumpass.common.error.DomainException e) {
            if (e.error().status() == 429) {
                String html = message.data("lang", lang).data("title", m.resend_limited_title()).data("text", m.resend_limited_text())
                        .data("link", back).data("linkText", m.resend_back()).setLocale(Lang.locale(lang)).render();
                return page(Response.status(429).header("Retry-After", "3600"), html, langParam, lang);
            }
            if (e.violations().isEmpty()) {
                throw e;
            }
            RegistrationPages.FormState failed = state.failed(e, lang, Map.of(), List.of("email"), Map.of(), true);
            return page(Response.status(400), resendPage(slug, lang, failed), langParam, lang);
        }
        String html = message.data("lang", lang).data("title", m.resend_sent_title())
                .data("text", m.resend_sent_text(state.value("email").strip()))
                .data("link", back).data("linkText", PageModels.EventPage.of(view, lang).name())
                .setLocale(Lang.locale(lang)).render();
        return page(Response.ok(), html, langParam, lang);
    }

    private String resendPage(String slug, String lang, RegistrationPages.FormState form) {
        return resendTemplate.data("lang", lang).data("event", PageModels.EventPage.of(events.view(slug), lang))
                .data("form", form).setLocale(Lang.locale(lang)).render();
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
