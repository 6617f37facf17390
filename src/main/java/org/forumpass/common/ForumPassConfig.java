package org.forumpass.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "forumpass")
public interface ForumPassConfig {

    /** h2 or mysql: the database the jar was built for. */
    String db();

    /** Where the embedded database and generated files live. */
    String dataDir();

    /** The first organizer's password; from FORUMPASS_ADMIN_PASSWORD. Generated when absent. */
    Optional<String> adminPassword();

    /** Public address used in links sent to delegates, e.g. https://register.example.org */
    Optional<String> publicUrl();

    /** Version of the privacy text delegates consent to; recorded with each consent. */
    @WithDefault("2026-11")
    String privacyVersion();

    Demo demo();

    Token token();

    interface Demo {
        /** Load the demo forums from seeds/ on the first start. */
        @WithDefault("false")
        boolean load();
    }

    interface Token {
        /** HMAC key for staff tokens (FORUMPASS_TOKEN_SECRET, at least 32 characters).
         *  When absent, one is generated once and kept in the database so every replica shares it. */
        Optional<String> secret();

        @WithDefault("12H")
        Duration ttl();
    }
}
