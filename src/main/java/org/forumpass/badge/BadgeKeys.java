package org.forumpass.badge;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.forumpass.common.Db;
import org.forumpass.common.ForumPassConfig;
import org.forumpass.common.Retry;
import org.forumpass.common.SecretCheck;
import org.forumpass.common.SecretStore;

/**
 * The Ed25519 keys that sign badge codes, made on the first start and kept in the database with the
 * private key encrypted (AES-256-GCM). Replicas starting together race to insert key 1; the losers read
 * the winner's row. Adding a key makes it the signing key; older keys keep verifying printed badges.
 */
@ApplicationScoped
public class BadgeKeys {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();
    /** DER prefix of an X.509 Ed25519 public key; the raw 32-byte key follows it. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEK_VARIABLE = "FORUMPASS_BADGE_KEY_ENCRYPTION_KEY";

    public record Signer(int kid, PrivateKey key) {
    }

    public record Jwk(String kty, String crv, String alg, String use, String kid, String x) {
    }

    @Inject
    ForumPassConfig config;
    @Inject
    SecretStore secrets;
    @Inject
    Clock clock;
    @Inject
    Instance<BadgeKeys> self;

    private final Map<Integer, PrivateKey> privateKeys = new ConcurrentHashMap<>();
    private volatile Signer signer;
    private volatile SecretKeySpec kek;

    void onStart(@Observes @Priority(25) StartupEvent ev) {
        signer();
    }

    /** The key that signs new badges (this replica's view: the newest active key it has loaded). */
    public Signer signer() {
        Signer s = signer;
        if (s == null) {
            synchronized (this) {
                if (signer == null) {
                    // replicas starting at once race to insert the first key, and the unique key decides; on Galera the
                    // loser may learn it (a certification failure) before the winner's row is readable on its node
                    signer = newestActive(Retry.onConflict(() -> {
                        List<BadgeKey> keys = self.get().loadAll();
                        if (!keys.isEmpty()) {
                            return keys;
                        }
                        try {
                            self.get().insert(1);
                        } catch (RuntimeException e) {
                            if (!Db.isConstraintViolation(e)) {
                                throw e;
                            }
                        }
                        keys = self.get().loadAll();
                        if (keys.isEmpty()) {
                            throw new Retry.NotYetVisible("the first badge key, inserted by another replica");
                        }
                        return keys;
                    }));
                }
                s = signer;
            }
        }
        return s;
    }

    /** Adds a key and signs new badges with it; badges signed before stay valid. Answers its kid. */
    public synchronized int addKey() {
        List<BadgeKey> keys = self.get().loadAll();
        int kid = keys.stream().mapToInt(k -> k.kid).max().orElse(0) + 1;
        if (kid > 255) {
            throw new IllegalStateException("A badge code carries its key id in one byte: at most 255 keys");
        }
        self.get().insert(kid);
        signer = newestActive(self.get().loadAll());
        return kid;
    }

    /** Every key's public half, as JWK, for door devices that verify codes offline. */
    @Transactional
    public List<Jwk> publicKeys() {
        return BadgeKey.listAllByKid().stream()
                .map(k -> new Jwk("OKP", "Ed25519", "EdDSA", "sig", Integer.toString(k.kid), k.publicKey)).toList();
    }

    public PublicKey publicKey(String rawBase64Url) {
        byte[] raw = D64.decode(rawBase64Url);
        byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<BadgeKey> loadAll() {
        return BadgeKey.listAllByKid();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(int kid) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] x509 = pair.getPublic().getEncoded();
            BadgeKey k = new BadgeKey();
            k.kid = kid;
            k.publicKey = B64.encodeToString(Arrays.copyOfRange(x509, X509_PREFIX.length, x509.length));
            k.privateKeyEnc = encrypt(pair.getPrivate().getEncoded());
            k.active = true;
            k.createdAt = clock.instant();
            k.persistAndFlush();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make an Ed25519 key", e);
        }
    }

    private Signer newestActive(List<BadgeKey> keys) {
        BadgeKey newest = keys.stream().filter(k -> k.active).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("No active badge key"));
        PrivateKey key = privateKeys.computeIfAbsent(newest.kid, kid -> decrypt(newest.privateKeyEnc));
        return new Signer(newest.kid, key);
    }

    private SecretKeySpec kek() {
        SecretKeySpec k = kek;
        if (k == null) {
            String b64 = secrets.fromEnvironmentOrStored(KEK_VARIABLE, config.badge().keyEncryptionKey(),
                    "badge-key-encryption-key", 32);
            k = new SecretKeySpec(SecretCheck.aesKey(KEK_VARIABLE, b64), "AES");
            kek = k;
        }
        return k;
    }

    private String encrypt(byte[] plain) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, kek(), new GCMParameterSpec(128, iv));
        byte[] sealed = c.doFinal(plain);
        return B64.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    }

    private PrivateKey decrypt(String stored) {
        try {
            byte[] all = D64.decode(stored);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, kek(), new GCMParameterSpec(128, all, 0, 12));
            byte[] pkcs8 = c.doFinal(all, 12, all.length - 12);
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt the badge signing key: is FORUMPASS_BADGE_KEY_ENCRYPTION_KEY"
                    + " the one it was made with?", e);
        }
    }
}
