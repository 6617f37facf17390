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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.forumpass.registration.RegistrationService;
import org.forumpass.visa.VisaLetterPdfResource;
import org.forumpass.visa.VisaLetterService;

/** Issue 15: the manage page's download link of the issued letter, opened with the manage cookie (no token in the URL). */
@Path("/r/{id}/visa-letter.pdf")
@PermitAll
public class ManageVisaLetterPdf {
    @Inject
    RegistrationService registrations;
    @Inject
    VisaLetterService letters;

    @GET
    @Produces("application/pdf")
    @Operation(hidden = true)
    public Response pdf(@PathParam("id") String id, @Context HttpHeaders headers) {
        ManageVisaLetter.requireCookie(registrations, id, headers);
        return VisaLetterPdfResource.attachment(letters.pdf(id));
    }
}
