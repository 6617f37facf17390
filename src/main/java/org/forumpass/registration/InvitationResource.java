package org.forumpass.registration;

import org.forumpass.common.EventScope;
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

@Path("/api/v1/events/{slug}/invitation-codes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ORGANIZER)
@Tag(name = "Registration")
public class InvitationResource {
    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;
    @Inject
    InvitationService invitations;

    @POST
    @Operation(summary = "Make an invitation code (single-use with maxUses 1; generated when code is null)")
    public Response create(@PathParam("slug") String slug, InvitationCodeRequest body) {
        EventScope.requireEvent(identity, slug);
        return Response.status(201).entity(invitations.create(slug, body)).build();
    }

    @GET
    @Operation(summary = "The event's invitation codes with their use counts")
    public List<InvitationCodeView> list(@PathParam("slug") String slug) {
        EventScope.requireEvent(identity, slug);
        return invitations.list(slug);
    }
}
