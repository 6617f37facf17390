package org.forumpass.common.tls;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.forumpass.common.ForumPassConfig;

/**
 * The installation's certificate authority (see {@link LocalTls}), for door devices to trust: over plain HTTP,
 * since a device cannot open the HTTPS address before it trusts it. It is public (no key); the fingerprint printed
 * at start-up and shown on the door page is how staff check that the file they installed is this one.
 */
@Path("/ca.crt")
@PermitAll
public class CaCertificateResource {
    @Inject
    ForumPassConfig config;

    @GET
    @Operation(hidden = true)
    public Response ca() {
        java.nio.file.Path file = config.tls().ca().map(java.nio.file.Path::of).filter(Files::isReadable)
                .orElseThrow(NotFoundException::new);
        try {
            return Response.ok(Files.readAllBytes(file), "application/x-x509-ca-cert")
                    .header("Content-Disposition", "attachment; filename=\"forumpass-venue-ca.crt\"")
                    .header("Cache-Control", "no-cache").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of the authority, as AB:CD:…, or empty when HTTPS is not made here. */
    public String fingerprint() {
        return config.tls().ca().map(java.nio.file.Path::of).filter(Files::isReadable).map(LocalTls::fingerprint).orElse("");
    }
}
