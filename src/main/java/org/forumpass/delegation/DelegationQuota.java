package org.forumpass.delegation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.forumpass.event.Category;

/**
 * A delegation's places in one category. {@code used} is a counter taken with a conditional UPDATE in the
 * member's transaction ({@link #take}), like an event's seats, so that two focal-point tabs adding the last
 * place at once get one place between them.
 */
@Entity
@Table(name = "delegation_quota")
@IdClass(DelegationQuota.Key.class)
public class DelegationQuota extends PanacheEntityBase {
    @Id
    @Column(name = "delegation_id")
    public Long delegationId;
    @Id
    @Enumerated(EnumType.STRING)
    public Category category;
    public int quota;
    public int used;

    public static List<DelegationQuota> listByDelegation(Long delegationId) {
        return list("delegationId = ?1 order by category", delegationId);
    }

    /** One place more in use, if one is left; false when the category's quota is used up (or the delegation has none). */
    static boolean take(Long delegationId, Category category) {
        return update("used = used + 1 where delegationId = ?1 and category = ?2 and used < quota", delegationId, category) == 1;
    }

    static void release(Long delegationId, Category category) {
        update("used = used - 1 where delegationId = ?1 and category = ?2 and used > 0", delegationId, category);
    }

    public static class Key implements Serializable {
        public Long delegationId;
        public Category category;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(delegationId, k.delegationId) && category == k.category;
        }

        @Override
        public int hashCode() {
            return Objects.hash(delegationId, category);
        }
    }
}
