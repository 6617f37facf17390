package org.forumpass.checkin;

import org.forumpass.common.EventScope;
import org.forumpass.audit.AuditAction;
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
import org.forumpass.common.error.DomainException;
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
    DoorRefs refs;
    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/search")
    @Operation(summary = "Find a delegate without a badge: name, organization, e-mail (door staff see no e-mail or phone)")
    public List<Found> search(@PathParam("slug") String slug, @QueryParam("q") String q,
                              @QueryParam("size") String size) {
        EventScope.requireEvent(identity, slug);
        Violations v = new Violations();
        int n = QueryParams.integer(size, "size", 20, 1, 100, v);
        v.throwIfAny();
        return search.find(slug, q, n, StaffIdentity.isOrganizer(identity), identity.getPrincipal().getName());
    }

    @POST
    @Path("/manual")
    @Operation(summary = "Check in a delegate found by search; same answer as a scan, recorded as manual")
    public ScanAnswer manual(@PathParam("slug") String slug, ManualRequest body, @Context HttpHeaders headers) {
        EventScope.requireEvent(identity, slug);
        String staff = identity.getPrincipal().getName();
        ManualRequest resolved = resolve(slug, body, staff);
        ScanAnswer answer = checkins.manual(slug, resolved, Languages.of(headers), staff);
        audit.record(identity, AuditAction.MANUAL_CHECK_IN, slug, resolved.registrationId(), answer.result() + " at "
                + (body.session() == null ? "entrance" : body.session()));
        return answer;
    }

    /** The registration a manual check-in names: by the search's {@code ref}, or (organizers only) by its id. */
    private ManualRequest resolve(String slug, ManualRequest body, String staff) {
        if (body == null) {
            throw DomainException.invalid("body", "is required");
        }
        String id;
        if (body.ref() != null && !body.ref().isBlank()) {
            id = refs.open(body.ref().strip(), slug, staff)
                    .orElseThrow(() -> DomainException.invalid("ref", "is not valid here or has expired; search again"));
        } else if (body.registrationId() != null && !body.registrationId().isBlank()) {
            if (!StaffIdentity.isOrganizer(identity)) {
                throw DomainException.invalid("registrationId", "door staff check in by the search's ref");
            }
            id = body.registrationId();
        } else {
            throw DomainException.invalid("ref", "must not be blank");
        }
        return new ManualRequest(null, id, body.session(), body.direction(), body.deviceId(), body.nonce(), body.scannedAt());
    }
}
