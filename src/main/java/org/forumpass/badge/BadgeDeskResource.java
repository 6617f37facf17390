package org.forumpass.badge;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.audit.AuditAction;
import org.forumpass.audit.AuditService;
import org.forumpass.common.EventScope;
import org.forumpass.common.PageView;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Roles;

/** Issue 15: the accreditation desk's list of an event's current badges, printed or not, collected or not. */
@Path("/api/v1/events/{slug}/badges")
@Tag(name = "Badges")
public class BadgeDeskResource {
    @Inject
    BadgeDesk desk;
    @Inject
    SecurityIdentity identity;
    @Inject
    AuditService audit;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Current badges with their delegates, sorted as badges.pdf prints them; ?collected=true|false,"
            + " ?printed=true|false (collected=false alone: printed but never collected), page, size")
    public PageView<DeskBadgeView> list(@PathParam("slug") String slug, @QueryParam("collected") String collected,
                                        @QueryParam("printed") String printed, @QueryParam("page") String page,
                                        @QueryParam("size") String size) {
        EventScope.requireEvent(identity, slug);
        Violations v = new Violations();
        PageView.Request paging = PageView.Request.of(page, size, v);
        BadgeDesk.Filter filter = BadgeDesk.Filter.of(collected, printed, v);
        v.throwIfAny();
        PageView<DeskBadgeView> found = desk.list(slug, filter, paging.page(), paging.size());
        audit.record(identity, AuditAction.SEARCH, slug, null, "badges collected=" + collected + " printed=" + printed
                + " page=" + paging.page());
        return found;
    }
}
