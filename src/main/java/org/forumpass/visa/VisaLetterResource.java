package org.forumpass.visa;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.common.Roles;
import org.forumpass.visa.VisaLetterRecords.LetterView;
import org.forumpass.visa.VisaLetterRecords.RejectRequest;

/** A registration's visa invitation letter: asked for by the delegate (or their focal point, or an organizer), decided by organizers. */
@Path("/api/v1/registrations/{id}/visa-letter")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Visa letters")
public class VisaLetterResource {
    @Inject
    VisaLetterService letters;
    @Inject
    VisaLetterAccess access;
    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed({Roles.ORGANIZER, Roles.DELEGATE})
    @Operation(summary = "Ask for the letter (needs the event's letters enabled, a CONFIRMED registration and a passport on file)")
    public LetterView request(@PathParam("id") String id) {
        return letters.request(id, access.check(identity, id));
    }

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.DELEGATE})
    @Operation(summary = "The letter's state, reference, requestedAt, issuedAt and rejection reason")
    public LetterView get(@PathParam("id") String id) {
        access.check(identity, id);
        return letters.view(id);
    }

    @POST
    @Path("/approve")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Issue a requested letter: it gets a reference and the delegate an e-mail")
    public LetterView approve(@PathParam("id") String id) {
        return letters.approve(id, access.check(identity, id));
    }

    @POST
    @Path("/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Reject a requested letter with a reason the delegate reads (1-500 characters)")
    public LetterView reject(@PathParam("id") String id, RejectRequest body) {
        return letters.reject(id, body == null ? null : body.reason(), access.check(identity, id));
    }
}
