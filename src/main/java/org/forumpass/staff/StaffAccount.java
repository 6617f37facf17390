package org.forumpass.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.forumpass.common.BaseEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "staff_account")
public class StaffAccount extends BaseEntity {
    public String username;
    @Column(name = "display_name")
    public String displayName;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "staff_role")
    public StaffRole role;
    @Column(name = "password_hash")
    public String passwordHash;
    public boolean active;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<StaffAccount> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
