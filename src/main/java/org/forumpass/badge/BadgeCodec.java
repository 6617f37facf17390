package org.forumpass.badge;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The string in a badge's QR code: {@code FP2.<payload>.<signature>}, both base64url without padding.
 * The 21-byte payload holds the signing key's id (1 byte), the event's tag (4 bytes of SHA-256 of its
 * slug, so a door device can tell another event's badge offline) and a random badge id (16 bytes): no
 * personal data, no database key, nothing sequential. The Ed25519 signature covers the ASCII text
 * {@code FP2.<payload>} (as JWS does), so a door device holding the published public keys can verify a
 * code offline. 119 characters in all.
 *
 * <p>Badges printed before held {@code FP1.}: a 15-byte payload of key id, event key, registration key and
 * serial. They still verify and scan (a scan looks any code up by its digest); none are issued any more.
 */
public final class BadgeCodec {
    public static final String PREFIX = "FP2.";
    public static final String LEGACY_PREFIX = "FP1.";
    /** The longest code of either format. */
    public static final int MAX_LENGTH = 120;
    private static final int PAYLOAD_BYTES = 21;
    private static final int LEGACY_PAYLOAD_BYTES = 15;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    /** What a code's signed part says: its format (1 or 2), its key id, and the event it names. */
    public record Payload(int format, int kid, String eventTag, Long legacyEventId) {
    }

    /** What an FP1 code held (kept to verify and, in tests, to make old-format codes). */
    public record LegacyPayload(int kid, long eventId, long registrationId, int serial) {
    }

    private BadgeCodec() {
    }

    /** A new code for an event: a fresh random badge id, signed. */
    public static String encode(int kid, String eventTag, PrivateKey key) {
        byte[] tag = D64.decode(eventTag);
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        ByteBuffer b = ByteBuffer.allocate(PAYLOAD_BYTES);
        b.put((byte) kid).put(tag, 0, 4).put(id);
        return sign(PREFIX + B64.encodeToString(b.array()), key);
    }

    /** An FP1 code, as issued before FP2. */
    public static String encodeLegacy(LegacyPayload p, PrivateKey key) {
        ByteBuffer b = ByteBuffer.allocate(LEGACY_PAYLOAD_BYTES);
        b.put((byte) p.kid()).putInt((int) p.eventId()).putLong(p.registrationId()).putShort((short) p.serial());
        return sign(LEGACY_PREFIX + B64.encodeToString(b.array()), key);
    }

    /** The event's tag in FP2 codes: base64url of the first 4 bytes of SHA-256 of "forumpass-event:" + slug. */
    public static String eventTag(String slug) {
        return B64.encodeToString(Arrays.copyOf(sha256(("forumpass-event:" + slug).getBytes(StandardCharsets.UTF_8)), 4));
    }

    /** Whether a scanned string may be a badge code at all (cheap: no decoding). */
    public static boolean plausible(String code) {
        return code != null && code.length() <= MAX_LENGTH && (code.startsWith(PREFIX) || code.startsWith(LEGACY_PREFIX));
    }

    /** The payload of a well-formed code of either format, without checking its signature. */
    public static Optional<Payload> read(String code) {
        if (!plausible(code)) {
            return Optional.empty();
        }
        int dot = code.indexOf('.', PREFIX.length());
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] raw = D64.decode(code.substring(PREFIX.length(), dot));
            ByteBuffer b = ByteBuffer.wrap(raw);
            if (code.startsWith(PREFIX) && raw.length == PAYLOAD_BYTES) {
                return Optional.of(new Payload(2, b.get() & 0xff, B64.encodeToString(Arrays.copyOfRange(raw, 1, 5)), null));
            }
            if (code.startsWith(LEGACY_PREFIX) && raw.length == LEGACY_PAYLOAD_BYTES) {
                return Optional.of(new Payload(1, b.get() & 0xff, null, b.getInt() & 0xffffffffL));
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the code's signature is valid under {@code key} (what an offline door device does). */
    public static boolean verify(String code, PublicKey key) {
        int dot = code == null ? -1 : code.lastIndexOf('.');
        if (read(code).isEmpty() || dot <= PREFIX.length()) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(code.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
            return s.verify(D64.decode(code.substring(dot + 1)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** base64url SHA-256 of the code: the key a scan looks the badge up by, and what revocation lists carry. */
    public static String digest(String code) {
        return B64.encodeToString(sha256(code.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * An Ed25519 signature (base64url) of {@code context} + {@code data}: the door roster is signed this way, under a
     * context that no badge code starts with, so a roster's signature can never pass for a badge's.
     */
    public static String signature(String context, byte[] data, PrivateKey key) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(context.getBytes(StandardCharsets.US_ASCII));
            s.update(data);
            return B64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    private static String sign(String signed, PrivateKey key) {
        return signed + "." + B64.encodeToString(ed25519(key, signed.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The public half of each signing key, computed once (signing needs it; the keys are few and long-lived). */
    private static final java.util.Map<PrivateKey, byte[]> PUBLIC_HALVES = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * Issue 18: an Ed25519 signature (RFC 8032, pure Ed25519 as JWS's EdDSA) made with BouncyCastle's implementation,
     * which is some twenty times faster than the JDK's (its fixed-base tables; the JDK 17 multiplies generically) and
     * gives the same 64 bytes, Ed25519 being deterministic ({@code BadgeCodecTest} compares them). Verification stays
     * with the JDK and the door's WebCrypto. A key the JDK does not expose as bytes is signed by the JDK.
     */
    static byte[] ed25519(PrivateKey key, byte[] data) {
        if (key instanceof java.security.interfaces.EdECPrivateKey ed && ed.getBytes().isPresent()) {
            byte[] seed = ed.getBytes().get();
            byte[] pub = PUBLIC_HALVES.computeIfAbsent(key, k -> {
                byte[] p = new byte[org.bouncycastle.math.ec.rfc8032.Ed25519.PUBLIC_KEY_SIZE];
                org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, p, 0);
                return p;
            });
            byte[] sig = new byte[org.bouncycastle.math.ec.rfc8032.Ed25519.SIGNATURE_SIZE];
            org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed, 0, pub, 0, data, 0, data.length, sig, 0);
            Arrays.fill(seed, (byte) 0);
            return sig;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
