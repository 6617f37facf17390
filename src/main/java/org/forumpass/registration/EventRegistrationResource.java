package org.forumpass.registration;

import org.forumpass.common.EventScope;
import org.forumpass.audit.AuditAction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.common.ClientAddress;
import org.forumpass.common.PageView;
import org.forumpass.common.Roles;
import org.forumpass.common.error.CommonError;
import org.forumpass.common.error.DomainException;
import org.forumpass.registration.RegistrationRecords.InvitationCodeRequest;
import org.forumpass.registration.RegistrationRecords.InvitationCodeView;
import org.forumpass.registration.RegistrationRecords.RegisterRequest;
import org.forumpass.registration.RegistrationRecords.RegisterResponse;
import org.forumpass.registration.RegistrationRecords.RegistrationView;
import org.forumpass.registration.RegistrationRecords.UpdateRegistrationRequest;
import org.forumpass.registration.RegistrationService.Actor;
import org.forumpass.registration.RegistrationService.Origin;
import org.forumpass.staff.StaffIdentity;

/** Registration under an event. Its own root path: JAX-RS picks one root class per request by the longest literal prefix. */
@Path("/api/v1/events/{slug}/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Registration")
public class EventRegistrationResource {
    @Inject
    RegistrationLimit limit;
    @Inject
    ClientAddress clientAddress;
    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;
    @Inject
    org.forumpass.audit.AuditService audit;

    @Inject
    RegistrationService registrations;
    @Inject
    RegistrationSearch search;
    @Inject
    ImportService importer;
    @Inject
    LinkResend resend;

    @POST
    @PermitAll
    @Operation(summary = "Register for an event (public); answers the manage token once")
    public Response register(@PathParam("slug") String slug, RegisterRequest body, @Context UriInfo uri,
                             @Context io.vertx.core.http.HttpServerRequest request) {
        limit.check(clientAddress.of(request));
        RegisterResponse r = registrations.register(slug, body, Origin.ONLINE);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/registrations/{id}").build(r.id())).entity(r).build();
    }

    /** Issue 17: the body of "send me my link again". */
    public record ResendLinkRequest(String email) {
    }

    /** Issue 17: the answer, the same whether or not the address is registered. */
    public record ResendLinkAnswer(String message) {
    }

    @POST
    @Path("/resend-link")
    @PermitAll
    @Operation(summary = "Send the manage link again to the registration of this e-mail address (public); 202 whether or not"
            + " the address is registered, 429 registration.rate_limited past 3 requests per address or 20 per client an hour")
    public Response resendLink(@PathParam("slug") String slug, ResendLinkRequest body,
                               @Context io.vertx.core.http.HttpServerRequest request) {
        resend.request(slug, body == null ? null : body.email(), clientAddress.of(request));
        return Response.accepted(new ResendLinkAnswer(org.forumpass.common.I18n.text("en", "resend.accepted"))).build();
    }

    @GET
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Search and filter delegates; delegation=<id> keeps a delegation's members, delegation=none those of none; vip=true the VIPs")
    public PageView<RegistrationView> search(@PathParam("slug") String slug, @QueryParam("q") String q,
                                             @QueryParam("country") String country,
                                             @QueryParam("organization") String organization,
                                             @QueryParam("category") String category, @QueryParam("status") String status,
                                             @QueryParam("page") String page, @QueryParam("size") String size,
                                             @QueryParam("photo") String photo,
                                             @QueryParam("documentNumber") String documentNumber,
                                             @QueryParam("identity") String identityFilter,
                                             @QueryParam("ready") String ready,
                                             @QueryParam("delegation") String delegation,
                                             @QueryParam("vip") String vip,
                                             @Context UriInfo uri) {
        EventScope.requireEvent(identity, slug);
        PageView.Request paging = PageView.Request.of(page, size);
        java.util.Map<String, String> answers = AnswerFilter.of(uri); // issue 14: answer.<key>=value
        PageView<RegistrationView> found = search.search(slug, new RegistrationSearch.Filter(q, country, organization, category,
                status, photo, documentNumber, identityFilter, answers, ready, delegation, vip), paging.page(), paging.size());
        audit.record(identity, AuditAction.SEARCH, slug, null, "q=" + q + " country=" + country + " organization="
                + organization + " category=" + category + " status=" + status + " photo=" + photo + " page=" + paging.page()
                + (documentNumber == null ? "" : " documentNumber=(given)") + (identityFilter == null ? "" : " identity=" + identityFilter)
                + (ready == null ? "" : " ready=" + ready) + (delegation == null ? "" : " delegation=" + delegation)
                + (vip == null ? "" : " vip=" + vip)
                + (answers.isEmpty() ? "" : " answers=" + answers));
        return found;
    }

    @POST
    @Path("/import")
    @RolesAllowed(Roles.ORGANIZER)
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Operation(summary = "Import invited delegates from CSV (UTF-8, header row); answers a report per row")
    public ImportService.ImportReport importCsv(@PathParam("slug") String slug, byte[] body) {
        EventScope.requireEvent(identity, slug);
        ImportService.ImportReport report = importer.importCsv(slug, body == null ? new byte[0] : body);
        audit.record(identity, AuditAction.IMPORT, slug, null, report.rows() + " rows, " + report.created() + " created, "
                + report.existing() + " existing, " + report.invalid() + " invalid");
        return report;
    }
}
