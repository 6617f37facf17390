package org.forumpass.common;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A generated secret that every replica must share, kept in the database (e.g. the token key). */
@Entity
@Table(name = "app_secret")
public class AppSecret extends io.quarkus.hibernate.orm.panache.PanacheEntityBase {
    @Id
    public String name;
    @Column(name = "secret_value")
    public String value;
    @Column(name = "created_at")
    public Instant createdAt;
}
