package org.forumpass.visa;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.common.EventScope;
import org.forumpass.common.PageView;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Roles;
import org.forumpass.visa.VisaLetterRecords.ListItem;

/** The organizers' list of an event's letters. */
@Path("/api/v1/events/{slug}/visa-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Visa letters")
public class VisaLetterListResource {
    @Inject
    VisaLetterService letters;
    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "The event's letters, requested ones first (?state=REQUESTED|ISSUED|REJECTED|REVOKED, page, size)")
    public PageView<ListItem> list(@PathParam("slug") String slug, @QueryParam("state") String state,
                                   @QueryParam("page") String page, @QueryParam("size") String size) {
        EventScope.requireEvent(identity, slug);
        Violations v = new Violations();
        VisaLetterState s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = VisaLetterState.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.rule("state", "visa_letter_state", Map.of("values", Arrays.toString(VisaLetterState.values())));
            }
        }
        PageView.Request paging = PageView.Request.of(page, size, v);
        v.throwIfAny();
        return letters.list(slug, s, paging.page(), paging.size());
    }
}
