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

/**
 * The installation's certificate authority (see {@link LocalTls}), for door devices to trust: over plain HTTP,
 * since a device cannot open the HTTPS address before it trusts it. It is public (no key); the fingerprint printed
 * at start-up and shown on the door page is how staff check that the file they installed is this one.
 */
@Path("/ca.crt")
@PermitAll
public class CaCertificateResource {
    @Inject
    LocalHttps https;

    @GET
    @Operation(hidden = true)
    public Response ca() {
        java.nio.file.Path file = https.authority().orElseThrow(NotFoundException::new);
        try {
            return Response.ok(Files.readAllBytes(file), "application/x-x509-ca-cert")
                    .header("Content-Disposition", "attachment; filename=\"forumpass-venue-ca.crt\"")
                    .header("Cache-Control", "no-cache").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
