package org.forumpass.checkin;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.audit.AuditAction;
import org.forumpass.audit.AuditService;
import org.forumpass.common.EventScope;
import org.forumpass.common.Languages;
import org.forumpass.common.RequestValidator;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Roles;
import org.forumpass.common.error.DomainException;

/**
 * Issue 16: the report of what offline doors admitted wrongly ({@link ScanConflicts}), for organizers of the event.
 * Listing is not audited: the console refreshes it every 10 s, and it shows what the door's own answers showed
 * (names, organization, category); marking one handled is.
 */
@Path("/api/v1/events/{slug}/scans/conflicts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ORGANIZER)
@Tag(name = "Check-in")
public class ScanConflictResource {
    @Inject
    ScanConflicts conflicts;
    @Inject
    RequestValidator validator;
    @Inject
    SecurityIdentity identity;
    @Inject
    AuditService audit;

    public record ResolveRequest(@Size(max = ScanConflicts.NOTE_MAX) String note) {
    }

    @GET
    @Operation(summary = "Scans a door admitted offline that the server refused on upload, newest first:"
            + " {total, unresolved, items}; ?session=CODE, ?resolved=true|false, ?limit= (1-500, default 100),"
            + " ?before= (a scanId: the next page after it) or ?offset=")
    public ScanConflicts.ConflictPage list(@PathParam("slug") String slug, @QueryParam("session") String session,
                                           @QueryParam("resolved") String resolved, @QueryParam("before") String before,
                                           @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                                           @Context HttpHeaders headers) {
        EventScope.requireEvent(identity, slug);
        Violations v = new Violations();
        ScanConflicts.Filter filter = ScanConflicts.Filter.of(session, resolved, before, offset, limit, v);
        v.throwIfAny();
        return conflicts.list(slug, filter, Languages.of(headers));
    }

    @POST
    @Path("/{scanId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark a door conflict handled, with an optional note (at most 500 characters); audited")
    public ScanConflicts.ConflictView resolve(@PathParam("slug") String slug, @PathParam("scanId") String scanId,
                                              ResolveRequest body, @Context HttpHeaders headers) {
        EventScope.requireEvent(identity, slug);
        long id;
        try {
            id = Long.parseLong(scanId);
        } catch (NumberFormatException e) {
            throw new DomainException(CheckInError.CONFLICT_NOT_FOUND, "'" + scanId + "' is not a scan id");
        }
        String note = body == null ? null : body.note();
        if (body != null) {
            validator.start(body).throwIfAny();
        }
        String by = identity.getPrincipal().getName();
        ScanConflicts.ConflictView view = conflicts.resolve(slug, id, note, by, Languages.of(headers));
        audit.record(identity, AuditAction.SCAN_CONFLICT_RESOLVED, slug,
                view.delegate() == null ? "scan " + id : view.delegate().id(),
                "scan " + id + " at " + (view.session() == null ? "entrance" : view.session()) + " by " + view.deviceId()
                        + ": offline ACCEPTED, server " + view.server().result()
                        + (view.resolved().note() == null ? "" : "; note: " + view.resolved().note()));
        return view;
    }
}
