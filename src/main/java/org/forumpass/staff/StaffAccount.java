package org.forumpass.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
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
    /** Bumped when the account is disabled or its role, events or password change: older tokens stop working. */
    @Column(name = "token_version")
    public int tokenVersion;
    /** Event slugs the account may act on, comma-separated; null for every event. */
    @Column(name = "event_scope")
    public String eventScope;

    public static Optional<StaffAccount> findByUsername(String username) {
        return find("username", normalize(username)).firstResultOptional();
    }

    /** Usernames are compared stripped and in lower case, everywhere (sign-in, create, change, tokens). */
    public static String normalize(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    /** The events as a list, or null for every event. */
    public List<String> events() {
        return decodeEvents(eventScope);
    }

    public static List<String> decodeEvents(String scope) {
        if (scope == null) {
            return null;
        }
        return scope.isEmpty() ? List.of() : List.of(scope.split(","));
    }

    public static String encodeEvents(Collection<String> events) {
        return events == null ? null : String.join(",", new TreeSet<>(events));
    }
}
