package org.forumpass.checkin;

import org.forumpass.common.EventScope;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.checkin.CheckInRecords.BatchAnswer;
import org.forumpass.checkin.CheckInRecords.BatchRequest;
import org.forumpass.checkin.CheckInRecords.ScanAnswer;
import org.forumpass.checkin.CheckInRecords.ScanRequest;
import org.forumpass.common.Languages;
import org.forumpass.common.RequestValidator;
import org.forumpass.common.Roles;

@Path("/api/v1/events/{slug}/scans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.DOOR, Roles.ORGANIZER})
@Tag(name = "Check-in")
public class ScanResource {
    @Inject
    CheckInService checkins;
    @Inject
    RequestValidator validator;
    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentIdentityAssociation identities;

    /**
     * Non-blocking: the request waits on the event loop while its scan's lane settles it with others. The
     * caller's identity is taken as a Uni: on the event loop it may still be on its way (its account being read).
     */
    @POST
    @Operation(summary = "A door scan; always 200 with a result for a well-formed request")
    public CompletionStage<ScanAnswer> scan(@PathParam("slug") String slug, ScanRequest body, @Context HttpHeaders headers) {
        String lang = Languages.of(headers);
        return identities.getDeferredIdentity().subscribeAsCompletionStage().thenCompose(caller -> {
            try {
                EventScope.requireEvent(caller, slug);
                return checkins.scan(slug, body, lang, caller.getPrincipal().getName());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    @POST
    @Blocking
    @Path("/batch")
    @Operation(summary = "Scans queued offline (up to 10,000), answered in the same order")
    public BatchAnswer batch(@PathParam("slug") String slug, BatchRequest body, @Context HttpHeaders headers) {
        EventScope.requireEvent(identity, slug);
        validator.start(body).throwIfAny();
        return new BatchAnswer(checkins.batch(slug, body.scans(), Languages.of(headers), identity.getPrincipal().getName()));
    }
}
