package org.forumpass.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import org.forumpass.common.PublicUrl;

/**
 * Refuses form posts that another site's page made a delegate's browser send (cross-site request forgery).
 * Browsers name the page a form came from in {@code Origin} (every current one does on a POST), or else in
 * {@code Referer}: it must be the public address or the host the browser addressed ({@code Host}, which a
 * page on another site cannot choose). A post with neither header comes from a script, not a tricked
 * browser, and is let through; the manage cookie is SameSite=Lax besides.
 */
@ApplicationScoped
public class FormOrigin {
    @Inject
    PublicUrl publicUrl;

    boolean foreign(HttpHeaders headers) {
        String origin = headers.getHeaderString("Origin");
        String claimed;
        if (origin != null && !origin.isBlank()) {
            claimed = PublicUrl.originOf(origin); // "null" (a sandboxed or privacy-stripped page) is no origin
        } else {
            String referer = headers.getHeaderString("Referer");
            if (referer == null || referer.isBlank()) {
                return false;
            }
            claimed = PublicUrl.originOf(referer);
        }
        if (claimed == null) {
            return true;
        }
        if (claimed.equals(publicUrl.origin())) {
            return false;
        }
        String host = headers.getHeaderString("Host");
        return host == null || !claimed.substring(claimed.indexOf("://") + 3).equals(hostAuthority(host));
    }

    private static String hostAuthority(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.endsWith(":80") || h.endsWith(":443") ? h.substring(0, h.lastIndexOf(':')) : h;
    }
}
