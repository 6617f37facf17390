package org.forumpass.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.forumpass.common.tls.LocalTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate made for HTTPS out of the box: what a browser on a door device checks of it. */
class LocalTlsTest {
    @TempDir
    Path dir;

    @Test
    void aServerCertificateForEveryNameSignedByTheInstallationsAuthority() throws Exception {
        LocalTls.Files3 tls = LocalTls.ensure(dir, List.of("localhost", "127.0.0.1", "::1", "door.venue.test", "192.168.1.20"));
        assertTrue(tls.issued());
        X509Certificate ca = LocalTls.read(tls.caCert()).get(0);
        List<X509Certificate> chain = LocalTls.read(tls.serverCert());
        assertEquals(2, chain.size(), "the server sends its certificate and the authority's");
        X509Certificate server = chain.get(0);

        // a PKIX validation with the authority as the only trust anchor: what a device that trusts ca.crt does
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(server)), params);

        Set<String> names = server.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("localhost", "127.0.0.1", "door.venue.test", "192.168.1.20")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("0:0:0:0:0:0:0:1")), "::1 as an address: " + names);
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), server.getExtendedKeyUsage(), "for TLS servers only");
        assertEquals(-1, server.getBasicConstraints(), "not an authority itself");
        assertTrue(ca.getBasicConstraints() >= 0, "the authority may sign");
        assertTrue(server.getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(398))), "at most 397 days, as browsers ask");
        assertEquals("SHA256withECDSA", server.getSigAlgName());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.key"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.serverKey())));
        assertTrue(LocalTls.fingerprint(tls.caCert()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
    }

    @Test
    void keptAcrossStartsAndIssuedAgainForANewAddressUnderTheSameAuthority() throws Exception {
        LocalTls.Files3 first = LocalTls.ensure(dir, List.of("localhost", "10.0.0.5"));
        String caPrint = LocalTls.fingerprint(first.caCert());
        String serverPrint = LocalTls.fingerprint(first.serverCert());

        LocalTls.Files3 again = LocalTls.ensure(dir, List.of("localhost", "10.0.0.5"));
        assertFalse(again.issued(), "nothing changed: the same certificate");
        assertEquals(serverPrint, LocalTls.fingerprint(again.serverCert()));

        LocalTls.Files3 moved = LocalTls.ensure(dir, List.of("localhost", "10.0.0.5", "172.16.4.9"));
        assertTrue(moved.issued(), "the machine joined the venue's network: a new address");
        assertNotEquals(serverPrint, LocalTls.fingerprint(moved.serverCert()));
        assertEquals(caPrint, LocalTls.fingerprint(moved.caCert()), "devices that trust the authority keep trusting it");
    }

    @Test
    void thisMachinesNamesAndAddressesWithTheConfiguredOnes() {
        Set<String> hosts = LocalTls.localHosts(List.of(" Forum.Example.ORG ", ""));
        assertTrue(hosts.containsAll(List.of("localhost", "127.0.0.1", "forum.example.org")), hosts.toString());
        assertTrue(hosts.containsAll(LocalTls.lanAddresses()));
    }
}
