package org.forumpass.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.forumpass.audit.AuditAction;
import org.forumpass.audit.AuditService;
import org.forumpass.common.ForumPassConfig;
import org.forumpass.common.error.DomainException;
import org.forumpass.common.error.Violation;
import org.forumpass.delegation.DelegationError;
import org.forumpass.delegation.DelegationRecords.DelegationView;
import org.forumpass.delegation.DelegationRecords.MemberView;
import org.forumpass.delegation.DelegationService;
import org.forumpass.visa.VisaLetterService;
import org.forumpass.common.error.CommonError;
import org.forumpass.event.Category;
import org.forumpass.event.EventService;
import org.forumpass.event.EventView;
import org.forumpass.registration.RegistrationRecords.RegisterRequest;
import org.forumpass.registration.RegistrationRecords.RegisterResponse;
import org.forumpass.registration.RegistrationService.Actor;
import org.forumpass.registration.RegistrationService.Origin;
import org.forumpass.web.RegistrationPages.FormState;
import org.forumpass.web.RegistrationPages.Option;

/**
 * The focal point's page {@code /d/{id}} (issue 15): the delegation's places per category, its members with their
 * registration, photo, badge and visa letter, and the forms to add, withdraw and replace members. The link of the
 * focal point's e-mail ({@code /d/{id}?t=TOKEN}) moves its token into an HttpOnly, SameSite=Lax cookie kept for
 * {@code /d/{id}} alone, as the delegate's manage link does for {@code /r/{id}}: the token leaves the address bar,
 * no page carries it, and the cookie of one delegation opens no other. Every action goes through
 * {@link DelegationService} as the API's does, with the focal point's rules (Origin.DELEGATION), and is audited the same.
 */
@Path("/d/{id}")
@PermitAll
@Produces(MediaType.TEXT_HTML)
@ApplicationScoped
public class DelegationPages {
    /** The audit's actor, as the API names the focal point. */
    static final String ACTOR = "focal point of ";
    /** The add form's fields, top to bottom, for the error summary (the event's own fields go where they are drawn). */
    private static final List<String> BEFORE_ANSWERS = List.of("givenName", "familyName", "nativeName", "email", "phone",
            "country", "organization", "jobTitle", "category", "identity", "identity.documentType", "identity.number",
            "identity.issuingCountry", "identity.nationality", "identity.expiresOn", "identity.dateOfBirth");
    private static final List<String> AFTER_ANSWERS = List.of("sessions", "language", "consent");

    @Inject
    DelegationService delegations;
    @Inject
    EventService events;
    @Inject
    RegistrationPages pages;
    @Inject
    FormOrigin formOrigin;
    @Inject
    FormFields formFields;
    @Inject
    ForumPassConfig config;
    @Inject
    AuditService audit;
    @Inject
    VisaLetterService letters;
    @Inject
    ObjectMapper mapper;
    @Inject
    @Location("delegation.html")
    Template delegationPage;
    @Inject
    @Location("delegation_withdraw.html")
    Template withdrawPage;
    @Inject
    @Location("delegation_replace.html")
    Template replacePage;
    @Inject
    @Location("message.html")
    Template messagePage;

    static String cookieName(String id) {
        return "fp_d_" + id;
    }

    // ---- the page ------------------------------------------------------------------------------

    /** The e-mailed link keeps its token in the cookie and drops it from the URL; then the page. */
    @GET
    @Operation(hidden = true)
    public Response page(@PathParam("id") String id, @QueryParam("t") String token, @QueryParam("lang") String langParam,
                         @Context HttpHeaders headers, @Context UriInfo uri) {
        String lang = Lang.resolve(langParam, headers);
        if (token != null) {
            if (!delegations.tokenOpens(id, token)) {
                return pages.invalidLink(lang, langParam);
            }
            EventView event = events.view(delegations.eventSlugOf(id));
            return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, home(id, langParam, lang))
                    .cookie(pages.privateCookie(cookieName(id), "/d/" + id, token, event, uri)).build();
        }
        if (!opened(id, headers)) {
            return pages.invalidLink(lang, langParam);
        }
        DelegationView d = delegations.view(id);
        TemplateInstance page = mainPage(d, lang, defaultForm(d, lang))
                .data("notice", notice(d, uri.getQueryParameters(), lang));
        return PageResource.page(Response.ok(), page.render(), langParam, lang);
    }

    /** The add form: a member on success (back to the page, naming the member and its status), the form with its errors otherwise. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response add(@PathParam("id") String id, MultivaluedMap<String, String> form, @QueryParam("lang") String langParam,
                        @Context HttpHeaders headers) {
        String lang = Lang.resolve(langParam, headers);
        if (formOrigin.foreign(headers)) {
            return pages.foreignForm(lang, langParam);
        }
        if (!opened(id, headers)) {
            return pages.invalidLink(lang, langParam);
        }
        FormState state = FormState.of(form);
        DelegationView d = delegations.view(id);
        RegisterRequest req = new RegisterRequest(state.value("givenName"), state.value("familyName"),
                state.value("nativeName"), state.value("jobTitle"), state.value("organization"), state.value("country"),
                state.value("email"), state.value("phone"), RegistrationPages.category(state, "category"),
                state.values("sessions"), state.value("language") == null ? lang : state.value("language"),
                state.checked("consent"), null, IdentityForm.from(state), formFields.answers(d.event(), state, false));
        try {
            RegisterResponse r = delegations.addMember(id, req, Origin.DELEGATION);
            audit.record(ACTOR + id, AuditAction.DELEGATION_MEMBER_ADDED, d.event(), r.id(), "delegation " + id);
            return seeOther(home(id, langParam, lang) + (langParam == null ? "?" : "&") + "added=" + r.id());
        } catch (DomainException e) {
            FormState failed = failed(state, e, d.event(), lang);
            return PageResource.page(Response.status(e.error().status()),
                    mainPage(delegations.view(id), lang, failed).render(), langParam, lang);
        }
    }

    // ---- withdrawing ---------------------------------------------------------------------------

    /** The confirmation step: what withdrawing does, and the button that does it. */
    @GET
    @Path("members/{rid}/withdraw")
    @Operation(hidden = true)
    public Response confirmWithdraw(@PathParam("id") String id, @PathParam("rid") String rid,
                                    @QueryParam("lang") String langParam, @Context HttpHeaders headers) {
        return memberPage(id, rid, langParam, headers, (d, m, lang) -> withdrawPage.data("lang", lang).data("d", d)
                .data("member", line(d, m, null, lang)).setLocale(Lang.locale(lang)));
    }

    @POST
    @Path("members/{rid}/withdraw")
    @Operation(hidden = true)
    public Response withdraw(@PathParam("id") String id, @PathParam("rid") String rid,
                             @QueryParam("lang") String langParam, @Context HttpHeaders headers) {
        String lang = Lang.resolve(langParam, headers);
        if (formOrigin.foreign(headers)) {
            return pages.foreignForm(lang, langParam);
        }
        if (!opened(id, headers)) {
            return pages.invalidLink(lang, langParam);
        }
        try {
            delegations.withdraw(id, rid, Actor.DELEGATE);
        } catch (DomainException e) {
            if (e.error() == DelegationError.NOT_MEMBER) {
                return notMember(lang, langParam);
            }
            String html = messagePage.data("lang", lang).data("title", Texts.bundle(lang).delegation_withdraw())
                    .data("text", Texts.failure(lang, e)).setLocale(Lang.locale(lang)).render();
            return PageResource.page(Response.status(e.error().status()), html, langParam, lang);
        }
        audit.record(ACTOR + id, AuditAction.DELEGATION_MEMBER_WITHDRAWN, delegations.eventSlugOf(id), rid, "delegation " + id);
        return seeOther(home(id, langParam, lang) + (langParam == null ? "?" : "&") + "withdrawn=" + rid);
    }

    // ---- visa letters --------------------------------------------------------------------------

    /** The focal point asks for a member's visa letter (as the member could from their own page). */
    @POST
    @Path("members/{rid}/visa-letter")
    @Operation(hidden = true)
    public Response requestLetter(@PathParam("id") String id, @PathParam("rid") String rid,
                                  @QueryParam("lang") String langParam, @Context HttpHeaders headers) {
        String lang = Lang.resolve(langParam, headers);
        if (formOrigin.foreign(headers)) {
            return pages.foreignForm(lang, langParam);
        }
        if (!opened(id, headers)) {
            return pages.invalidLink(lang, langParam);
        }
        try {
            delegations.requireMember(id, rid);
            letters.request(rid, ACTOR + id);
        } catch (DomainException e) {
            if (e.error() == DelegationError.NOT_MEMBER) {
                return notMember(lang, langParam);
            }
            String html = messagePage.data("lang", lang).data("title", Texts.bundle(lang).delegation_visa_request())
                    .data("text", Texts.failure(lang, e)).setLocale(Lang.locale(lang)).render();
            return PageResource.page(Response.status(e.error().status()), html, langParam, lang);
        }
        return seeOther(home(id, langParam, lang) + (langParam == null ? "?" : "&") + "letter=" + rid);
    }

    /** A member's issued letter, with the page's cookie (no token in the URL). */
    @GET
    @Path("members/{rid}/visa-letter.pdf")
    @Produces("application/pdf")
    @Operation(hidden = true)
    public Response letter(@PathParam("id") String id, @PathParam("rid") String rid, @Context HttpHeaders headers) {
        requireOpened(id, headers);
        delegations.requireMember(id, rid);
        return pdf(letters.pdf(rid), "visa-letter-" + rid);
    }

    /** Every issued letter of the delegation in one PDF. */
    @GET
    @Path("visa-letters.pdf")
    @Produces("application/pdf")
    @Operation(hidden = true)
    public Response allLetters(@PathParam("id") String id, @Context HttpHeaders headers) {
        requireOpened(id, headers);
        return pdf(letters.pdf(delegations.confirmedMembers(id)), "visa-letters-" + id);
    }

    private void requireOpened(String id, HttpHeaders headers) {
        if (!opened(id, headers)) {
            throw new DomainException(CommonError.FORBIDDEN, "Open the delegation's page with the link from the e-mail first");
        }
    }

    private static Response pdf(byte[] bytes, String name) {
        return Response.ok(bytes, "application/pdf").header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"")
                .header("Cache-Control", "private, no-store").build();
    }

    /** What a member's page shows, once the cookie and the member are checked. */
    private interface MemberPage {
        TemplateInstance render(DelegationView d, MemberView m, String lang);
    }

    /**
     * A page about one active member (the withdrawal step, the replacement form): the link's cookie is needed, a
     * registration of no member of this delegation is 404, and a member no longer holding a place goes back home.
     */
    private Response memberPage(String id, String rid, String langParam, HttpHeaders headers, MemberPage page) {
        String lang = Lang.resolve(langParam, headers);
        if (!opened(id, headers)) {
            return pages.invalidLink(lang, langParam);
        }
        DelegationView d = delegations.view(id);
        Optional<MemberView> m = member(d, rid);
        if (m.isEmpty()) {
            return notMember(lang, langParam);
        }
        if (!m.get().holdsPlace()) {
            return seeOther(home(id, langParam, lang));
        }
        return PageResource.page(Response.ok(), page.render(d, m.get(), lang).render(), langParam, lang);
    }

    // ---- replacing -----------------------------------------------------------------------------

    /** The replacement form: the new person's details; the place's category and sessions stay. */
    @GET
    @Path("members/{rid}/replace")
    @Operation(hidden = true)
    public Response replaceForm(@PathParam("id") String id, @PathParam("rid") String rid,
                                @QueryParam("lang") String langParam, @Context HttpHeaders headers) {
        return memberPage(id, rid, langParam, headers, (d, m, lang) -> replacePage(d, m, lang, defaultForm(d, lang)));
    }

    @POST
    @Path("members/{rid}/replace")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response replace(@PathParam("id") String id, @PathParam("rid") String rid, MultivaluedMap<String, String> form,
                            @QueryParam("lang") String langParam, @Context HttpHeaders headers) {
        String lang = Lang.resolve(langParam, headers);
        if (formOrigin.foreign(headers)) {
            return pages.foreignForm(lang, langParam);
        }
        if (!opened(id, headers)) {
            return pages.invalidLink(lang, langParam);
        }
        DelegationView d = delegations.view(id);
        Optional<MemberView> m = member(d, rid);
        if (m.isEmpty()) {
            return notMember(lang, langParam);
        }
        FormState state = FormState.of(form);
        // the category and sessions are the place's: the service keeps them when the body leaves them out
        RegisterRequest req = new RegisterRequest(state.value("givenName"), state.value("familyName"),
                state.value("nativeName"), state.value("jobTitle"), state.value("organization"), state.value("country"),
                state.value("email"), state.value("phone"), null, null,
                state.value("language") == null ? lang : state.value("language"), state.checked("consent"), null,
                IdentityForm.from(state), formFields.answers(d.event(), state, false));
        try {
            RegisterResponse r = delegations.replace(id, rid, req, Origin.DELEGATION, Actor.DELEGATE);
            audit.record(ACTOR + id, AuditAction.DELEGATION_MEMBER_REPLACED, d.event(), r.id(), "replaces " + rid);
            return seeOther(home(id, langParam, lang) + (langParam == null ? "?" : "&") + "replaced=" + r.id());
        } catch (DomainException e) {
            if (e.error() == DelegationError.NOT_MEMBER) {
                return notMember(lang, langParam);
            }
            FormState failed = failed(state, e, d.event(), lang);
            return PageResource.page(Response.status(e.error().status()),
                    replacePage(delegations.view(id), m.get(), lang, failed).render(), langParam, lang);
        }
    }

    // ---- access --------------------------------------------------------------------------------

    /** Whether the request carries this delegation's cookie with a token that still opens it. */
    boolean opened(String id, HttpHeaders headers) {
        Cookie c = headers.getCookies().get(cookieName(id));
        return c != null && !c.getValue().isBlank() && delegations.tokenOpens(id, c.getValue());
    }

    private static Optional<MemberView> member(DelegationView d, String rid) {
        return d.members().stream().filter(m -> m.id().equals(rid)).findFirst();
    }

    /** 404: the link names a registration that is not a member of this delegation (nor says whether it exists). */
    private Response notMember(String lang, String langParam) {
        Msg m = Texts.bundle(lang);
        String html = messagePage.data("lang", lang).data("title", m.delegation_not_member_title())
                .data("text", m.delegation_not_member_text()).setLocale(Lang.locale(lang)).render();
        return PageResource.page(Response.status(404), html, langParam, lang);
    }

    // ---- what the pages show -------------------------------------------------------------------

    /** One line of the quotas table: the category's words and "used / quota, N left". */
    public record QuotaLine(String code, String label, int used, int quota, int left, String text) {
    }

    /**
     * One member: names, category, status, photo state (NONE, PENDING_REVIEW, ACCEPTED or REJECTED with its reason),
     * badge, the visa letter's state when one was asked for, and whether the photo can be sent from this page.
     */
    public record MemberLine(String id, String name, String nativeName, String category, String categoryLabel,
                             String status, String statusLabel, String photoState, String photoLabel, String photoReason,
                             boolean photoRequired, boolean canUpload, boolean badge, String visaState, String visaLabel,
                             String visaLink,
                             /** Whether the focal point may ask for the member's letter now, and why not (null: it may, or letters are off). */
                             boolean visaCanRequest, String visaRefusal) {
    }

    TemplateInstance mainPage(DelegationView d, String lang, FormState form) {
        EventView event = events.view(d.event());
        Msg m = Texts.bundle(lang);
        List<QuotaLine> quotas = new ArrayList<>();
        List<Category> withPlaces = new ArrayList<>();
        d.quotas().forEach((c, q) -> {
            quotas.add(new QuotaLine(c.name(), Labels.category(c, lang), q.used(), q.quota(), q.left(),
                    m.delegation_quota_line(q.used(), q.quota(), q.left())));
            if (q.left() > 0) {
                withPlaces.add(c);
            }
        });
        List<MemberLine> active = new ArrayList<>();
        List<MemberLine> withdrawn = new ArrayList<>();
        for (MemberView mv : d.members()) {
            (mv.holdsPlace() ? active : withdrawn).add(line(d, mv, event, lang));
        }
        List<Category> withQuota = new ArrayList<>(d.quotas().keySet());
        TemplateInstance page = delegationPage.data("lang", lang)
                .data("d", d)
                .data("countryName", Countries.name(d.country(), lang))
                .data("event", PageModels.EventPage.of(event, lang))
                .data("quotas", quotas)
                .data("active", active)
                .data("withdrawn", withdrawn)
                .data("anyVisa", letters.enabled(d.event()) || d.members().stream().anyMatch(x -> x.visaLetter() != null))
                .data("anyIssued", active.stream().anyMatch(x -> "ISSUED".equals(x.visaState())))
                .data("canAdd", event.registrationOpen() && !withPlaces.isEmpty())
                .data("canReplace", event.registrationOpen())
                .data("categories", withPlaces.stream().map(c -> new Option(c.name(), Labels.category(c, lang))).toList())
                .data("photoFor", names(event.photoRequiredFor(), withQuota, lang))
                .data("showIdentity", event.identityRequiredFor().stream().anyMatch(withPlaces::contains))
                .data("countries", Countries.list(lang))
                .data("formFields", formFields.fields(d.event(), lang))
                .data("privacyVersion", config.privacyVersion())
                .data("form", form)
                .data("notice", null)
                .setLocale(Lang.locale(lang));
        return IdentityForm.data(page, event.identityRequiredFor(), lang);
    }

    private TemplateInstance replacePage(DelegationView d, MemberView member, String lang, FormState form) {
        EventView event = events.view(d.event());
        TemplateInstance page = replacePage.data("lang", lang)
                .data("d", d)
                .data("member", line(d, member, event, lang))
                .data("open", event.registrationOpen())
                .data("showIdentity", event.identityRequiredFor().contains(member.category()))
                .data("countries", Countries.list(lang))
                .data("formFields", formFields.fields(d.event(), lang))
                .data("privacyVersion", config.privacyVersion())
                .data("form", form)
                .setLocale(Lang.locale(lang));
        return IdentityForm.data(page, event.identityRequiredFor(), lang);
    }

    private MemberLine line(DelegationView d, MemberView m, EventView event, String lang) {
        Msg msg = Texts.bundle(lang);
        Map<?, ?> photo = m.photo() == null ? null : mapper.convertValue(m.photo(), Map.class);
        String photoState = photo == null ? "NONE" : String.valueOf(photo.get("status"));
        String photoLabel = switch (photoState) {
            case "NONE" -> msg.delegation_photo_none();
            case "ACCEPTED" -> msg.photo_accepted();
            case "REJECTED" -> msg.photo_rejected();
            default -> msg.photo_pending();
        };
        boolean photoRequired = event != null && event.photoRequiredFor().contains(m.category());
        String visaState = visaState(m.visaLetter());
        VisaLetterService.Section section = m.holdsPlace() ? letters.section(m.id()) : null;
        boolean canRequest = section != null && section.refusal() == null
                && (visaState == null || "REJECTED".equals(visaState));
        String refusal = section == null || section.refusal() == null || visaState != null ? null
                : "passport_missing".equals(section.refusal()) ? msg.delegation_visa_needs_passport()
                : msg.delegation_visa_needs_confirmation();
        return new MemberLine(m.id(), m.givenName() + " " + m.familyName(), m.nativeName(), m.category().name(),
                Labels.category(m.category(), lang), m.status().name(), Labels.status(m.status(), lang), photoState,
                photoLabel, photo == null || photo.get("rejectionReason") == null ? null : String.valueOf(photo.get("rejectionReason")),
                photoRequired, photoRequired && m.holdsPlace() && !"ACCEPTED".equals(photoState), m.badge() != null,
                visaState, visaState == null ? null : visaLabel(visaState, msg), visaLetterLink(d.id(), m.id(), visaState),
                canRequest, refusal);
    }

    /** The visa letter's state, read from whatever the visa feature answers for a member ({state, ...}), or null. */
    private String visaState(Object letter) {
        if (letter == null) {
            return null;
        }
        Object state = letter instanceof CharSequence || letter instanceof Enum<?> ? letter
                : mapper.convertValue(letter, Map.class).get("state");
        return state == null ? null : state.toString();
    }

    private static String visaLabel(String state, Msg m) {
        return switch (state) {
            case "REQUESTED" -> m.delegation_visa_requested();
            case "ISSUED" -> m.delegation_visa_issued();
            case "REJECTED" -> m.delegation_visa_rejected();
            case "REVOKED" -> m.delegation_visa_revoked();
            default -> state;
        };
    }

    /** The member's issued letter, from this page (the cookie opens it); null until the letter is issued. */
    static String visaLetterLink(String delegationId, String memberId, String visaState) {
        return "ISSUED".equals(visaState) ? "/d/" + delegationId + "/members/" + memberId + "/visa-letter.pdf" : null;
    }

    /** The notice after an action: ?added=, ?withdrawn=, ?replaced= or ?photo= name a member of this delegation. */
    private static String notice(DelegationView d, MultivaluedMap<String, String> query, String lang) {
        Msg m = Texts.bundle(lang);
        for (String kind : List.of("added", "withdrawn", "replaced", "photo", "letter")) {
            Optional<MemberView> who = Optional.ofNullable(query.getFirst(kind)).flatMap(rid -> member(d, rid));
            if (who.isPresent()) {
                MemberView mv = who.get();
                String name = mv.givenName() + " " + mv.familyName();
                String status = Labels.status(mv.status(), lang);
                return switch (kind) {
                    case "added" -> m.delegation_added(name, status);
                    case "withdrawn" -> m.delegation_withdrawn_notice(name);
                    case "replaced" -> m.delegation_replaced_notice(name, status);
                    case "letter" -> m.delegation_visa_requested_notice(name);
                    default -> m.delegation_photo_sent(name);
                };
            }
        }
        return null;
    }

    /** An empty member form: the delegation's country and organization, e-mails in the page's language. */
    static FormState defaultForm(DelegationView d, String lang) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("country", List.of(d.country()));
        values.put("organization", List.of(d.organization()));
        values.put("language", List.of(lang));
        return new FormState(values, Map.of(), List.of(), null);
    }

    /**
     * The refusal laid onto the form, summary in form order. Two answers are said for a focal point: an e-mail
     * registered already goes beside the e-mail field, and a category used up names the category.
     */
    private FormState failed(FormState state, DomainException e, String slug, String lang) {
        Msg m = Texts.bundle(lang);
        DomainException shown = e;
        if ("registration.duplicate_email".equals(e.error().code())) {
            shown = new DomainException(e.error(), e.getMessage(), List.of(new Violation("email", m.delegation_duplicate_email())));
        } else if (e.error() == DelegationError.QUOTA_EXCEEDED) {
            List<Violation> said = new ArrayList<>();
            for (Violation v : e.violations()) {
                Object category = v.args() == null ? null : v.args().get("category");
                Object quota = v.args() == null ? null : v.args().get("quota");
                said.add("quota_exceeded".equals(v.code()) && category != null
                        ? new Violation(v.field(), m.delegation_quota_used_up(quota instanceof Number n ? n.intValue() : 0,
                                Labels.category(Category.valueOf(category.toString()), lang)))
                        : v);
            }
            shown = new DomainException(e.error(), e.getMessage(), said);
        }
        List<FormFields.PageField> custom = formFields.fields(slug, lang);
        List<String> order = new ArrayList<>(BEFORE_ANSWERS);
        custom.forEach(f -> order.add(f.name()));
        order.addAll(AFTER_ANSWERS);
        return state.failed(shown, lang, formFields.labels(custom), order);
    }

    private static String names(List<Category> categories, List<Category> among, String lang) {
        return String.join(", ", categories.stream().filter(among::contains).map(c -> Labels.category(c, lang)).toList());
    }

    /** The page's address, keeping an explicit language. */
    private static String home(String id, String langParam, String lang) {
        return "/d/" + id + (langParam == null ? "" : "?lang=" + lang);
    }

    /** A relative Location: the browser stays on the host it used. */
    private static Response seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, path).build();
    }
}
