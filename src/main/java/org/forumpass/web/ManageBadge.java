package org.forumpass.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.forumpass.badge.BadgePdf;
import org.forumpass.badge.BadgeService;
import org.forumpass.badge.QrRenderer;
import org.forumpass.registration.RegistrationService;

/**
 * Issue 17: the manage page's badge, its QR image and its printable PDF, opened with the manage cookie alone, so no
 * token sits in an image or link URL (where it would reach logs, history and Referer headers). API clients keep
 * {@code /api/v1/registrations/{id}/badge.png|pdf} with the bearer token.
 */
@Path("/r/{id}/badge.{kind: png|pdf}")
@PermitAll
public class ManageBadge {
    @Inject
    RegistrationService registrations;
    @Inject
    BadgeService badges;

    @GET
    @Produces({"image/png", "application/pdf"})
    @Operation(hidden = true)
    public Response badge(@PathParam("id") String id, @PathParam("kind") String kind, @Context HttpHeaders headers) {
        ManageVisaLetter.requireCookie(registrations, id, headers);
        String code = badges.current(id).code; // 404 badge.not_issued before any byte is written
        if ("png".equals(kind)) {
            return Response.ok(QrRenderer.png(code, 480), "image/png").header("Cache-Control", "private, no-store").build();
        }
        BadgePdf.Card card = badges.card(id, false);
        StreamingOutput body = out -> BadgePdf.write(List.of(card), BadgePdf.Layout.A6, out);
        return Response.ok(body, "application/pdf").header("Content-Disposition", "inline; filename=\"badge-" + id + ".pdf\"")
                .header("Cache-Control", "private, no-store").build();
    }
}
