package org.forumpass.staff;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.common.Roles;
import org.forumpass.staff.StaffRecords.LoginRequest;
import org.forumpass.staff.StaffRecords.LoginResponse;
import org.forumpass.staff.StaffRecords.Me;

@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Staff sign-in")
public class AuthResource {
    @Inject
    StaffService staff;
    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/login")
    @PermitAll
    @Operation(summary = "Sign in; answers a bearer token that every replica accepts")
    public LoginResponse login(LoginRequest body) {
        return staff.login(body);
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.ORGANIZER, Roles.DOOR})
    @Operation(summary = "Who the token belongs to")
    public Me me() {
        return new Me(identity.getPrincipal().getName(), identity.hasRole(Roles.ORGANIZER) ? Roles.ORGANIZER : Roles.DOOR);
    }
}
