package org.forumpass.registration;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Registration")
public class RegistrationResource {
    @Inject
    RegistrationService registrations;
    @Inject
    RegistrationSearch search;
    @Inject
    InvitationService invitations;
    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/events/{slug}/registrations")
    @PermitAll
    @Operation(summary = "Register for an event (public); answers the manage token once")
    public Response register(@PathParam("slug") String slug, RegisterRequest body, @Context UriInfo uri) {
        RegisterResponse r = registrations.register(slug, body, Origin.ONLINE);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/registrations/{id}").build(r.id())).entity(r).build();
    }

    @GET
    @Path("/registrations/{id}")
    @RolesAllowed({Roles.ORGANIZER, Roles.DELEGATE})
    @Operation(summary = "A registration (the delegate with the manage token, or an organizer)")
    public RegistrationView get(@PathParam("id") String id) {
        checkAccess(id);
        return registrations.view(id);
    }

    @PATCH
    @Path("/registrations/{id}")
    @RolesAllowed({Roles.ORGANIZER, Roles.DELEGATE})
    @Operation(summary = "Change contact fields and sessions")
    public RegistrationView update(@PathParam("id") String id, UpdateRegistrationRequest body) {
        checkAccess(id);
        return registrations.update(id, body, actor());
    }

    @DELETE
    @Path("/registrations/{id}")
    @RolesAllowed({Roles.ORGANIZER, Roles.DELEGATE})
    @Operation(summary = "Cancel: frees the places and moves the waitlist up")
    public RegistrationView cancel(@PathParam("id") String id) {
        checkAccess(id);
        return registrations.cancel(id, actor());
    }

    @POST
    @Path("/registrations/{id}/approve")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Approve a PENDING registration")
    public RegistrationView approve(@PathParam("id") String id) {
        return registrations.approve(id, actor());
    }

    @POST
    @Path("/registrations/{id}/reject")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Reject a PENDING registration")
    public RegistrationView reject(@PathParam("id") String id) {
        return registrations.reject(id, actor());
    }

    @GET
    @Path("/events/{slug}/registrations")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Search and filter delegates")
    public PageView<RegistrationView> search(@PathParam("slug") String slug, @QueryParam("q") String q,
                                             @QueryParam("country") String country,
                                             @QueryParam("organization") String organization,
                                             @QueryParam("category") String category, @QueryParam("status") String status,
                                             @QueryParam("page") @DefaultValue("0") int page,
                                             @QueryParam("size") @DefaultValue("50") int size) {
        return search.search(slug, new RegistrationSearch.Filter(q, country, organization, category, status), page, size);
    }

    @POST
    @Path("/events/{slug}/invitation-codes")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Make an invitation code (single-use with maxUses 1; generated when code is null)")
    public Response createInvitation(@PathParam("slug") String slug, InvitationCodeRequest body) {
        return Response.status(201).entity(invitations.create(slug, body)).build();
    }

    @GET
    @Path("/events/{slug}/invitation-codes")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "The event's invitation codes with their use counts")
    public List<InvitationCodeView> invitations(@PathParam("slug") String slug) {
        return invitations.list(slug);
    }

    private Actor actor() {
        return StaffIdentity.isOrganizer(identity) ? new Actor(identity.getPrincipal().getName(), true) : Actor.DELEGATE;
    }

    /** Organizers see every registration; a delegate's token opens only its own. */
    private void checkAccess(String id) {
        if (StaffIdentity.isOrganizer(identity)) {
            return;
        }
        if (!registrations.tokenMatches(id, StaffIdentity.manageToken(identity))) {
            throw new DomainException(CommonError.FORBIDDEN, "This token does not open that registration");
        }
    }
}
