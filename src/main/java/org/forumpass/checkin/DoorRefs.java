package org.forumpass.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.forumpass.common.SecretStore;

/**
 * The opaque {@code ref} a door search answers instead of a registration id: the id, the event, the door
 * account and an expiry, encrypted and authenticated (AES-GCM) under a key kept in the database, so every
 * replica opens it. Door staff thus never learn registration ids, and a ref works only for the account
 * that searched, at that event, for {@link #VALID}.
 */
@ApplicationScoped
public class DoorRefs {
    static final Duration VALID = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    SecretStore secrets;
    @Inject
    Clock clock;

    private volatile SecretKeySpec key;

    public String seal(String registrationId, String slug, String staff) {
        String plain = registrationId + "\n" + slug + "\n" + staff + "\n" + clock.instant().plus(VALID).getEpochSecond();
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The registration id of a genuine, unexpired ref made for this event and account. */
    public Optional<String> open(String ref, String slug, String staff) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(ref);
            if (raw.length < 12 + 16) {
                return Optional.empty();
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, raw, 0, 12));
            String[] parts = new String(c.doFinal(raw, 12, raw.length - 12), StandardCharsets.UTF_8).split("\n");
            if (parts.length != 4 || !parts[1].equals(slug) || !parts[2].equals(staff)
                    || clock.instant().getEpochSecond() >= Long.parseLong(parts[3])) {
                return Optional.empty();
            }
            return Optional.of(parts[0]);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            k = new SecretKeySpec(Base64.getDecoder().decode(secrets.getOrCreate("door-ref-key", 32)), "AES");
            key = k;
        }
        return k;
    }
}
