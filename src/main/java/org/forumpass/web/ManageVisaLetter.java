package org.forumpass.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.forumpass.common.error.CommonError;
import org.forumpass.common.error.DomainException;
import org.forumpass.registration.RegistrationService;
import org.forumpass.visa.VisaLetterService;

/**
 * Issue 15: the manage page's Request button (a plain form, with the manage cookie rather than a token in the page);
 * back to the page, which shows the letter's state, or why it could not be asked for. Same checks as
 * {@code POST /api/v1/registrations/{id}/visa-letter}.
 */
@Path("/r/{id}/visa-letter")
@PermitAll
public class ManageVisaLetter {
    @Inject
    RegistrationService registrations;
    @Inject
    VisaLetterService letters;
    @Inject
    FormOrigin formOrigin;

    @POST
    @Operation(hidden = true)
    public Response request(@PathParam("id") String id, @QueryParam("lang") String langParam, @Context HttpHeaders headers) {
        if (formOrigin.foreign(headers)) {
            throw new DomainException(CommonError.FORBIDDEN, "The request must come from this site's own page");
        }
        requireCookie(registrations, id, headers);
        String lang = langParam == null ? "" : "&lang=" + Lang.resolve(langParam, headers);
        try {
            letters.request(id, VisaLetterService.DELEGATE);
            return seeOther("/r/" + id + "?visa=requested" + lang + "#visa");
        } catch (DomainException e) {
            return seeOther("/r/" + id + (lang.isEmpty() ? "" : "?" + lang.substring(1)) + "#visa"); // the section says why
        }
    }

    static void requireCookie(RegistrationService registrations, String id, HttpHeaders headers) {
        var c = headers.getCookies().get(RegistrationPages.cookieName(id));
        if (c == null || c.getValue().isBlank() || !registrations.tokenMatches(id, c.getValue())) {
            throw new DomainException(CommonError.FORBIDDEN, "Open your registration with the link from your e-mail first");
        }
    }

    private static Response seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, path).build();
    }
}
