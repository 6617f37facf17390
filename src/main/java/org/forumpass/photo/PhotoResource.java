package org.forumpass.photo;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.audit.AuditAction;
import org.forumpass.audit.AuditService;
import org.forumpass.common.EventScope;
import org.forumpass.common.Roles;
import org.forumpass.common.error.CommonError;
import org.forumpass.common.error.DomainException;
import org.forumpass.registration.RegistrationService;
import org.forumpass.staff.StaffIdentity;

/** A delegate's photo: upload (the delegate or an organizer), the image (also door staff, to compare faces), review. */
@Path("/api/v1/registrations/{id}")
@Tag(name = "Photo")
public class PhotoResource {
    @Inject
    PhotoService photos;
    @Inject
    RegistrationService registrations;
    @Inject
    SecurityIdentity identity;
    @Inject
    AuditService audit;

    public record RejectRequest(String reason) {
    }

    @PUT
    @Path("/photo")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANIZER, Roles.DOOR, Roles.DELEGATE}) // door staff are refused below with a 403 that says why
    @Operation(summary = "Upload the photo (image/jpeg or image/png, at most 5 MB, ?crop=x,y,w,h in pixels); stored as a 3:4 JPEG "
            + "without metadata, waiting for review")
    public PhotoView.Answer upload(@PathParam("id") String id, @QueryParam("crop") String crop,
                                   @HeaderParam("Content-Length") Long contentLength, InputStream body) {
        checkAccess(id, false);
        PhotoImage.Crop c = crop(crop);
        byte[] bytes = PhotoBody.read(body, contentLength);
        return new PhotoView.Answer(photos.upload(id, bytes, c, StaffIdentity.isOrganizer(identity)));
    }

    @GET
    @Path("/photo.jpg")
    @Produces("image/jpeg")
    @RolesAllowed({Roles.ORGANIZER, Roles.DOOR, Roles.DELEGATE})
    @Operation(summary = "The photo (?size=thumb: 96×128); door staff may read it to compare faces")
    public Response image(@PathParam("id") String id, @QueryParam("size") String size) {
        if (size != null && !size.isBlank() && !size.equals("thumb") && !size.equals("full")) {
            throw DomainException.invalid("size", "must be thumb or full");
        }
        checkAccess(id, true);
        return Response.ok(photos.image(id, "thumb".equals(size))).type("image/jpeg")
                .header("Cache-Control", "private, no-store").build();
    }

    @POST
    @Path("/photo/accept")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Accept the photo waiting for review (confirms a registration that waited only for it)")
    public PhotoView.Answer accept(@PathParam("id") String id) {
        checkAccess(id, false);
        PhotoView view = photos.accept(id, identity.getPrincipal().getName());
        audit.record(identity, AuditAction.PHOTO_ACCEPTED, registrations.eventSlugOf(id).orElse(null), id, null);
        return new PhotoView.Answer(view);
    }

    @POST
    @Path("/photo/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Reject the photo waiting for review, with a reason the delegate sees")
    public PhotoView.Answer reject(@PathParam("id") String id, RejectRequest body) {
        checkAccess(id, false);
        PhotoView view = photos.reject(id, body == null ? null : body.reason(), identity.getPrincipal().getName());
        audit.record(identity, AuditAction.PHOTO_REJECTED, registrations.eventSlugOf(id).orElse(null), id, view.rejectionReason());
        return new PhotoView.Answer(view);
    }

    /** Organizers and (reading only) door staff within their events; a delegate's token opens only its own registration. */
    private void checkAccess(String id, boolean reading) {
        if (StaffIdentity.isOrganizer(identity) || reading && identity.hasRole(Roles.DOOR)) {
            if (EventScope.events(identity) != null) {
                registrations.eventSlugOf(id).ifPresent(slug -> EventScope.requireEvent(identity, slug));
            }
            return;
        }
        if (identity.hasRole(Roles.DOOR)) {
            throw new DomainException(CommonError.FORBIDDEN, "Door staff may only look at photos");
        }
        if (!registrations.tokenMatches(id, StaffIdentity.manageToken(identity))) {
            throw new DomainException(CommonError.FORBIDDEN, "This token does not open that registration");
        }
    }

    public static PhotoImage.Crop crop(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String[] parts = raw.split(",");
        if (parts.length == 4) {
            try {
                return new PhotoImage.Crop(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()),
                        Integer.parseInt(parts[2].strip()), Integer.parseInt(parts[3].strip()));
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw DomainException.invalid("crop", "must be x,y,w,h in whole pixels");
    }
}
