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
import org.forumpass.photo.PhotoBody;
import org.forumpass.photo.PhotoResource;
import org.forumpass.photo.PhotoService;
import org.forumpass.photo.PhotoView;
import org.forumpass.registration.RegistrationService;

/**
 * The delegate's photo from their own pages, with the manage cookie rather than a token in the page: the
 * registration page keeps a photo taken before the registration existed and sends it here once the manage page
 * opens, and the manage page shows and replaces it. Same checks as {@code PUT /api/v1/registrations/{id}/photo}.
 */
@Path("/r/{id}/photo")
@PermitAll
public class ManagePhoto {
    @Inject
    RegistrationService registrations;
    @Inject
    PhotoService photos;
    @Inject
    FormOrigin formOrigin;

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public PhotoView.Answer upload(@PathParam("id") String id, @QueryParam("crop") String crop,
                                   @HeaderParam("Content-Length") Long contentLength, @Context HttpHeaders headers,
                                   InputStream body) {
        if (formOrigin.foreign(headers)) {
            throw new DomainException(CommonError.FORBIDDEN, "The photo must be sent from this site's own page");
        }
        requireCookie(id, headers);
        byte[] bytes = PhotoBody.read(body, contentLength);
        return new PhotoView.Answer(photos.upload(id, bytes, PhotoResource.crop(crop), false));
    }

    @GET
    @Produces("image/jpeg")
    @Operation(hidden = true)
    public Response image(@PathParam("id") String id, @QueryParam("size") String size, @Context HttpHeaders headers) {
        requireCookie(id, headers);
        return Response.ok(photos.image(id, "thumb".equals(size))).type("image/jpeg")
                .header("Cache-Control", "private, no-store").build();
    }

    private void requireCookie(String id, HttpHeaders headers) {
        var c = headers.getCookies().get(RegistrationPages.cookieName(id));
        if (c == null || c.getValue().isBlank() || !registrations.tokenMatches(id, c.getValue())) {
            throw new DomainException(CommonError.FORBIDDEN, "Open your registration with the link from your e-mail first");
        }
    }
}
