package org.forumpass.registration;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.forumpass.common.ForumPassConfig;
import org.forumpass.common.SecretCheck;
import org.forumpass.common.SecretStore;

/**
 * A delegate's manage token is HMAC-SHA256(key, publicId + version): nothing to store, so every
 * later e-mail can carry the private link again, and bumping the version revokes old links.
 */
@ApplicationScoped
public class ManageTokens {
    static final String VARIABLE = "FORUMPASS_MANAGE_TOKEN_SECRET";

    @Inject
    SecretStore secrets;
    @Inject
    ForumPassConfig config;

    private volatile SecretKeySpec key;

    void init(@Observes @Priority(11) StartupEvent ev) {
        String b64 = secrets.fromEnvironmentOrStored(VARIABLE, config.manageToken().secret(), "manage-token-hmac", 32);
        key = new SecretKeySpec(SecretCheck.hmacKey(VARIABLE, b64), "HmacSHA256");
    }

    public String tokenFor(Registration r) {
        return tokenFor(r.publicId, r.tokenVersion);
    }

    String tokenFor(String publicId, int version) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] sig = mac.doFinal((publicId + ":" + version).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A delegation focal point's token (issue 15): the same key over another domain ("delegation:" never starts a
     * registration's public id, which has no colon), so neither kind of token opens the other's door.
     */
    public String delegationToken(String delegationPublicId, int version) {
        return tokenFor("delegation:" + delegationPublicId, version);
    }

    /** Compares in constant time. */
    public static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    public boolean matches(Registration r, String token) {
        if (token == null) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(r).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }
}
