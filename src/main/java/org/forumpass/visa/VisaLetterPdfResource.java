package org.forumpass.visa;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.audit.AuditAction;
import org.forumpass.audit.AuditService;
import org.forumpass.common.Roles;
import org.forumpass.registration.RegistrationService;
import org.forumpass.staff.StaffIdentity;

/** The issued letter as a PDF (its own root path: JAX-RS picks a root class by its literal prefix). */
@Path("/api/v1/registrations/{id}/visa-letter.pdf")
@Tag(name = "Visa letters")
public class VisaLetterPdfResource {
    @Inject
    VisaLetterService letters;
    @Inject
    VisaLetterAccess access;
    @Inject
    SecurityIdentity identity;
    @Inject
    AuditService audit;
    @Inject
    RegistrationService registrations;

    @GET
    @Produces("application/pdf")
    @RolesAllowed({Roles.ORGANIZER, Roles.DELEGATE})
    @Operation(summary = "The issued letter: one A4 page in English and Chinese (409 visa_letter.not_issued otherwise); "
            + "an organizer's download is audited")
    public Response pdf(@PathParam("id") String id) {
        String actor = access.check(identity, id);
        byte[] pdf = letters.pdf(id);
        if (StaffIdentity.isOrganizer(identity)) {
            audit.record(actor, AuditAction.VISA_LETTER_DOWNLOADED, registrations.eventSlugOf(id).orElse(null), id, null);
        }
        return attachment(pdf);
    }

    /** The PDF answer: private, not kept by caches, saved under a plain name. */
    public static Response attachment(byte[] pdf) {
        return Response.ok(pdf).type("application/pdf").header("Cache-Control", "private, no-store")
                .header("Content-Disposition", "attachment; filename=\"visa-invitation-letter.pdf\"").build();
    }
}
