package org.forumpass.form;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
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
import org.forumpass.audit.AuditAction;
import org.forumpass.audit.AuditService;
import org.forumpass.common.EventScope;
import org.forumpass.common.Roles;
import org.forumpass.form.FormRecords.FieldDef;
import org.forumpass.form.FormRecords.FormDefinition;

/** The event's form: public to read (the registration page shows it), organizers of the event change it. */
@Path("/api/v1/events/{slug}/form")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Events and sessions")
public class FormResource {
    @Inject
    SecurityIdentity identity;
    @Inject
    FormService forms;
    @Inject
    AuditService audit;

    @GET
    @PermitAll
    @Operation(summary = "The event's own registration fields (public)")
    public FormDefinition get(@PathParam("slug") String slug) {
        return forms.get(slug);
    }

    @PUT
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Replace the event's registration fields; answers already given are kept (audited)")
    public FormDefinition put(@PathParam("slug") String slug, FormDefinition body) {
        EventScope.requireEvent(identity, slug);
        FormDefinition saved = forms.put(slug, body);
        audit.record(identity, AuditAction.FORM_CHANGED, slug, null, saved.fields().size() + " fields: "
                + String.join(", ", saved.fields().stream().map(FieldDef::key).toList()));
        return saved;
    }
}
