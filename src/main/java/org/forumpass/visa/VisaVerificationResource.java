package org.forumpass.visa;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public check of a letter's reference (what its QR code opens): a consulate needs no account. */
@Path("/api/v1/visa-letters/{reference}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Visa letters")
public class VisaVerificationResource {
    @Inject
    VisaLetterService letters;

    @GET
    @PermitAll
    @Operation(summary = "Verify a letter: {valid, state, reference, event, issuedOn, holder (initials), passportNumberLast4}; "
            + "404 visa_letter.not_found")
    public Response verify(@PathParam("reference") String reference) {
        return Response.ok(letters.verify(reference)).header("Cache-Control", "no-store").build();
    }
}
