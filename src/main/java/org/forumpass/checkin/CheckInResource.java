package org.forumpass.checkin;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.audit.AuditAction;
import org.forumpass.checkin.CheckInRecords.Found;
import org.forumpass.checkin.CheckInRecords.ManualRequest;
import org.forumpass.checkin.CheckInRecords.ScanAnswer;
import org.forumpass.common.Languages;
import org.forumpass.common.QueryParams;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Roles;
import org.forumpass.staff.StaffIdentity;

@Path("/api/v1/events/{slug}/checkin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.DOOR, Roles.ORGANIZER})
@Tag(name = "Check-in")
public class CheckInResource {
    @Inject
    org.forumpass.audit.AuditService audit;

    @Inject
    CheckInService checkins;
    @Inject
    DoorSearch search;
    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/search")
    @Operation(summary = "Find a delegate without a badge: name, organization, e-mail (door staff see no e-mail or phone)")
    public List<Found> search(@PathParam("slug") String slug, @QueryParam("q") String q,
                              @QueryParam("size") String size) {
        Violations v = new Violations();
        int n = QueryParams.integer(size, "size", 20, 1, 100, v);
        v.throwIfAny();
        return search.find(slug, q, n, StaffIdentity.isOrganizer(identity));
    }

    @POST
    @Path("/manual")
    @Operation(summary = "Check in a delegate found by search; same answer as a scan, recorded as manual")
    public ScanAnswer manual(@PathParam("slug") String slug, ManualRequest body, @Context HttpHeaders headers) {
        ScanAnswer answer = checkins.manual(slug, body, Languages.of(headers), identity.getPrincipal().getName());
        audit.record(identity, AuditAction.MANUAL_CHECK_IN, slug, body.registrationId(), answer.result() + " at "
                + (body.session() == null ? "entrance" : body.session()));
        return answer;
    }
}
