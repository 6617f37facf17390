package org.forumpass.common.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * HTTPS out of the box for a server on a venue's network: a certificate authority of this installation (kept in
 * {@code data/tls/ca.crt}, its key beside it, made once, ten years) and a server certificate it signs for every name
 * and address this machine answers on (localhost, its host name, {@code <host>.local}, each network interface's
 * address, and {@code FORUMPASS_TLS_HOSTS}). Door devices trust the authority once (its SHA-256 fingerprint is printed
 * at start-up and shown on {@code /ca.crt}); the server certificate is issued again at start-up when an address was
 * added (the laptop moved to the venue's network) or when less than 30 days are left, and stays trusted.
 * ECDSA P-256 with SHA-256; the JDK alone, no certificate library.
 */
public final class LocalTls {
    static final Duration CA_LIFE = Duration.ofDays(3650);
    static final Duration SERVER_LIFE = Duration.ofDays(397);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The files in use: the authority devices trust, the server's chain (server then authority) and its key. */
    public record Files3(Path caCert, Path serverCert, Path serverKey, boolean issued) {
    }

    private LocalTls() {
    }

    /** Makes the authority if missing and a server certificate covering {@code hosts} if the one there does not. */
    public static synchronized Files3 ensure(Path dir, Collection<String> hosts) {
        try {
            Files.createDirectories(dir);
            ownerOnly(dir, "rwx------");
            Path caCert = dir.resolve("ca.crt");
            Path caKey = dir.resolve("ca.key");
            Path cert = dir.resolve("server.crt");
            Path key = dir.resolve("server.key");
            if (!Files.exists(caCert) || !Files.exists(caKey)) {
                KeyPair ca = newKey();
                String id = HexFormat.of().withUpperCase().formatHex(random(3));
                byte[] der = certificate(ca.getPublic(), ca.getPrivate(), ca.getPublic(), name("ForumPass venue CA " + id),
                        "ForumPass venue CA " + id, CA_LIFE, List.of(), true);
                write(caKey, pem("PRIVATE KEY", ca.getPrivate().getEncoded()), true);
                write(caCert, pem("CERTIFICATE", der), false);
                Files.deleteIfExists(cert);
            }
            X509Certificate authority = read(caCert).get(0);
            Set<String> wanted = new LinkedHashSet<>(hosts);
            if (Files.exists(cert) && Files.exists(key) && current(read(cert).get(0), authority, wanted)) {
                return new Files3(caCert, cert, key, false);
            }
            PrivateKey caPrivate = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(unpem(caKey)));
            KeyPair server = newKey();
            String cn = wanted.isEmpty() ? "localhost" : wanted.iterator().next();
            byte[] der = certificate(server.getPublic(), caPrivate, authority.getPublicKey(),
                    authority.getSubjectX500Principal().getEncoded(), cn, SERVER_LIFE, List.copyOf(wanted), false);
            write(key, pem("PRIVATE KEY", server.getPrivate().getEncoded()), true);
            write(cert, pem("CERTIFICATE", der) + pem("CERTIFICATE", authority.getEncoded()), false);
            return new Files3(caCert, cert, key, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not make the server's certificate: " + e.getMessage(), e);
        }
    }

    /** The names and addresses of this machine a door device may use, then the extra ones. */
    public static Set<String> localHosts(Collection<String> extra) {
        Set<String> hosts = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        String host = hostName();
        if (host != null) {
            hosts.add(host);
            if (!host.contains(".")) {
                hosts.add(host + ".local");
            }
        }
        hosts.addAll(lanAddresses());
        for (String e : extra) {
            if (!e.isBlank()) {
                hosts.add(e.strip().toLowerCase(Locale.ROOT));
            }
        }
        return hosts;
    }

    /** The addresses of the interfaces that are up, IPv4 first, without loopback and link-local ones. */
    public static List<String> lanAddresses() {
        List<String> v4 = new ArrayList<>();
        List<String> v6 = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()) {
                        continue;
                    }
                    String text = a.getHostAddress().replaceFirst("%.*$", "");
                    (a instanceof Inet6Address ? v6 : v4).add(text);
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        v4.addAll(v6);
        return v4;
    }

    /** SHA-256 of the first certificate in a PEM file, as AB:CD:… (what a device shows for it). */
    public static String fingerprint(Path pem) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(read(pem).get(0).getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<X509Certificate> read(Path pem) throws IOException, GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (var c : factory.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(pem)))) {
            out.add((X509Certificate) c);
        }
        if (out.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + pem);
        }
        return out;
    }

    private static boolean current(X509Certificate cert, X509Certificate authority, Set<String> wanted) {
        try {
            cert.verify(authority.getPublicKey());
            if (cert.getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE))) {
                return false;
            }
            Set<String> names = new LinkedHashSet<>();
            if (cert.getSubjectAlternativeNames() != null) {
                for (List<?> san : cert.getSubjectAlternativeNames()) {
                    names.add(normalise(String.valueOf(san.get(1))));
                }
            }
            return wanted.stream().map(LocalTls::normalise).allMatch(names::contains);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String normalise(String host) {
        if (host.contains(":")) {
            try {
                return InetAddress.getByName(host).getHostAddress().replaceFirst("%.*$", "");
            } catch (IOException e) {
                return host;
            }
        }
        return host.toLowerCase(Locale.ROOT);
    }

    static byte[] certificate(PublicKey subjectKey, PrivateKey signer, PublicKey issuerKey, byte[] issuer, String subject,
                              Duration life, List<String> hosts, boolean authority) throws GeneralSecurityException {
        ZonedDateTime from = ZonedDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0);
        byte[] algorithm = Der.seq(Der.oid(ECDSA_SHA256));
        List<byte[]> extensions = new ArrayList<>();
        extensions.add(extension("2.5.29.19", true, authority ? Der.seq(Der.bool(true), Der.integer(BigInteger.ZERO)) : Der.seq()));
        // keyUsage: digitalSignature (bit 0), keyCertSign (5) and cRLSign (6) for the authority
        extensions.add(extension("2.5.29.15", true, authority ? Der.bits(new byte[] {(byte) 0x86}, 1) : Der.bits(new byte[] {(byte) 0x80}, 7)));
        if (!authority) {
            extensions.add(extension("2.5.29.37", false, Der.seq(Der.oid("1.3.6.1.5.5.7.3.1"))));
            List<byte[]> names = new ArrayList<>();
            for (String h : hosts) {
                names.add(isAddress(h) ? Der.implicit(7, address(h)) : Der.implicit(2, h.getBytes(StandardCharsets.US_ASCII)));
            }
            extensions.add(extension("2.5.29.17", false, Der.seq(names.toArray(byte[][]::new))));
        }
        extensions.add(extension("2.5.29.14", false, Der.octets(keyId(subjectKey))));
        extensions.add(extension("2.5.29.35", false, Der.seq(Der.implicit(0, keyId(issuerKey)))));
        byte[] tbs = Der.seq(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(1, random(16))),
                algorithm,
                issuer,
                Der.seq(Der.time(from), Der.time(from.plus(life))),
                name(subject),
                subjectKey.getEncoded(),
                Der.explicit(3, Der.seq(extensions.toArray(byte[][]::new))));
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(signer);
        s.update(tbs);
        return Der.seq(tbs, algorithm, Der.bits(s.sign(), 0));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? Der.seq(Der.oid(oid), Der.bool(true), Der.octets(value)) : Der.seq(Der.oid(oid), Der.octets(value));
    }

    private static byte[] name(String cn) {
        return Der.seq(Der.set(Der.seq(Der.oid("2.5.4.10"), Der.utf8("ForumPass"))), Der.set(Der.seq(Der.oid("2.5.4.3"), Der.utf8(cn))));
    }

    /** The SHA-1 of the key's bits (RFC 5280 4.2.1.2, method 1), good enough to tell keys apart; nothing rests on it. */
    private static byte[] keyId(PublicKey key) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-1").digest(key.getEncoded());
    }

    private static boolean isAddress(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static byte[] address(String host) {
        try {
            return InetAddress.getByName(host).getAddress(); // a literal: no lookup
        } catch (IOException e) {
            throw new IllegalArgumentException("not an address: " + host, e);
        }
    }

    private static KeyPair newKey() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip().toLowerCase(Locale.ROOT);
        }
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                String h = Files.readString(etc).strip();
                return h.isEmpty() ? null : h.toLowerCase(Locale.ROOT);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }

    private static void write(Path file, String text, boolean secret) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        ownerOnly(tmp, secret ? "rw-------" : "rw-r--r--");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void ownerOnly(Path p, String mode) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }
}
