package org.forumpass.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address delegates' links point to: FORUMPASS_PUBLIC_URL, or else the configured HTTP host and port.
 * Never the request's Host header, which the sender chooses (a forged one would put its own host into
 * a private link).
 */
@ApplicationScoped
public class PublicUrl {
    @Inject
    ForumPassConfig config;
    @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0")
    String host;
    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    /** Without a trailing slash, e.g. https://register.example.org or http://localhost:8080. */
    public String base() {
        return config.publicUrl().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.replaceAll("/+$", ""))
                .orElseGet(() -> "http://" + hostName() + ":" + port);
    }

    /** Whether delegates reach the service over https (cookies are then Secure). */
    public boolean secure() {
        return base().toLowerCase(Locale.ROOT).startsWith("https://");
    }

    /** scheme://host[:port] of {@link #base()}, as a browser sends it in an Origin header. */
    public String origin() {
        return originOf(base());
    }

    /** scheme://host[:port] of a URL, lower case, without a default port; null when it is not one. */
    public static String originOf(String url) {
        try {
            URI u = URI.create(url.strip());
            if (u.getScheme() == null || u.getHost() == null) {
                return null;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int p = u.getPort();
            boolean standard = p < 0 || ("http".equals(scheme) && p == 80) || ("https".equals(scheme) && p == 443);
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (standard ? "" : ":" + p);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String hostName() {
        return switch (host) {
            case "0.0.0.0", "::", "[::]", "" -> "localhost";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
    }
}
