package org.forumpass.visa;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.common.EventScope;
import org.forumpass.common.Roles;
import org.forumpass.visa.VisaLetterRecords.Settings;

/** An event's visa letter settings (the event's {@code visaLetter}): organizers of the event. */
@Path("/api/v1/events/{slug}/visa-letter")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Visa letters")
public class VisaSettingsResource {
    @Inject
    VisaLetterService letters;
    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "The event's visaLetter: {enabled, issuer: {name: {en, zh}, address: {en, zh}, signatory, "
            + "title: {en, zh}}, purpose: {en, zh}}")
    public Settings get(@PathParam("slug") String slug) {
        EventScope.requireEvent(identity, slug);
        return letters.settings(slug);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Set the event's visaLetter; when enabled every part is required in both languages (audited)")
    public Settings put(@PathParam("slug") String slug, Settings body) {
        EventScope.requireEvent(identity, slug);
        return letters.saveSettings(slug, body, identity.getPrincipal().getName());
    }
}
