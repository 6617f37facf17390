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
import jakarta.ws.rs.PUT;
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

@Path("/api/v1/registrations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Registration")
public class RegistrationResource {
    @Inject
    RegistrationService registrations;
    @Inject
    SecurityIdentity identity;
    @Inject
    PrivacyService privacy;
    @Inject
    org.forumpass.audit.AuditService audit;


    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.DELEGATE})
    @Operation(summary = "A registration (the delegate with the manage token, or an organizer)")
    public RegistrationView get(@PathParam("id") String id) {
        checkAccess(id);
        RegistrationView view = registrations.view(id);
        if (StaffIdentity.isOrganizer(identity)) {
            audit.record(identity, AuditAction.VIEW_PERSONAL_DATA, view.event(), id, null);
        }
        return shown(view);
    }

    @PATCH
    @RolesAllowed({Roles.ORGANIZER, Roles.DELEGATE})
    @Operation(summary = "Change contact fields and sessions")
    public RegistrationView update(@PathParam("id") String id, UpdateRegistrationRequest body) {
        checkAccess(id);
        RegistrationView view = registrations.update(id, body, actor());
        if (body != null && body.protocol() != null) { // only an organizer gets this far with a protocol
            audit.record(identity, AuditAction.PROTOCOL_CHANGED, view.event(), id, protocolDetail(view.protocol()));
        }
        return shown(view);
    }

    @PUT
    @Path("/protocol")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Issue 16: mark a VIP, with a rank (1-5) and a protocol note for the door and the arrivals board")
    public RegistrationView protocol(@PathParam("id") String id, RegistrationRecords.Protocol body) {
        checkAccess(id);
        RegistrationView view = registrations.protocol(id, body);
        audit.record(identity, AuditAction.PROTOCOL_CHANGED, view.event(), id, protocolDetail(view.protocol()));
        return view;
    }

    /** The audit's detail: what changed, without the note's words (they may describe a person's needs). */
    private static String protocolDetail(RegistrationRecords.Protocol p) {
        return p == null ? null : "vip=" + p.vip() + " rank=" + p.rank() + " note=" + (p.note() == null ? "none" : "set");
    }

    /** Protocol fields are the organizers' own: a delegate's or a focal point's token never reads them. */
    private RegistrationView shown(RegistrationView view) {
        return StaffIdentity.isOrganizer(identity) ? view : view.withoutProtocol();
    }

    @DELETE
    @RolesAllowed({Roles.ORGANIZER, Roles.DELEGATE})
    @Operation(summary = "Cancel: frees the places and moves the waitlist up")
    public RegistrationView cancel(@PathParam("id") String id) {
        checkAccess(id);
        RegistrationView view = registrations.cancel(id, actor());
        audit.record(StaffIdentity.isOrganizer(identity) ? identity.getPrincipal().getName() : "delegate",
                AuditAction.CANCEL, view.event(), id, null);
        return shown(view);
    }

    @POST
    @Path("/approve")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Approve a PENDING registration")
    public RegistrationView approve(@PathParam("id") String id) {
        checkAccess(id);
        RegistrationView view = registrations.approve(id, actor());
        audit.record(identity, AuditAction.APPROVE, view.event(), id, null);
        return view;
    }

    @POST
    @Path("/reject")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Reject a PENDING registration")
    public RegistrationView reject(@PathParam("id") String id) {
        checkAccess(id);
        RegistrationView view = registrations.reject(id, actor());
        audit.record(identity, AuditAction.REJECT, view.event(), id, null);
        return view;
    }

    @GET
    @Path("/personal-data")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Everything kept about the delegate: registration, check-ins, scans (an access request)")
    public PrivacyService.PersonalData personalData(@PathParam("id") String id) {
        checkAccess(id);
        PrivacyService.PersonalData data = privacy.export(id);
        audit.record(identity, AuditAction.ACCESS_REQUEST, data.registration().event(), id, null);
        return data;
    }

    @POST
    @Path("/erase")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Erase the personal fields; status, category, country and attendance stay for the counts")
    public RegistrationView erase(@PathParam("id") String id) {
        checkAccess(id);
        RegistrationView view = privacy.erase(id);
        audit.record(identity, AuditAction.ERASE, view.event(), id, null);
        return view;
    }

    private Actor actor() {
        return StaffIdentity.isOrganizer(identity) ? new Actor(identity.getPrincipal().getName(), true) : Actor.DELEGATE;
    }

    /** Organizers see the registrations of the events they cover; a delegate's token opens only its own. */
    private void checkAccess(String id) {
        if (StaffIdentity.isOrganizer(identity)) {
            if (EventScope.events(identity) != null) {
                registrations.eventSlugOf(id).ifPresent(slug -> EventScope.requireEvent(identity, slug));
            }
            return;
        }
        if (!registrations.tokenMatches(id, StaffIdentity.manageToken(identity))) {
            throw new DomainException(CommonError.FORBIDDEN, "This token does not open that registration");
        }
    }
}
