package org.forumpass.checkin;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.audit.AuditAction;
import org.forumpass.audit.AuditService;
import org.forumpass.common.EventScope;
import org.forumpass.common.Roles;
import org.forumpass.event.EventService;

/** Issue 16: the protocol officers' live board of VIP arrivals, as server-sent events. */
@Path("/api/v1/events/{slug}/arrivals")
@Tag(name = "Check-in")
public class ArrivalsResource {
    @Inject
    Arrivals arrivals;
    @Inject
    EventService events;
    @Inject
    SecurityIdentity identity;
    @Inject
    AuditService audit;

    /**
     * Blocking for the checks (scope, the event exists, the audit), which answer problem+json before the stream
     * opens; the stream itself holds no thread.
     */
    @GET
    @Blocking
    @RolesAllowed(Roles.ORGANIZER)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Each VIP's first check-in at any door (event: arrival, id: the registration id), those already"
            + " arrived first, then the comment caught-up; a comment every 15 s keeps the stream open")
    public Multi<OutboundSseEvent> arrivals(@PathParam("slug") String slug, @Context Sse sse) {
        EventScope.requireEvent(identity, slug);
        events.require(slug);
        // the board lists people: opening it is recorded as a search of the delegates is
        audit.record(identity, AuditAction.VIEW_ARRIVALS, slug, null, null);
        return arrivals.follow(slug).map(item -> item.comment()
                ? sse.newEventBuilder().comment(item.json()).build()
                : sse.newEventBuilder().id(item.id()).name("arrival")
                        .data(String.class, item.json()).build());
    }
}
