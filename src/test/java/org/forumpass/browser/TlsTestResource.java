package org.forumpass.browser;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.forumpass.common.tls.LocalTls;

/**
 * HTTPS in the tests as the packaged app has it out of the box: the installation's authority and a server
 * certificate made by {@link LocalTls} (here for localhost and door.venue.test, the name the door tests give the
 * server), served on a random port beside HTTP.
 */
public class TlsTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String VENUE_HOST = "door.venue.test";
    static final Path DIR = Path.of("target", "test-tls");

    @Override
    public Map<String, String> start() {
        LocalTls.Files3 tls = LocalTls.ensure(DIR, LocalTls.localHosts(List.of(VENUE_HOST)));
        return Map.of("quarkus.http.ssl.certificate.files", tls.serverCert().toAbsolutePath().toString(),
                "quarkus.http.ssl.certificate.key-files", tls.serverKey().toAbsolutePath().toString(),
                "quarkus.http.test-ssl-port", "0",
                "forumpass.tls.ca", tls.caCert().toAbsolutePath().toString());
    }

    @Override
    public void stop() {
    }

    /** base64(SHA-256(SubjectPublicKeyInfo)) of the server's certificate: what chromium is told to trust. */
    static String serverSpki() throws Exception {
        byte[] spki = LocalTls.read(DIR.resolve("server.crt")).get(0).getPublicKey().getEncoded();
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
    }

    static String caFingerprint() {
        return LocalTls.fingerprint(DIR.resolve("ca.crt"));
    }
}
