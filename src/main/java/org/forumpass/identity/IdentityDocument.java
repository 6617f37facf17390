package org.forumpass.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A delegate's identity document, one per registration, kept only encrypted: {@code ciphertext} is AES-256-GCM
 * (128-bit tag) of the whole document under the data key with a random 96-bit {@code nonce}, the registration's
 * database id bound as associated data; {@code numberHash} is the keyed hash of the normalised number (search).
 */
@Entity
@Table(name = "identity_document")
public class IdentityDocument extends PanacheEntityBase {
    @Id
    @Column(name = "registration_id")
    public Long registrationId;
    @Column(name = "number_hash")
    public String numberHash;
    public byte[] nonce;
    public byte[] ciphertext;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
