package org.forumpass.common;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Before anything uses a key, refuses the start when a key set in the environment is a placeholder or
 * guessable, naming the variable (each user of a key checks it again with the same rule).
 */
@ApplicationScoped
public class SecretCheck {
    @Inject
    ForumPassConfig config;

    void onStart(@Observes @Priority(1) StartupEvent ev) {
        verify(config);
    }

    /** Throws IllegalStateException naming the first refused variable. */
    public static void verify(ForumPassConfig config) {
        Map<String, Optional<String>> keys = new LinkedHashMap<>();
        keys.put("FORUMPASS_TOKEN_SECRET", config.token().secret());
        keys.put("FORUMPASS_MANAGE_TOKEN_SECRET", config.manageToken().secret());
        keys.put("FORUMPASS_BADGE_KEY_ENCRYPTION_KEY", config.badge().keyEncryptionKey());
        keys.put("FORUMPASS_DATA_KEY", config.dataKey());
        keys.put("FORUMPASS_OPS_METRICS_TOKEN", config.ops().metricsToken());
        keys.forEach((name, value) -> value.ifPresent(v -> Secrets.require(name, v.strip())));
        config.badge().keyEncryptionKey().ifPresent(v -> aesKey("FORUMPASS_BADGE_KEY_ENCRYPTION_KEY", v));
        config.dataKey().ifPresent(v -> aesKey("FORUMPASS_DATA_KEY", v));
        config.manageToken().secret().ifPresent(v -> hmacKey("FORUMPASS_MANAGE_TOKEN_SECRET", v));
    }

    /** The 32 bytes of an AES-256 key given in base64, or a start-up failure naming the variable. */
    public static byte[] aesKey(String variable, String base64) {
        byte[] raw = decode(variable, base64);
        if (raw.length != 32) {
            throw new IllegalStateException(variable + " must be 32 bytes in base64 (openssl rand -base64 32), not "
                    + raw.length);
        }
        return raw;
    }

    /** An HMAC key of at least 32 bytes given in base64. */
    public static byte[] hmacKey(String variable, String base64) {
        byte[] raw = decode(variable, base64);
        if (raw.length < 32) {
            throw new IllegalStateException(variable + " must be at least 32 bytes in base64 (openssl rand -base64 32)");
        }
        return raw;
    }

    private static byte[] decode(String variable, String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + " is not base64 (openssl rand -base64 32)");
        }
    }
}
