package org.forumpass.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
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

    /** Reverse proxies whose X-Forwarded-For is believed (FORUMPASS_TRUSTED_PROXIES: CIDR blocks, comma-separated).
     *  Empty: the client is the socket's peer and X-Forwarded-For is ignored. See ClientAddress. */
    Optional<List<String>> trustedProxies();

    /** Version of the privacy text delegates consent to; recorded with each consent. */
    @WithDefault("2026-11")
    String privacyVersion();

    Demo demo();

    /** AES-256 key (base64 of 32 bytes) for personal documents kept encrypted (FORUMPASS_DATA_KEY). When absent,
     *  one is generated and kept in the database, with a warning: set it in production. */
    Optional<String> dataKey();

    Token token();

    ManageToken manageToken();

    Badge badge();

    Limits limits();

    Scan scan();

    Ops ops();

    Tls tls();

    Mail mail();

    /** The outbox's sender (see MailOutbox). */
    interface Mail {
        /** Whether this replica sends the outbox's mails (FORUMPASS_MAIL_SENDER). Every replica may: they share the work. */
        @WithDefault("true")
        boolean sender();

        /** How often a sender looks for due mails besides being woken by this replica's commits (FORUMPASS_MAIL_POLL). */
        @WithDefault("2S")
        Duration poll();

        /** While this machine's processors are more than 85 % busy (a registration rush, an import), mails wait up to
         *  this long so that the requests go first; 0 sends them at once whatever the load (FORUMPASS_MAIL_BUSY_DELAY). */
        @WithDefault("60S")
        Duration busyDelay();
    }

    /** HTTPS out of the box, for door devices on a venue's network (see ForumPassMain and LocalTls). */
    interface Tls {
        /** auto (FORUMPASS_TLS_MODE; the embedded build's default): a certificate made in data/tls and served on
         *  quarkus.http.ssl-port (8443); off (the MySQL builds' default, where TLS ends at the proxy): HTTP only. */
        @WithDefault("off")
        String mode();

        /** Names the certificate covers besides this machine's own (FORUMPASS_TLS_HOSTS, comma-separated). */
        Optional<List<String>> hosts();

        /** The certificate authority door devices trust: set at start-up when the certificate was made here. */
        Optional<String> ca();
    }

    /** Who may read /q/metrics, /q/openapi and /q/swagger-ui (see docs/security/http-and-secrets.md). */
    interface Ops {
        /** true (FORUMPASS_OPS_PRIVATE_ENDPOINTS): they answer 401 without an organizer's token (or, for
         *  /q/metrics, the metrics token). Health probes stay open. */
        @WithDefault("false")
        boolean privateEndpoints();

        /** A bearer token Prometheus sends for /q/metrics when the endpoints are private
         *  (FORUMPASS_OPS_METRICS_TOKEN, refused when guessable, like every key). */
        Optional<String> metricsToken();
    }

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

        /** Issue 17: "send me my link again" requests per e-mail address and hour (0: no limit). */
        @WithDefault("3")
        int resendLinksPerAddress();

        /** Issue 17: "send me my link again" requests per client address and hour (0: no limit). */
        @WithDefault("20")
        int resendLinksPerClient();

        /** Issue 17: transliterations (GET /api/v1/transliterate) per client address and minute (0: no limit). */
        @WithDefault("60")
        int transliterationsPerMinute();
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

    interface ManageToken {
        /** HMAC key of delegates' manage links, base64 of 32+ random bytes (FORUMPASS_MANAGE_TOKEN_SECRET). When
         *  absent, one is generated and kept in the database (app_secret manage-token-hmac, the same form: copy
         *  that value here to keep the links already sent working). */
        Optional<String> secret();
    }

    interface Token {
        /** HMAC key for staff tokens (FORUMPASS_TOKEN_SECRET, at least 32 characters, refused when guessable).
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
