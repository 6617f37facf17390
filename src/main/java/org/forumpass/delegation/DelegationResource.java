package org.forumpass.delegation;

import io.quarkus.security.identity.SecurityIdentity;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.audit.AuditAction;
import org.forumpass.audit.AuditService;
import org.forumpass.badge.BadgeDesk;
import org.forumpass.common.EventScope;
import org.forumpass.common.Roles;
import org.forumpass.common.error.CommonError;
import org.forumpass.common.error.DomainException;
import org.forumpass.delegation.DelegationRecords.DelegationView;
import org.forumpass.delegation.DelegationRecords.UpdateDelegationRequest;
import org.forumpass.registration.RegistrationRecords.RegisterRequest;
import org.forumpass.registration.RegistrationRecords.RegisterResponse;
import org.forumpass.registration.RegistrationService.Actor;
import org.forumpass.registration.RegistrationService.Origin;
import org.forumpass.staff.StaffIdentity;
import org.forumpass.visa.VisaLetterService;

/**
 * One delegation, for its focal point (the token from the focal point's e-mail) and the organizers of its event.
 * The focal point's token opens this delegation and its members' registrations, nothing else.
 */
@Path("/api/v1/delegations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Delegation")
public class DelegationResource {
    @Inject
    DelegationService delegations;
    @Inject
    SecurityIdentity identity;
    @Inject
    AuditService audit;
    @Inject
    BadgeDesk desk;
    @Inject
    VisaLetterService letters;

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.DELEGATE})
    @Operation(summary = "The delegation, its quotas used and left, and its members with their status, badge and visa letter")
    public DelegationView get(@PathParam("id") String id) {
        String slug = checkAccess(id);
        DelegationView view = delegations.view(id);
        if (organizer()) {
            audit.record(identity, AuditAction.VIEW_PERSONAL_DATA, slug, null, "delegation " + id);
        }
        return view;
    }

    @PATCH
    @RolesAllowed({Roles.ORGANIZER, Roles.DELEGATE})
    @Operation(summary = "Change the delegation (organizers) or the focal point's contact details (the focal point)")
    public DelegationView update(@PathParam("id") String id, UpdateDelegationRequest body) {
        String slug = checkAccess(id);
        DelegationView view = delegations.update(id, body, organizer());
        audit.record(actorName(id), AuditAction.DELEGATION_CHANGED, slug, null, "delegation " + id);
        return view;
    }

    @POST
    @Path("/members")
    @RolesAllowed({Roles.ORGANIZER, Roles.DELEGATE})
    @Operation(summary = "Register a member: country and organization default to the delegation's; 409 delegation.quota_exceeded when the category is full")
    public Response add(@PathParam("id") String id, RegisterRequest body, @Context UriInfo uri) {
        String slug = checkAccess(id);
        RegisterResponse r = hideToken(delegations.addMember(id, body, origin()));
        audit.record(actorName(id), AuditAction.DELEGATION_MEMBER_ADDED, slug, r.id(), "delegation " + id);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/registrations/{rid}").build(r.id())).entity(r).build();
    }

    @DELETE
    @Path("/members/{registrationId}")
    @RolesAllowed({Roles.ORGANIZER, Roles.DELEGATE})
    @Operation(summary = "Withdraw a member: a cancellation; the quota place is free again")
    public DelegationView withdraw(@PathParam("id") String id, @PathParam("registrationId") String registrationId) {
        String slug = checkAccess(id);
        DelegationView view = delegations.withdraw(id, registrationId, actor());
        audit.record(actorName(id), AuditAction.DELEGATION_MEMBER_WITHDRAWN, slug, registrationId, "delegation " + id);
        return view;
    }

    @POST
    @Path("/members/{registrationId}/replace")
    @RolesAllowed({Roles.ORGANIZER, Roles.DELEGATE})
    @Operation(summary = "Replace a member: the new person takes the place and session seats, the old registration is cancelled and its badge revoked, at once")
    public Response replace(@PathParam("id") String id, @PathParam("registrationId") String registrationId,
                            RegisterRequest body, @Context UriInfo uri) {
        String slug = checkAccess(id);
        RegisterResponse r = hideToken(delegations.replace(id, registrationId, body, origin(), actor()));
        audit.record(actorName(id), AuditAction.DELEGATION_MEMBER_REPLACED, slug, r.id(), "replaces " + registrationId);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/registrations/{rid}").build(r.id())).entity(r).build();
    }

    @POST
    @Path("/focal-point-link")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Send the focal point its link again; ?revoke=true first ends the old link")
    public DelegationRecords.CreatedDelegation sendLink(@PathParam("id") String id,
                                                        @jakarta.ws.rs.QueryParam("revoke") boolean revoke) {
        String slug = checkAccess(id);
        DelegationRecords.CreatedDelegation sent = delegations.sendLink(id, revoke);
        audit.record(identity, AuditAction.DELEGATION_CHANGED, slug, null,
                (revoke ? "focal point link renewed, the old one revoked: " : "focal point link sent again: ") + id);
        return sent;
    }

    public record CollectRequest(String proxyName) {
    }

    @POST
    @Path("/badges/collected")
    @RolesAllowed({Roles.ORGANIZER, Roles.DOOR})
    @Operation(summary = "Hand out the badges of every confirmed member to one proxy (recorded with the proxy's name)")
    public BadgeDesk.CollectAllResult collected(@PathParam("id") String id, CollectRequest body) {
        String slug = delegations.eventSlugOf(id);
        EventScope.requireEvent(identity, slug);
        return desk.collectAllByPublicId(delegations.confirmedMembers(id), body == null ? null : body.proxyName(),
                identity.getPrincipal().getName());
    }

    @GET
    @Path("/visa-letters.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.ORGANIZER, Roles.DELEGATE})
    @Operation(summary = "Every issued visa letter of the delegation's confirmed members, one page each, in one PDF")
    public Response letters(@PathParam("id") String id) {
        String slug = checkAccess(id);
        byte[] pdf = letters.pdf(delegations.confirmedMembers(id));
        if (organizer()) {
            audit.record(identity, AuditAction.VISA_LETTER_DOWNLOADED, slug, null, "delegation " + id);
        }
        return Response.ok(pdf, "application/pdf").header("Content-Disposition", "attachment; filename=\"visa-letters-" + id + ".pdf\"")
                .header("Cache-Control", "private, no-store").build();
    }

    public record Issued(int issued) {
    }

    @POST
    @Path("/visa-letters/approve")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Issue every requested visa letter of the delegation's confirmed members")
    public Issued approveLetters(@PathParam("id") String id) {
        checkAccess(id);
        return new Issued(letters.approveAll(delegations.confirmedMembers(id), identity.getPrincipal().getName()));
    }

    private boolean organizer() {
        return StaffIdentity.isOrganizer(identity);
    }

    private Origin origin() {
        return organizer() ? Origin.ORGANIZER : Origin.DELEGATION;
    }

    private Actor actor() {
        return organizer() ? new Actor(identity.getPrincipal().getName(), true) : Actor.DELEGATE;
    }

    private String actorName(String id) {
        return organizer() ? identity.getPrincipal().getName() : "focal point of " + id;
    }

    /** The member's own manage link goes to the member by e-mail; the focal point opens the member with its own token. */
    private RegisterResponse hideToken(RegisterResponse r) {
        return organizer() ? r : new RegisterResponse(r.id(), r.status(), null, null, r.sessions());
    }

    /** Organizers of the delegation's event, or the focal point's token; answers the event's slug. */
    String checkAccess(String id) {
        if (organizer()) {
            String slug = delegations.eventSlugOf(id);
            EventScope.requireEvent(identity, slug);
            return slug;
        }
        if (!delegations.tokenOpens(id, StaffIdentity.manageToken(identity))) {
            throw new DomainException(CommonError.FORBIDDEN, "This link does not open that delegation");
        }
        return delegations.eventSlugOf(id);
    }
}
