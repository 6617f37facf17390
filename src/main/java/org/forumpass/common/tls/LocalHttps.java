package org.forumpass.common.tls;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.forumpass.common.ForumPassConfig;

/**
 * What the start-up banner and the door page say about HTTPS: whether it is served, on which port, and the
 * SHA-256 fingerprint devices check (the installation's authority when {@link LocalTls} made the certificate, else
 * the configured certificate), read once.
 */
@ApplicationScoped
public class LocalHttps {
    @Inject
    ForumPassConfig config;

    private volatile String fingerprint;

    /** The certificate file served, when HTTPS is on. */
    public Optional<String> certificate() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.http.ssl.certificate.files", String.class)
                .map(files -> files.split(",")[0].strip());
    }

    public boolean enabled() {
        return certificate().isPresent();
    }

    /** The HTTPS port bound (a test's random one is known only once bound). */
    public int port() {
        String bound = System.getProperty(LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-ssl-port" : "quarkus.http.ssl-port");
        if (bound != null && bound.matches("\\d+") && !"0".equals(bound)) {
            return Integer.parseInt(bound);
        }
        return ConfigProvider.getConfig().getOptionalValue("quarkus.http.ssl-port", Integer.class).orElse(8443);
    }

    /** The authority's file devices install, when the certificate was made here. */
    public Optional<Path> authority() {
        return config.tls().ca().map(Path::of).filter(Files::isReadable);
    }

    /** SHA-256 of what devices trust, as AB:CD:…; empty when HTTPS is off. */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            f = authority().or(() -> certificate().map(Path::of)).map(LocalTls::fingerprint).orElse("");
            fingerprint = f;
        }
        return f;
    }
}
