package org.forumpass.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.forumpass.common.ForumPassConfig;
import org.forumpass.common.PublicUrl;
import org.forumpass.common.error.DomainException;
import org.forumpass.common.error.Violation;
import org.forumpass.event.Category;
import org.forumpass.event.EventService;
import org.forumpass.event.EventView;
import org.forumpass.registration.ManageTokens;
import org.forumpass.registration.RegistrationRecords.RegisterRequest;
import org.forumpass.registration.RegistrationRecords.RegisterResponse;
import org.forumpass.registration.RegistrationRecords.RegistrationView;
import org.forumpass.registration.RegistrationRecords.UpdateRegistrationRequest;
import org.forumpass.registration.RegistrationService;
import org.forumpass.registration.RegistrationService.Actor;
import org.forumpass.registration.RegistrationStatus;

/**
 * The delegate's pages: the registration form on the event page (a plain HTML form, so it works
 * without JavaScript; errors come back beside their fields) and the private manage page {@code /r/{id}}.
 * The manage link's token moves from the URL into an HttpOnly, SameSite=Lax cookie on first use, so
 * it leaves the address bar and cross-site forms cannot act with it.
 */
@Path("/r/{id}")
@PermitAll
@Produces(MediaType.TEXT_HTML)
@jakarta.enterprise.context.ApplicationScoped
public class RegistrationPages {
    static final int DAYS_KEPT_WITHOUT_RETENTION = 30;
    private static final long MIN_COOKIE_SECONDS = 600;
    private static final long MAX_COOKIE_SECONDS = 400L * 24 * 3600;
    @Inject
    EventService events;
    @Inject
    RegistrationService registrations;
    @Inject
    org.forumpass.registration.RegistrationLimit limit;
    @Inject
    ForumPassConfig config;
    @Inject
    PublicUrl publicUrl;
    @Inject
    FormOrigin formOrigin;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;
    @Inject
    FormFields formFields;
    @Inject
    VisaLetterSection visaSection;
    @Inject
    @Location("event.html")
    Template eventPage;
    @Inject
    @Location("manage.html")
    Template managePage;
    @Inject
    @Location("message.html")
    Template messagePage;

    /** The registration form's answer: to the manage page on success, the form with its errors otherwise. */
    Response register(String slug, MultivaluedMap<String, String> form, String langParam, HttpHeaders headers, String address) {
        String lang = Lang.resolve(langParam, headers);
        if (formOrigin.foreign(headers)) {
            return foreignForm(lang, langParam);
        }
        EventView event = events.view(slug);
        FormState state = FormState.of(form);
        RegisterRequest req = new RegisterRequest(state.value("givenName"), state.value("familyName"),
                state.value("nativeName"), state.value("jobTitle"), state.value("organization"), state.value("country"),
                state.value("email"), state.value("phone"), category(state, "category"), state.values("sessions"),
                state.value("language") == null ? lang : state.value("language"), state.checked("consent"),
                state.value("invitationCode"), IdentityForm.from(state),
                formFields.answers(slug, state, false));
        try {
            limit.check(address);
            RegisterResponse r = registrations.register(slug, req, RegistrationService.Origin.ONLINE);
            return seeOther("/r/" + r.id() + "?new=1&t=" + enc(r.manageToken()));
        } catch (DomainException e) {
            List<FormFields.PageField> custom = formFields.fields(slug, lang);
            FormState failed = state.failed(e, lang, formFields.labels(custom), order(REGISTER_BEFORE, custom, REGISTER_AFTER),
                    formFields.anchors(custom), true);
            TemplateInstance page = eventPage(event, lang).data("form", failed);
            return PageResource.page(Response.status(e.error().status()), page.render(), langParam, lang);
        }
    }

    /** Issue 17: the fields of the registration form top to bottom (the event's own go where they are drawn), for the summary. */
    static final List<String> REGISTER_BEFORE = List.of("givenName", "familyName", "nativeName", "email", "phone", "country",
            "organization", "jobTitle", "category", "invitationCode", "identity", "identity.documentType", "identity.number",
            "identity.issuingCountry", "identity.nationality", "identity.expiresOn", "identity.dateOfBirth");
    static final List<String> REGISTER_AFTER = List.of("sessions", "language", "consent");
    /** The manage page's change form: the same without the category, the invitation and the consent. */
    static final List<String> MANAGE_BEFORE = REGISTER_BEFORE.stream()
            .filter(f -> !List.of("category", "invitationCode").contains(f)).toList();
    static final List<String> MANAGE_AFTER = List.of("sessions", "language");

    static List<String> order(List<String> before, List<FormFields.PageField> custom, List<String> after) {
        List<String> order = new ArrayList<>(before);
        custom.forEach(f -> order.add(f.name()));
        order.addAll(after);
        return order;
    }

    /** The event page with an empty form (used by PageResource). */
    TemplateInstance eventPage(EventView event, String lang) {
        TemplateInstance page = eventPage.data("lang", lang)
                .data("event", PageModels.EventPage.of(event, lang))
                .data("countries", Countries.list(lang))
                .data("categories", offered(event).stream().map(c -> new Option(c.name(), Labels.category(c, lang))).toList())
                .data("invitationFor", String.join(", ", event.invitationRequiredFor().stream().map(c -> Labels.category(c, lang)).toList()))
                .data("invitationCodes", String.join(" ", event.invitationRequiredFor().stream().map(Enum::name).toList()))
                .data("privacyVersion", config.privacyVersion())
                .data("form", FormState.empty(lang))
                .data("formFields", formFields.fields(event.slug(), lang))
                .data("photoFor", String.join(", ", event.photoRequiredFor().stream().map(c -> Labels.category(c, lang)).toList()))
                .setLocale(Lang.locale(lang));
        return IdentityForm.data(page, event.identityRequiredFor(), lang);
    }

    /**
     * The categories the form offers: the event's self-service ones, and those that need an invitation code
     * (registering with one of these succeeds only with a code that names it).
     */
    static List<Category> offered(EventView event) {
        java.util.EnumSet<Category> set = java.util.EnumSet.noneOf(Category.class);
        set.addAll(event.selfServiceCategories());
        set.addAll(event.invitationRequiredFor());
        return List.copyOf(set);
    }

    /** The manage link: keeps the token in a cookie for this registration and drops it from the URL. */
    @GET
    @Operation(hidden = true)
    public Response manage(@PathParam("id") String id, @QueryParam("t") String token, @QueryParam("new") String fresh,
                           @QueryParam("lang") String langParam, @Context HttpHeaders headers, @Context UriInfo uri) {
        String lang = Lang.resolve(langParam, headers);
        if (token != null) {
            if (!registrations.tokenMatches(id, token)) {
                return invalidLink(lang, langParam, id);
            }
            return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, "/r/" + id + (fresh != null ? "?new=1" : ""))
                    .cookie(tokenCookie(id, token, uri)).build();
        }
        String remembered = tokenFrom(id, headers);
        if (remembered == null || !registrations.tokenMatches(id, remembered)) {
            return invalidLink(lang, langParam, id);
        }
        return PageResource.page(Response.ok(), managePage(id, remembered, lang, uri)
                .data("fresh", fresh != null).render(), langParam, lang);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response change(@PathParam("id") String id, MultivaluedMap<String, String> form,
                           @QueryParam("lang") String langParam, @Context HttpHeaders headers, @Context UriInfo uri) {
        String lang = Lang.resolve(langParam, headers);
        if (formOrigin.foreign(headers)) {
            return foreignForm(lang, langParam);
        }
        String token = tokenFrom(id, headers);
        if (token == null || !registrations.tokenMatches(id, token)) {
            return invalidLink(lang, langParam, id);
        }
        FormState state = FormState.of(form);
        try {
            if ("cancel".equals(state.value("action"))) {
                if (!state.checked("confirm")) {
                    FormState refused = state.withError("confirm", Texts.bundle(lang).cancel_needs_confirm());
                    return PageResource.page(Response.status(400), managePage(id, token, lang, uri)
                            .data("cancelForm", refused).render(), langParam, lang);
                }
                registrations.cancel(id, Actor.DELEGATE);
                return seeOther("/r/" + id);
            }
            registrations.update(id, new UpdateRegistrationRequest(state.value("givenName"), state.value("familyName"),
                    blankToEmpty(state, "nativeName"), blankToEmpty(state, "jobTitle"), state.value("organization"),
                    state.value("country"), state.value("email"), blankToEmpty(state, "phone"), null,
                    state.values("sessions"), state.value("language"), IdentityForm.from(state),
                    formFields.answers(registrations.view(id).event(), state, true)), Actor.DELEGATE);
            return seeOther("/r/" + id + "?saved=1");
        } catch (DomainException e) {
            List<FormFields.PageField> custom = formFields.fields(registrations.view(id).event(), lang);
            FormState failed = state.failed(e, lang, formFields.labels(custom), order(MANAGE_BEFORE, custom, MANAGE_AFTER),
                    formFields.anchors(custom), true);
            return PageResource.page(Response.status(e.error().status()), managePage(id, token, lang, uri)
                    .data("form", failed).render(), langParam, lang);
        }
    }

    private TemplateInstance managePage(String id, String token, String lang, UriInfo uri) {
        RegistrationView view = registrations.view(id);
        EventView event = events.view(view.event());
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("givenName", single(view.givenName()));
        values.put("familyName", single(view.familyName()));
        values.put("nativeName", single(view.nativeName()));
        values.put("jobTitle", single(view.jobTitle()));
        values.put("organization", single(view.organization()));
        values.put("country", single(view.country()));
        values.put("email", single(view.email()));
        values.put("phone", single(view.phone()));
        values.put("language", single(view.language()));
        values.put("sessions", view.sessions().stream().map(s -> s.code()).toList());
        FormFields.values(view.answers(), values);
        List<FormFields.PageField> custom = formFields.fields(view.event(), lang);
        boolean zh = "zh".equals(lang);
        List<SeatLine> seats = view.sessions().stream().map(s -> new SeatLine(s.code(),
                zh && s.titleZh() != null ? s.titleZh() : s.title(),
                PageModels.dates(s.startsAt(), s.endsAt(), lang), Labels.seat(s.status(), lang),
                s.status().name())).toList();
        @SuppressWarnings("unchecked")
        Map<String, Object> badge = view.badge() == null ? null : mapper.convertValue(view.badge(), Map.class);
        TemplateInstance page = managePage.data("lang", lang)
                .data("event", PageModels.EventPage.of(event, lang))
                .data("view", view)
                .data("statusLabel", Labels.status(view.status(), lang))
                .data("active", view.status().isActive())
                .data("categoryLabel", Labels.category(view.category(), lang))
                .data("countryName", Countries.name(view.country(), lang))
                .data("seats", seats)
                .data("badge", badge)
                .data("photo", view.photo() == null ? null : mapper.convertValue(view.photo(), Map.class)) // issue 14: photo
                .data("photoRequired", event.photoRequiredFor().contains(view.category()))
                .data("manageUrl", publicUrl.base() + "/r/" + id + "?t=" + enc(token))
                .data("countries", Countries.list(lang))
                .data("form", new FormState(values, Map.of(), List.of(), null))
                .data("cancelForm", FormState.empty(lang))
                .data("formFields", custom)
                .data("answerLines", FormFields.shown(view.answers(), custom, lang))
                .data("fresh", false)
                .data("saved", uri.getQueryParameters().containsKey("saved"))
                .data("identity", identityShown(view, lang))
                .data("visa", visaSection.of(id)) // issue 15: visa invitation letter
                .data("visaRequested", "requested".equals(uri.getQueryParameters().getFirst("visa")))
                .setLocale(Lang.locale(lang));
        return IdentityForm.data(page, event.identityRequiredFor(), lang);
    }

    /** The kept document, masked, for the manage page (issue 14: identity). */
    private Map<String, Object> identityShown(RegistrationView view, String lang) {
        if (view.identity() == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = new LinkedHashMap<>(mapper.convertValue(view.identity(), Map.class));
        shown.put("typeLabel", IdentityForm.typeLabel(shown.get("documentType"), lang));
        return shown;
    }

    /** 403: the form came from another site's page (see FormOrigin). */
    Response foreignForm(String lang, String langParam) {
        Msg m = Texts.bundle(lang);
        String html = messagePage.data("lang", lang).data("title", m.form_foreign_title())
                .data("text", m.form_foreign_text(publicUrl.base() + "/")).setLocale(Lang.locale(lang)).render();
        return PageResource.page(Response.status(403), html, langParam, lang);
    }

    /** A relative Location: the browser stays on the host it used, whatever Host header the request carried. */
    private static Response seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, path).build();
    }

    /** 403: the link's token is missing, wrong or replaced (also the focal point's page, {@link DelegationPages}). */
    Response invalidLink(String lang, String langParam) {
        String html = messagePage.data("lang", lang).data("title", Texts.bundle(lang).link_invalid_title())
                .data("text", Texts.bundle(lang).link_invalid_text()).setLocale(Lang.locale(lang)).render();
        return PageResource.page(Response.status(403), html, langParam, lang);
    }

    /** Issue 17: the same for a delegate's link, offering to send the link again when the registration exists. */
    private Response invalidLink(String lang, String langParam, String id) {
        java.util.Optional<String> slug = registrations.eventSlugOf(id);
        if (slug.isEmpty()) {
            return invalidLink(lang, langParam);
        }
        Msg m = Texts.bundle(lang);
        String html = messagePage.data("lang", lang).data("title", m.link_invalid_title()).data("text", m.link_invalid_text())
                .data("link", "/events/" + slug.get() + "/link?lang=" + lang).data("linkText", m.resend_title())
                .setLocale(Lang.locale(lang)).render();
        return PageResource.page(Response.status(403), html, langParam, lang);
    }

    static String cookieName(String id) {
        return "fp_m_" + id;
    }

    /**
     * Secure whenever delegates use https; kept until the event's personal data is erased (its end plus its
     * retention days, or 30 days when it has none), at least a few minutes so that the link still opens.
     */
    private NewCookie tokenCookie(String id, String token, UriInfo uri) {
        return privateCookie(cookieName(id), "/r/" + id, token, events.view(registrations.view(id).event()), uri);
    }

    /** A link's token kept for the pages under {@code path} only (also the focal point's, {@link DelegationPages}). */
    NewCookie privateCookie(String name, String path, String token, EventView event, UriInfo uri) {
        Instant until = event.endsAt().toInstant().plus(Duration.ofDays(
                event.retentionDays() == null ? DAYS_KEPT_WITHOUT_RETENTION : event.retentionDays()));
        long seconds = Math.max(MIN_COOKIE_SECONDS, Math.min(MAX_COOKIE_SECONDS,
                Duration.between(clock.instant(), until).getSeconds()));
        return new NewCookie.Builder(name).value(token).path(path).httpOnly(true)
                .secure(publicUrl.secure() || "https".equalsIgnoreCase(uri.getBaseUri().getScheme()))
                .sameSite(NewCookie.SameSite.LAX).maxAge((int) seconds).build();
    }

    private static String tokenFrom(String id, HttpHeaders headers) {
        Cookie c = headers.getCookies().get(cookieName(id));
        return c == null || c.getValue().isBlank() ? null : c.getValue();
    }

    static Category category(FormState state, String field) {
        String v = state.value(field);
        if (v == null) {
            return null;
        }
        try {
            return Category.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A field sent empty clears it (PATCH treats null as "unchanged"). */
    private static String blankToEmpty(FormState state, String field) {
        return state.sent(field) && state.value(field) == null ? "" : state.value(field);
    }

    private static List<String> single(String v) {
        return v == null ? List.of() : List.of(v);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public record Option(String value, String label) {
    }

    public record SeatLine(String code, String title, String when, String status, String statusCode) {
    }

    /** One line of the error summary: its text, and the id of the field it links to (null: no link). */
    public record SummaryLine(String text, String anchor) {
        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * What the delegate typed, and the server's errors by field, to render a form again; issue 17: the summary's lines
     * link to their fields, and {@code suggestions} holds the Latin forms offered for the Latin-only name fields.
     */
    @io.quarkus.qute.TemplateData
    public record FormState(Map<String, List<String>> fields, Map<String, String> errors, List<SummaryLine> summary,
                            String failure, Map<String, String> suggestions) {
        public FormState(Map<String, List<String>> fields, Map<String, String> errors, List<SummaryLine> summary, String failure) {
            this(fields, errors, summary, failure, Map.of());
        }

        static FormState empty(String lang) {
            return new FormState(Map.of("language", List.of(lang)), Map.of(), List.of(), null);
        }

        static FormState of(MultivaluedMap<String, String> form) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            form.forEach((k, v) -> fields.put(k, v == null ? List.of() : List.copyOf(v)));
            return new FormState(fields, Map.of(), List.of(), null);
        }

        public String value(String name) {
            List<String> v = fields.get(name);
            if (v == null || v.isEmpty() || v.get(0) == null || v.get(0).isBlank()) {
                return null;
            }
            return v.get(0);
        }

        public boolean sent(String name) {
            return fields.containsKey(name);
        }

        public List<String> values(String name) {
            return fields.getOrDefault(name, List.of()).stream().filter(s -> s != null && !s.isBlank()).toList();
        }

        public boolean checked(String name) {
            String v = value(name);
            return v != null && !"false".equals(v);
        }

        public boolean has(String name, String option) {
            return fields.getOrDefault(name, List.of()).contains(option);
        }

        public boolean is(String name, String option) {
            return option.equals(value(name));
        }

        public String error(String name) {
            return errors.get(name);
        }

        /** Issue 17: the Latin form offered for a Latin-only field, or null. */
        public String suggestion(String name) {
            return suggestions.get(name);
        }

        public boolean hasErrors() {
            return !errors.isEmpty() || failure != null;
        }

        FormState withError(String field, String message) {
            Map<String, String> e = new LinkedHashMap<>(errors);
            e.put(field, message);
            return new FormState(fields, e, List.of(new SummaryLine(message, anchor(field, Map.of()))), failure);
        }

        /** The server's answer laid onto the form: violations beside their fields, anything else on top. */
        FormState failed(DomainException e, String lang) {
            return failed(e, lang, Map.of());
        }

        /** {@code labels}: names of fields Texts does not know (the event's own fields, issue 14). */
        FormState failed(DomainException e, String lang, Map<String, String> labels) {
            return failed(e, lang, labels, List.of());
        }

        /**
         * As above, the summary in the order of {@code order} (the form's field names as the page shows them, top
         * to bottom); fields it does not name come after, in the server's order.
         */
        FormState failed(DomainException e, String lang, Map<String, String> labels, List<String> order) {
            return failed(e, lang, labels, order, Map.of(), false);
        }

        /**
         * Issue 17: as above, and with {@code human} the messages a person would write (FormMessages: "Enter your family
         * name"), each a summary line of its own; {@code anchors}: the element ids of the event's own fields.
         */
        FormState failed(DomainException e, String lang, Map<String, String> labels, List<String> order,
                         Map<String, String> anchors, boolean human) {
            Map<String, String> byField = new LinkedHashMap<>();
            Map<String, String> suggestions = new LinkedHashMap<>();
            List<SummaryLine> summary = new ArrayList<>();
            List<Violation> sorted = new ArrayList<>(e.violations());
            sorted.sort(java.util.Comparator.comparingInt(v -> {
                int i = order.indexOf(formField(v.field()));
                return i < 0 ? order.size() : i;
            }));
            for (Violation v : sorted) {
                String field = formField(v.field());
                String label = labels.getOrDefault(field, Texts.field(lang, field));
                String said = human ? org.forumpass.registration.FormMessages.text(lang, v, label) : null;
                String message = said != null ? said : Texts.violation(lang, v);
                byField.merge(field, message, (a, b) -> a + "; " + b);
                summary.add(new SummaryLine(said != null ? said : label + ("zh".equals(lang) ? "：" : ": ") + message, anchor(field, anchors)));
                String suggestion = org.forumpass.registration.FormMessages.suggestion(v);
                if (human && suggestion != null) {
                    suggestions.put(field, suggestion);
                }
            }
            String failure = e.violations().isEmpty() ? Texts.failure(lang, e) : null;
            return new FormState(fields, byField, summary, failure, suggestions);
        }

        /** The id of the element a summary line links to: the field itself, or the first box of a group. */
        static String anchor(String field, Map<String, String> anchors) {
            if (anchors.containsKey(field)) {
                return anchors.get(field);
            }
            return switch (field) {
                case "identity" -> "identity-fields";
                case "sessions" -> "sessions-first";
                default -> field.startsWith(FormFields.PREFIX) ? "answer-" + field.substring(FormFields.PREFIX.length())
                        : field.replace('.', '-');
            };
        }

        /** The form field a violation's path names: {@code sessions[1]} is {@code sessions}; identity and answers keep their part. */
        static String formField(String path) {
            return path.startsWith("identity.") || path.startsWith(FormFields.PREFIX) ? path : path.replaceAll("[\\[.].*$", "");
        }
    }
}
