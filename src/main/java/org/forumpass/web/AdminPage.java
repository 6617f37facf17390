package org.forumpass.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.forumpass.audit.AuditAction;
import org.forumpass.common.I18n;
import org.forumpass.event.Category;
import org.forumpass.event.SessionType;
import org.forumpass.registration.RegistrationStatus;

/** The organizers' console: a shell whose script signs in and works through the API with the organizer's token. */
@Path("/admin")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class AdminPage {
    @Inject
    @Location("admin.html")
    Template admin;

    @GET
    @Operation(hidden = true)
    public Response page(@QueryParam("lang") String langParam, @Context HttpHeaders headers) {
        String lang = Lang.resolve(langParam, headers);
        // violation.*: the Delegations tab says the API's field violations in the console's language (issue 15);
        // scan.*: the Door conflicts tab words the doors' verdicts as the door page does (issue 16)
        // session_type.*: the Events tab names session types in words (issue 17)
        String texts = I18n.scriptTexts(lang, "admin.", "category.", "status.", "violation.", "scan.", "session_type.");
        // issue 17: the filters' and forms' options are the API's values, named in the console's language by admin.js
        return PageResource.page(admin.data("lang", lang).data("texts", texts).data("countries", Countries.list(lang))
                .data("categories", Category.values()).data("statuses", RegistrationStatus.values())
                .data("actions", AuditAction.values()).data("sessionTypes", SessionType.values())
                .setLocale(Lang.locale(lang)).render(),
                langParam, lang);
    }
}
