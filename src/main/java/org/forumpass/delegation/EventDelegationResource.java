package org.forumpass.delegation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.audit.AuditAction;
import org.forumpass.audit.AuditService;
import org.forumpass.common.EventScope;
import org.forumpass.common.Roles;
import org.forumpass.delegation.DelegationRecords.CreateDelegationRequest;
import org.forumpass.delegation.DelegationRecords.CreatedDelegation;
import org.forumpass.delegation.DelegationRecords.DelegationSummary;

/** An event's delegations, for its organizers. */
@Path("/api/v1/events/{slug}/delegations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Delegation")
@RolesAllowed(Roles.ORGANIZER)
public class EventDelegationResource {
    @Inject
    DelegationService delegations;
    @Inject
    SecurityIdentity identity;
    @Inject
    AuditService audit;

    @POST
    @Operation(summary = "Create a delegation with quotas per category; the focal point gets an e-mail with the link to /d/{id}")
    public Response create(@PathParam("slug") String slug, CreateDelegationRequest body, @Context UriInfo uri) {
        EventScope.requireEvent(identity, slug);
        CreatedDelegation d = delegations.create(slug, body);
        audit.record(identity, AuditAction.DELEGATION_CREATED, slug, null, "delegation " + d.id());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/delegations/{id}").build(d.id())).entity(d).build();
    }

    @GET
    @Operation(summary = "The event's delegations with their quotas used")
    public List<DelegationSummary> list(@PathParam("slug") String slug) {
        EventScope.requireEvent(identity, slug);
        return delegations.list(slug);
    }
}
