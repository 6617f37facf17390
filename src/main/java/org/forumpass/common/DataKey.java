package org.forumpass.common;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key for personal documents kept encrypted (FORUMPASS_DATA_KEY, or one generated and kept in
 * the database with a warning). Loaded at start, so a refused key stops the start.
 */
@ApplicationScoped
public class DataKey {
    static final String VARIABLE = "FORUMPASS_DATA_KEY";

    @Inject
    ForumPassConfig config;
    @Inject
    SecretStore secrets;

    private volatile SecretKeySpec key;

    void onStart(@Observes @Priority(12) StartupEvent ev) {
        key();
    }

    public SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            String b64 = secrets.fromEnvironmentOrStored(VARIABLE, config.dataKey(), "data-key", 32);
            k = new SecretKeySpec(config.dataKey().isPresent() ? SecretCheck.aesKey(VARIABLE, b64)
                    : Base64.getDecoder().decode(b64), "AES");
            key = k;
        }
        return k;
    }
}
