package org.forumpass.badge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: badge codes are signed with BouncyCastle's Ed25519, for speed. Ed25519 is deterministic, so its
 * signatures must be byte for byte the JDK's, and verify with the JDK (as the door's WebCrypto verifies them).
 */
class BadgeSignatureTest {

    @Test
    void signaturesAreTheJdksByteForByte() throws Exception {
        Random random = new Random(18);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        for (int k = 0; k < 20; k++) {
            KeyPair pair = generator.generateKeyPair();
            for (int m = 0; m < 10; m++) {
                byte[] data = new byte[random.nextInt(200)];
                random.nextBytes(data);
                Signature jdk = Signature.getInstance("Ed25519");
                jdk.initSign(pair.getPrivate());
                jdk.update(data);
                assertArrayEquals(jdk.sign(), BadgeCodec.ed25519(pair.getPrivate(), data));
            }
        }
    }

    @Test
    void anIssuedCodeVerifiesWithTheJdk() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String code = BadgeCodec.encode(7, BadgeCodec.eventTag("forum-2026"), pair.getPrivate());
        int dot = code.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(code.substring(dot + 1));
        assertEquals(64, signature.length);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(pair.getPublic());
        jdk.update(code.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
        assertTrue(jdk.verify(signature));
        assertTrue(BadgeCodec.verify(code, pair.getPublic()));
        // another code's signature does not verify this one's payload
        String other = BadgeCodec.encode(7, BadgeCodec.eventTag("forum-2026"), pair.getPrivate());
        assertFalse(BadgeCodec.verify(code.substring(0, dot) + other.substring(other.lastIndexOf('.')), pair.getPublic()));
    }
}
