package org.forumpass.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.forumpass.common.DataKey;
import org.forumpass.common.error.DomainException;

/**
 * AES-256-GCM under the data key (FORUMPASS_DATA_KEY): a fresh random 96-bit nonce per write, the registration's
 * database id as associated data (a ciphertext copied to another row fails its tag). The search hash is
 * HMAC-SHA256 under a key derived from the data key (HMAC of a fixed label), so it is not the cipher's key.
 */
@ApplicationScoped
public class IdentityCrypto {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TAG_BITS = 128;
    private static final byte[] HASH_LABEL = "forumpass-identity-number-hash-v1".getBytes(StandardCharsets.US_ASCII);

    @Inject
    DataKey dataKey;

    private volatile SecretKeySpec hashKey;

    public record Sealed(byte[] nonce, byte[] ciphertext) {
    }

    public Sealed seal(long registrationId, byte[] plain) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, dataKey.key(), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(registrationId));
            return new Sealed(nonce, c.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public byte[] open(long registrationId, byte[] nonce, byte[] ciphertext) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, dataKey.key(), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(registrationId));
            return c.doFinal(ciphertext);
        } catch (GeneralSecurityException | IllegalArgumentException e) { // AEADBadTagException: altered, moved or another key
            throw new DomainException(IdentityError.UNREADABLE, "The identity document of this registration does not decrypt");
        }
    }

    /** Hex HMAC-SHA256 of an already normalised number. */
    public String hash(String normalisedNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey());
            return HexFormat.of().formatHex(mac.doFinal(normalisedNumber.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private SecretKeySpec hashKey() throws GeneralSecurityException {
        SecretKeySpec k = hashKey;
        if (k == null) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(dataKey.key().getEncoded(), "HmacSHA256"));
            k = new SecretKeySpec(mac.doFinal(HASH_LABEL), "HmacSHA256");
            hashKey = k;
        }
        return k;
    }

    private static byte[] aad(long registrationId) {
        return ("forumpass-identity:registration:" + registrationId).getBytes(StandardCharsets.US_ASCII);
    }
}
