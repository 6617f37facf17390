package org.forumpass.badge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** An Ed25519 key pair that signs badge codes; {@code kid} is the byte carried in each code. */
@Entity
@Table(name = "badge_key")
public class BadgeKey extends PanacheEntityBase {
    @Id
    public Integer kid;
    /** Raw 32-byte public key, base64url. */
    @Column(name = "public_key", nullable = false)
    public String publicKey;
    /** PKCS#8 private key encrypted with AES-256-GCM: base64url(iv || ciphertext). */
    @Column(name = "private_key_enc", nullable = false)
    public String privateKeyEnc;
    @Column(nullable = false)
    public boolean active;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<BadgeKey> listAllByKid() {
        return list("order by kid");
    }
}
