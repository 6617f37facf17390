package org.forumpass.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.forumpass.common.error.CommonError;
import org.forumpass.common.error.DomainException;
import org.forumpass.delegation.DelegationService;
import org.forumpass.photo.PhotoBody;
import org.forumpass.photo.PhotoResource;
import org.forumpass.photo.PhotoService;
import org.forumpass.photo.PhotoView;

/**
 * A member's photo from the focal point's page (issue 15), with the page's cookie rather than a token: sent as the
 * delegate's own page sends it ({@link ManagePhoto}), with the same checks of {@link PhotoService} (an accepted photo
 * is kept, the image is decoded, stripped and cropped to 3:4, and waits for review). The registration must be a
 * member of the delegation the cookie opens: 404 delegation.not_member otherwise.
 */
@Path("/d/{id}/members/{rid}/photo")
@PermitAll
public class DelegationPhoto {
    @Inject
    DelegationPages pages;
    @Inject
    DelegationService delegations;
    @Inject
    PhotoService photos;
    @Inject
    FormOrigin formOrigin;

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public PhotoView.Answer upload(@PathParam("id") String id, @PathParam("rid") String rid, @QueryParam("crop") String crop,
                                   @HeaderParam("Content-Length") Long contentLength, @Context HttpHeaders headers,
                                   InputStream body) {
        if (formOrigin.foreign(headers)) {
            throw new DomainException(CommonError.FORBIDDEN, "The photo must be sent from this site's own page");
        }
        requireMember(id, rid, headers);
        byte[] bytes = PhotoBody.read(body, contentLength);
        return new PhotoView.Answer(photos.upload(rid, bytes, PhotoResource.crop(crop), false));
    }

    /** The photo (?size=thumb: 96×128) for the members table. */
    @GET
    @Produces("image/jpeg")
    @Operation(hidden = true)
    public Response image(@PathParam("id") String id, @PathParam("rid") String rid, @QueryParam("size") String size,
                          @Context HttpHeaders headers) {
        requireMember(id, rid, headers);
        return Response.ok(photos.image(rid, "thumb".equals(size))).type("image/jpeg")
                .header("Cache-Control", "private, no-store").build();
    }

    private void requireMember(String id, String rid, HttpHeaders headers) {
        if (!pages.opened(id, headers)) {
            throw new DomainException(CommonError.FORBIDDEN, "Open the delegation's page with the link from the focal point's e-mail first");
        }
        delegations.requireMember(id, rid);
    }
}
