package org.forumpass.checkin;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.Compressed;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.audit.AuditAction;
import org.forumpass.audit.AuditService;
import org.forumpass.common.EventScope;
import org.forumpass.common.RequestValidator;
import org.forumpass.common.Roles;
import org.forumpass.common.error.DomainException;

/**
 * The door roster (API.md, "the door offline"): {@code GET} answers the signed roster, or 304 when the door already
 * holds its {@code version} ({@code If-None-Match}); the signature is in the {@code Roster-Signature} header as
 * {@code kid.signature} over {@link DoorRoster#CONTEXT} and the body's bytes. Each roster a door receives is audited
 * (its faces and names are personal data); a 304 is not.
 */
@Path("/api/v1/events/{slug}/door-roster")
@RolesAllowed({Roles.DOOR, Roles.ORGANIZER})
@Tag(name = "Check-in")
public class DoorRosterResource {
    public static final String SIGNATURE_HEADER = "Roster-Signature";

    @Inject
    DoorRoster roster;
    @Inject
    SecurityIdentity identity;
    @Inject
    AuditService audit;
    @Inject
    RequestValidator validator;

    public record ThumbnailRequest(@NotNull @Size(max = DoorRoster.MAX_THUMBNAILS)
                                   List<@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{43}") String> photos) {
    }

    public record Thumbnails(Map<String, String> photos) {
    }

    @GET
    @Blocking
    @Compressed
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Everything a door needs to judge badges offline, signed with the event's badge key"
            + " (?session=CODE: this door's rules first; ?photos=inline: thumbnails inside the entries)")
    public Response get(@PathParam("slug") String slug, @QueryParam("session") String session,
                        @QueryParam("photos") String photos, @HeaderParam("If-None-Match") String ifNoneMatch) {
        EventScope.requireEvent(identity, slug);
        if (photos != null && !photos.isBlank() && !photos.equals("inline") && !photos.equals("digest")) {
            throw DomainException.invalid("photos", "must be inline or digest");
        }
        DoorRoster.Signed r = roster.roster(slug, session, "inline".equals(photos));
        String etag = "\"" + r.version() + "\"";
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.contains("W/" + etag))) {
            return Response.notModified().header("ETag", etag).header("Cache-Control", "no-store").build();
        }
        audit.record(identity, AuditAction.DOOR_ROSTER, slug, session == null || session.isBlank() ? null : session.strip(),
                r.count() + " delegates, version " + r.version());
        return Response.ok(r.body(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("ETag", etag)
                .header(SIGNATURE_HEADER, r.signature())
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Blocking
    @Compressed
    @Path("/photos")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Door thumbnails (60×80 JPEG, base64) by the digests the roster names, up to 500 at a time")
    public Thumbnails photos(@PathParam("slug") String slug, ThumbnailRequest body) {
        EventScope.requireEvent(identity, slug);
        validator.start(body).throwIfAny();
        return new Thumbnails(roster.thumbnails(slug, body.photos().stream().distinct().toList()));
    }
}
