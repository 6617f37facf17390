package org.forumpass.badge;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.audit.AuditAction;
import org.forumpass.common.EventScope;
import org.forumpass.common.QueryParams;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Roles;
import org.forumpass.common.error.CommonError;
import org.forumpass.common.error.DomainException;
import org.forumpass.registration.RegistrationService;
import org.forumpass.staff.StaffIdentity;

/**
 * A delegate's badge. Images and PDFs take the manage token as a bearer token or as {@code ?t=} (a link kept from
 * before issue 17; the manage page now loads {@code /r/{id}/badge.png|pdf} with its cookie, see web.ManageBadge);
 * organizers use their own token.
 */
@Path("/api/v1/registrations/{id}")
@Tag(name = "Badges")
public class BadgeResource {
    @Inject
    BadgeService badges;
    @Inject
    BadgeDesk desk;
    @Inject
    org.forumpass.audit.AuditService audit;

    @Inject
    RegistrationService registrations;
    @Inject
    io.quarkus.security.identity.CurrentIdentityAssociation identities;

    @GET
    @Path("/badge.png")
    @SecurityRequirement(name = "bearer")
    @Produces("image/png")
    @Operation(summary = "The badge's QR code alone (?size= 120 to 1200 pixels, default 480)")
    public Response png(@PathParam("id") String id, @QueryParam("t") String t, @QueryParam("size") String size) {
        Violations v = new Violations();
        int pixels = QueryParams.integer(size, "size", 480, QrRenderer.MIN_SIZE, QrRenderer.MAX_SIZE, v);
        v.throwIfAny();
        Badge b = badgeFor(id, t);
        return Response.ok(QrRenderer.png(b.code, pixels)).header("Cache-Control", "private, no-store").build();
    }

    @GET
    @Path("/badge.svg")
    @SecurityRequirement(name = "bearer")
    @Produces("image/svg+xml")
    @Operation(summary = "The badge's QR code as SVG")
    public Response svg(@PathParam("id") String id, @QueryParam("t") String t) {
        Badge b = badgeFor(id, t);
        return Response.ok(QrRenderer.svg(b.code)).header("Cache-Control", "private, no-store").build();
    }

    @GET
    @Path("/badge.pdf")
    @SecurityRequirement(name = "bearer")
    @Produces("application/pdf")
    @Operation(summary = "The printable badge (?layout=a6, the default, or a4x4)")
    public Response pdf(@PathParam("id") String id, @QueryParam("t") String t, @QueryParam("layout") String layout) {
        badgeFor(id, t);
        // issue 15: an organizer's download is a print (printedAt, the first time); the delegate's own is not
        boolean organizer = StaffIdentity.isOrganizer(identities.getDeferredIdentity().await().indefinitely());
        BadgePdf.Card card = badges.card(id, organizer);
        StreamingOutput body = out -> BadgePdf.write(List.of(card), layout(layout), out);
        return Response.ok(body).header("Content-Disposition", "inline; filename=\"badge-" + id + ".pdf\"")
                .header("Cache-Control", "private, no-store").build();
    }

    @POST
    @Path("/badge/reissue")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "A new badge; the old code is revoked at once")
    public BadgeView reissue(@PathParam("id") String id) {
        SecurityIdentity identity = identities.getDeferredIdentity().await().indefinitely();
        requireScope(identity, id);
        BadgeView view = badges.reissue(id);
        audit.record(identity, AuditAction.REISSUE_BADGE, null, id,
                "serial " + view.serial());
        return view;
    }

    /** Issue 15: {@code by} SELF (the delegate) or PROXY (someone for them, {@code proxyName} required). */
    public record CollectRequest(String by, String proxyName) {
    }

    @POST
    @Path("/badge/collected")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANIZER, Roles.DOOR})
    @Operation(summary = "Mark the current badge collected at the accreditation desk, by the delegate (SELF) or a named PROXY;"
            + " 409 badge.not_issued without a badge, 409 badge.already_collected (when and by whom) the second time")
    public BadgeView collected(@PathParam("id") String id, CollectRequest body) {
        SecurityIdentity identity = identities.getDeferredIdentity().await().indefinitely();
        requireScope(identity, id);
        return desk.collect(id, body == null ? null : body.by(), body == null ? null : body.proxyName(),
                identity.getPrincipal().getName());
    }

    static BadgePdf.Layout layout(String layout) {
        if (layout == null || layout.isBlank() || layout.equalsIgnoreCase("a6")) {
            return BadgePdf.Layout.A6;
        }
        if (layout.equalsIgnoreCase("a4x4")) {
            return BadgePdf.Layout.A4X4;
        }
        throw DomainException.invalid("layout", "must be a6 or a4x4");
    }

    /** An organizer scoped to some events reaches only their registrations. */
    private void requireScope(SecurityIdentity identity, String id) {
        if (EventScope.events(identity) != null) {
            registrations.eventSlugOf(id).ifPresent(slug -> EventScope.requireEvent(identity, slug));
        }
    }

    private Badge badgeFor(String id, String queryToken) {
        // These endpoints also admit an anonymous caller with ?t=, so no role annotation triggers the
        // sign-in: ask for the caller's identity here (authentication is not proactive).
        SecurityIdentity identity = identities.getDeferredIdentity().await().indefinitely();
        if (StaffIdentity.isOrganizer(identity)) {
            requireScope(identity, id);
        } else {
            String token = queryToken != null ? queryToken : StaffIdentity.manageToken(identity);
            if (token == null) {
                throw new DomainException(identity.isAnonymous() ? CommonError.UNAUTHORIZED : CommonError.FORBIDDEN,
                        identity.isAnonymous() ? "Sign in, or use the delegate's manage link" : "Organizers only");
            }
            if (!registrations.tokenMatches(id, token)) {
                throw new DomainException(CommonError.FORBIDDEN, "This token does not open that registration");
            }
        }
        return badges.current(id);
    }
}
