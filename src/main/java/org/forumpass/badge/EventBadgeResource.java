package org.forumpass.badge;

import org.forumpass.common.EventScope;
import org.forumpass.audit.AuditAction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.common.Roles;

/** Every confirmed delegate's badge in one print-ready PDF, sorted for handing out. */
@Path("/api/v1/events/{slug}/badges.pdf")
@Tag(name = "Badges")
public class EventBadgeResource {
    @Inject
    BadgePrinting printing;
    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;
    @Inject
    org.forumpass.audit.AuditService audit;


    @GET
    @Produces("application/pdf")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Badges of every confirmed delegate, sorted by country then family name;"
            + " filters country, category, organization; ?layout=a6 (default) or a4x4")
    public Response all(@PathParam("slug") String slug, @QueryParam("country") String country,
                        @QueryParam("category") String category, @QueryParam("organization") String organization,
                        @QueryParam("layout") String layout) {
        EventScope.requireEvent(identity, slug);
        BadgePdf.Layout l = BadgeResource.layout(layout);
        List<BadgePdf.Card> cards = printing.print(slug, country, category, organization); // issue 15: marks them printed
        audit.record(identity, AuditAction.EXPORT, slug, null, "badges.pdf country=" + country + " category=" + category
                + " organization=" + organization + " (" + cards.size() + " badges)");
        StreamingOutput body = out -> BadgePdf.write(cards, l, out);
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"badges-" + slug + ".pdf\"")
                .header("X-Badge-Count", cards.size()).build();
    }
}
