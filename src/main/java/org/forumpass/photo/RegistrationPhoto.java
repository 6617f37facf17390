package org.forumpass.photo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.forumpass.common.BaseEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A registration's one photo: a re-encoded JPEG (3:4, no metadata) and its 96×128 thumbnail, with its review. */
@Entity
@Table(name = "registration_photo")
public class RegistrationPhoto extends BaseEntity {
    @Column(name = "registration_id")
    public Long registrationId;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public PhotoStatus status;
    public int width;
    public int height;
    @Lob
    @Column(columnDefinition = "LONGBLOB")
    public byte[] image;
    @Lob
    @Column(columnDefinition = "LONGBLOB")
    public byte[] thumbnail;
    /** Issue 16: the 60×80 thumbnail of the door roster, and its digest (see {@link DoorThumbs}). */
    @Lob
    @Column(name = "door_thumb", columnDefinition = "LONGBLOB")
    public byte[] doorThumb;
    @Column(name = "door_thumb_hash")
    public String doorThumbHash;
    @Column(name = "rejection_reason")
    public String rejectionReason;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Version
    public int version;

    public static Optional<RegistrationPhoto> findByRegistration(Long registrationId) {
        return find("registrationId", registrationId).firstResultOptional();
    }
}
