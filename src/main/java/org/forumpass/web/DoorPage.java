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
import org.forumpass.common.I18n;
import org.forumpass.common.tls.LocalHttps;

/**
 * The door scanner. The page is a shell: door staff sign in on it and everything else goes through
 * the API with their token, so the page itself holds no data and needs no session.
 */
@Path("/door")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class DoorPage {
    @Inject
    @Location("door.html")
    Template door;

    @Inject
    LocalHttps https;

    @GET
    @Operation(hidden = true)
    public Response page(@QueryParam("lang") String langParam, @Context HttpHeaders headers) {
        String lang = Lang.resolve(langParam, headers);
        String texts = I18n.scriptTexts(lang, "door.", "category.");
        boolean on = https.enabled();
        return PageResource.page(door.data("lang", lang).data("texts", texts).data("httpsPort", on ? https.port() : 0)
                .data("caFingerprint", on && https.authority().isPresent() ? https.fingerprint() : "")
                .setLocale(Lang.locale(lang)).render(), langParam, lang);
    }
}
