package org.forumpass.event;

import org.forumpass.common.EventScope;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.common.Roles;

@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Events and sessions")
public class EventResource {
    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;
    @Inject
    EventService events;

    @GET
    @PermitAll
    @Operation(summary = "The event catalogue")
    public List<EventSummary> catalogue() {
        return events.catalogue();
    }

    @GET
    @Path("/{slug}")
    @PermitAll
    @Operation(summary = "One event with its agenda (to its organizers also its visaLetter settings; to its organizers "
            + "and door staff its access zones)")
    public EventView get(@PathParam("slug") String slug) {
        if (identity.hasRole(Roles.ORGANIZER) && EventScope.covers(identity, slug)) {
            return events.organizerView(slug);
        }
        if (identity.hasRole(Roles.DOOR) && EventScope.covers(identity, slug)) {
            return events.doorView(slug);
        }
        return events.view(slug);
    }

    @POST
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Create an event, optionally with its sessions")
    public Response create(EventRequest body, @Context UriInfo uri) {
        EventScope.requireAllEvents(identity);
        EventView view = events.create(body);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/events/{slug}").build(view.slug())).entity(view).build();
    }

    @PUT
    @Path("/{slug}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Update an event (its sessions are changed through their own endpoints)")
    public EventView update(@PathParam("slug") String slug, EventRequest body) {
        EventScope.requireEvent(identity, slug);
        return events.update(slug, body);
    }

    @POST
    @Path("/{slug}/sessions")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Add a session to the agenda")
    public Response addSession(@PathParam("slug") String slug, SessionRequest body, @Context UriInfo uri) {
        EventScope.requireEvent(identity, slug);
        SessionView view = events.addSession(slug, body);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/events/{slug}/sessions/{code}").build(slug, view.code()))
                .entity(view).build();
    }

    @PUT
    @Path("/{slug}/sessions/{code}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Update a session")
    public SessionView updateSession(@PathParam("slug") String slug, @PathParam("code") String code, SessionRequest body) {
        EventScope.requireEvent(identity, slug);
        return events.updateSession(slug, code, body);
    }

    @DELETE
    @Path("/{slug}/sessions/{code}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Delete a session")
    public Response deleteSession(@PathParam("slug") String slug, @PathParam("code") String code) {
        EventScope.requireEvent(identity, slug);
        events.deleteSession(slug, code);
        return Response.noContent().build();
    }
}
