package org.forumpass.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.forumpass.common.BaseEntity;

@Entity
@Table(name = "audit_entry")
public class AuditEntry extends BaseEntity {
    @Column(nullable = false)
    public Instant at;
    @Column(nullable = false)
    public String actor;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuditAction action;
    @Column(name = "event_slug")
    public String eventSlug;
    public String subject;
    public String detail;
}
