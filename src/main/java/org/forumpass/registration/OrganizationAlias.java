package org.forumpass.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.forumpass.common.BaseEntity;
import org.forumpass.event.Event;

/** An organization name that reports count under another one. */
@Entity
@Table(name = "organization_alias")
public class OrganizationAlias extends BaseEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    public Event event;
    @Column(name = "alias_key", nullable = false)
    public String aliasKey;
    @Column(nullable = false)
    public String alias;
    @Column(nullable = false)
    public String canonical;
    @Column(name = "canonical_key", nullable = false)
    public String canonicalKey;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
