package org.forumpass.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.audit.AuditAction;
import org.forumpass.audit.AuditService;
import org.forumpass.common.EventScope;
import org.forumpass.common.Roles;
import org.forumpass.common.error.CommonError;
import org.forumpass.common.error.DomainException;
import org.forumpass.identity.IdentityRecords.FullIdentity;
import org.forumpass.registration.RegistrationService;
import org.forumpass.staff.StaffIdentity;

/** The whole identity document: organizers of the event and the delegate (manage token); every read is audited. */
@Path("/api/v1/registrations/{id}/identity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Registration")
public class IdentityResource {
    @Inject
    IdentityService identities;
    @Inject
    RegistrationService registrations;
    @Inject
    SecurityIdentity identity;
    @Inject
    AuditService audit;

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.DELEGATE})
    @Operation(summary = "The identity document in full (organizer of the event or the delegate); audited")
    public Response get(@PathParam("id") String id) {
        String slug;
        if (StaffIdentity.isOrganizer(identity)) {
            slug = registrations.eventSlugOf(id).orElse(null);
            if (slug != null) {
                EventScope.requireEvent(identity, slug);
            }
        } else if (!registrations.tokenMatches(id, StaffIdentity.manageToken(identity))) {
            throw new DomainException(CommonError.FORBIDDEN, "This token does not open that registration");
        } else {
            slug = registrations.eventSlugOf(id).orElse(null);
        }
        FullIdentity doc = identities.full(id);
        audit.record(StaffIdentity.isOrganizer(identity) ? identity.getPrincipal().getName() : "delegate",
                AuditAction.VIEW_IDENTITY, slug, id, null);
        return Response.ok(doc).header("Cache-Control", "no-store").build();
    }
}
