package org.forumpass.badge;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;

/**
 * The string in a badge's QR code: {@code FP1.<payload>.<signature>}, both base64url without padding.
 * The 15-byte payload holds the key id, the event, the registration and the badge serial — no personal
 * data; the Ed25519 signature covers the ASCII text {@code FP1.<payload>} (as JWS does), so a door
 * device holding the published public keys can verify a code offline. 111 characters in all.
 */
public final class BadgeCodec {
    public static final String PREFIX = "FP1.";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    public record Payload(int kid, long eventId, long registrationId, int serial) {
    }

    private BadgeCodec() {
    }

    public static String encode(Payload p, PrivateKey key) {
        ByteBuffer b = ByteBuffer.allocate(15);
        b.put((byte) p.kid()).putInt((int) p.eventId()).putLong(p.registrationId()).putShort((short) p.serial());
        String signed = PREFIX + B64.encodeToString(b.array());
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + B64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The payload of a well-formed code, without checking its signature. */
    public static Optional<Payload> read(String code) {
        if (code == null || !code.startsWith(PREFIX) || code.length() > 120) {
            return Optional.empty();
        }
        int dot = code.indexOf('.', PREFIX.length());
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] raw = D64.decode(code.substring(PREFIX.length(), dot));
            if (raw.length != 15) {
                return Optional.empty();
            }
            ByteBuffer b = ByteBuffer.wrap(raw);
            return Optional.of(new Payload(b.get() & 0xff, b.getInt() & 0xffffffffL, b.getLong(), b.getShort() & 0xffff));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the code's signature is valid under {@code key} (what an offline door device does). */
    public static boolean verify(String code, PublicKey key) {
        int dot = code.lastIndexOf('.');
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
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
