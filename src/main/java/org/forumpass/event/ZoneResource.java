package org.forumpass.event;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.audit.AuditAction;
import org.forumpass.audit.AuditService;
import org.forumpass.common.EventScope;
import org.forumpass.common.Roles;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.ZoneRecords.ZoneRequest;
import org.forumpass.event.ZoneRecords.ZoneView;

/**
 * Issue 16: an event's access zones. Its organizers replace them (audited, as the event's other settings are); its
 * door staff read them too, since the door applies them.
 */
@Path("/api/v1/events/{slug}/zones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Events and sessions")
public class ZoneResource {
    @Inject
    SecurityIdentity identity;
    @Inject
    AccessZones zones;
    @Inject
    AuditService audit;
    @Inject
    ObjectMapper mapper;

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.DOOR})
    @Operation(summary = "The event's access zones, in order (organizers and door staff of the event)")
    public List<ZoneView> get(@PathParam("slug") String slug) {
        EventScope.requireEvent(identity, slug);
        return zones.get(slug);
    }

    @PUT
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Replace the event's access zones as a whole (409 zone.in_use when a zone left out is still a "
            + "session's; audited)")
    public List<ZoneView> put(@PathParam("slug") String slug,
                              @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY,
                                      implementation = ZoneRequest.class))) JsonNode body) {
        EventScope.requireEvent(identity, slug); // before the body is read: another event's organizer learns nothing
        List<ZoneView> saved = zones.put(slug, read(body));
        audit.record(identity, AuditAction.ZONES_CHANGED, slug, null, saved.size() + " zones: "
                + String.join(", ", saved.stream().map(ZoneView::code).toList()));
        return saved;
    }

    private List<ZoneRequest> read(JsonNode body) {
        if (body == null || body.isNull()) {
            return null; // AccessZones.put answers the missing body
        }
        if (!body.isArray()) {
            throw DomainException.invalid("zones", "must be a list of zones");
        }
        try {
            return mapper.convertValue(body, new TypeReference<List<ZoneRequest>>() { });
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("zones", "must be a list of zones {code, name, color, categories, from, to}");
        }
    }
}
