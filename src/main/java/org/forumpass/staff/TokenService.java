package org.forumpass.staff;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.forumpass.common.ForumPassConfig;
import org.forumpass.common.SecretStore;

/**
 * Staff bearer tokens: {@code fp1.<payload>.<HMAC-SHA256>}, verifiable by any replica that shares
 * the key (FORUMPASS_TOKEN_SECRET, or one generated once and kept in the database). No server-side session:
 * the payload is {@code username \n role \n tokenVersion \n issuedAt \n expiresAt}, and
 * {@link StaffAccounts} compares it with the account (active, role, token version) on each request.
 * Tokens of the earlier three-line format are refused (staff sign in again once after the upgrade).
 */
@ApplicationScoped
public class TokenService {
    static final String PREFIX = "fp1.";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    @Inject
    ForumPassConfig config;
    @Inject
    SecretStore secrets;
    @Inject
    Clock clock;

    private volatile SecretKeySpec key;
    private final ThreadLocal<Mac> macs = new ThreadLocal<>();

    public record Claims(String username, String role, int version, Instant issuedAt, Instant expiresAt) {
    }

    /** Clocks of replicas differ a little: a token issued this far "in the future" is still accepted. */
    private static final long SKEW_SECONDS = 60;

    public record Issued(String token, Instant expiresAt) {
    }

    void init(@Observes @Priority(10) StartupEvent ev) {
        key();
    }

    public Issued issue(String username, String role, int version) {
        Instant now = clock.instant();
        Instant exp = now.plus(config.token().ttl());
        return new Issued(sign(username, role, version, now, exp), exp);
    }

    /** A token with the given claims, signed with the real key (sign-in, and tests that forge claims). */
    String sign(String username, String role, int version, Instant issuedAt, Instant exp) {
        String payload = username + "\n" + role + "\n" + version + "\n" + issuedAt.getEpochSecond() + "\n"
                + exp.getEpochSecond();
        String body = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return PREFIX + body + "." + B64.encodeToString(sign(body));
    }

    public static boolean looksLikeStaffToken(String token) {
        return token.startsWith(PREFIX);
    }

    /** The claims of a genuine, unexpired token whose expiry is at most the configured lifetime after its issue. */
    public Optional<Claims> verify(String token) {
        if (!looksLikeStaffToken(token)) {
            return Optional.empty();
        }
        int dot = token.indexOf('.', PREFIX.length());
        if (dot < 0) {
            return Optional.empty();
        }
        String body = token.substring(PREFIX.length(), dot);
        byte[] given;
        try {
            given = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sign(body), given)) {
            return Optional.empty();
        }
        String[] parts;
        try {
            parts = new String(B64D.decode(body), StandardCharsets.UTF_8).split("\n");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (parts.length != 5) {
            return Optional.empty();
        }
        int version;
        Instant iat;
        Instant exp;
        try {
            version = Integer.parseInt(parts[2]);
            iat = Instant.ofEpochSecond(Long.parseLong(parts[3]));
            exp = Instant.ofEpochSecond(Long.parseLong(parts[4]));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(exp) || iat.isAfter(now.plusSeconds(SKEW_SECONDS))
                || exp.isAfter(iat.plus(config.token().ttl()))) {
            return Optional.empty();
        }
        return Optional.of(new Claims(parts[0], parts[1], version, iat, exp));
    }

    private byte[] sign(String body) {
        try {
            Mac mac = macs.get();
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(key());
                macs.set(mac);
            }
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    String s = secrets.fromEnvironmentOrStored("FORUMPASS_TOKEN_SECRET", config.token().secret(),
                            "staff-token-hmac", 32);
                    byte[] raw = config.token().secret().isPresent() ? s.getBytes(StandardCharsets.UTF_8)
                            : Base64.getDecoder().decode(s);
                    key = new SecretKeySpec(raw, "HmacSHA256");
                }
                k = key;
            }
        }
        return k;
    }
}
