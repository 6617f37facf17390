package org.forumpass.staff;

import org.forumpass.common.error.DomainException;
import org.forumpass.audit.AuditAction;
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
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import java.util.Set;
import java.util.TreeSet;
import org.forumpass.common.ClientAddress;
import org.forumpass.common.EventScope;
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
    ClientAddress clientAddress;
    @Inject
    StaffService staff;
    @Inject
    SecurityIdentity identity;
    @Inject
    org.forumpass.audit.AuditService audit;


    @POST
    @Path("/login")
    @PermitAll
    @Operation(summary = "Sign in; answers a bearer token that every replica accepts")
    public LoginResponse login(LoginRequest body, @Context HttpServerRequest request) {
        String who = body == null || body.username() == null ? "?" : StaffAccount.normalize(body.username());
        try {
            LoginResponse r = staff.login(body, clientAddress.of(request));
            audit.record(who, AuditAction.SIGN_IN, null, null, null);
            return r;
        } catch (DomainException e) {
            if (e.error() == StaffError.INVALID_CREDENTIALS) {
                audit.record(who, AuditAction.SIGN_IN_FAILED, null, null, null);
            }
            throw e;
        }
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.ORGANIZER, Roles.DOOR})
    @Operation(summary = "Who the token belongs to")
    public Me me() {
        Set<String> events = EventScope.events(identity);
        return new Me(identity.getPrincipal().getName(), identity.hasRole(Roles.ORGANIZER) ? Roles.ORGANIZER : Roles.DOOR,
                events == null ? null : new TreeSet<>(events).stream().toList());
    }
}
