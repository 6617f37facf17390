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

    Badge badge();

    Limits limits();

    Scan scan();

    /** How door scans are settled (see ScanLanes). */
    interface Scan {
        /** Threads (each with one database connection) that settle scans in groups. */
        @WithDefault("2")
        int lanes();

        /** The most scans one group (one transaction) settles. */
        @WithDefault("250")
        int groupMax();

        /** Scans waiting per lane before new ones are refused with 503. */
        @WithDefault("20000")
        int queueMax();
    }

    interface Limits {
        /** Failed sign-ins in a row for one username from one client address before that pair waits
         *  {@link #signInBackoff()}, doubled for each further failure, at most {@link #signInWindow()}. */
        @WithDefault("5")
        int failedSignIns();

        /** The longest wait of the back-off, and the window of {@link #signInCeiling()}. */
        @WithDefault("15M")
        Duration signInWindow();

        /** The first wait once {@link #failedSignIns()} is reached. */
        @WithDefault("30S")
        Duration signInBackoff();

        /** Failed sign-ins for one username from all addresses together in {@link #signInWindow()} before that
         *  username is refused everywhere until the window ends: far above what one address can try. */
        @WithDefault("200")
        int signInCeiling();

        /** Registrations per client address per minute (0: no limit). */
        @WithDefault("30")
        int registrationsPerMinute();
    }

    interface Demo {
        /** Load the demo forums from seeds/ on the first start. */
        @WithDefault("false")
        boolean load();
    }

    interface Badge {
        /** AES-256 key (base64, 32 bytes) that encrypts the badge signing keys in the database
         *  (FORUMPASS_BADGE_KEY_ENCRYPTION_KEY). When absent, one is generated and kept in the database,
         *  which protects nothing against someone who can read it: set it in production. */
        Optional<String> keyEncryptionKey();
    }

    interface Token {
        /** HMAC key for staff tokens (FORUMPASS_TOKEN_SECRET, at least 32 characters).
         *  When absent, one is generated once and kept in the database so every replica shares it. */
        Optional<String> secret();

        @WithDefault("12H")
        Duration ttl();

        /** How long a replica trusts what it read of an account (active, role, events, token version) before
         *  reading it again; at most 5 s (FORUMPASS_TOKEN_RECHECK). Revocation takes effect within this time. */
        @WithDefault("5S")
        Duration recheck();
    }
}
