package org.forumpass.report;

import org.forumpass.common.EventScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.common.Roles;

@Path("/api/v1/events/{slug}/stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ORGANIZER)
@Tag(name = "Reports")
public class StatsResource {
    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;
    @Inject
    StatsService stats;

    @GET
    @Operation(summary = "Live: registrations by status, country, category and delegation; per session registered, checked in, inside now; scans per minute")
    public StatsService.Stats stats(@PathParam("slug") String slug) {
        EventScope.requireEvent(identity, slug);
        return stats.stats(slug);
    }
}
