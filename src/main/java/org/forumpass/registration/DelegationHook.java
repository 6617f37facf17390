package org.forumpass.registration;

import java.util.Map;
import org.forumpass.event.Category;
import org.forumpass.event.Event;

/**
 * What registration asks of the delegation feature (issue 15) without depending on it: whether a token is the
 * focal point's of a delegation (a focal point opens its members' registrations as their delegates do), and
 * the delegation's {id, name} for the registration view.
 */
public interface DelegationHook {
    boolean opens(Long delegationId, String token);

    Object summaryOf(Long delegationId);

    /** An organizer changed a member's category: the member's place moves to the new category's quota, or 409 when it is full. */
    void moveCategory(Long delegationId, Category from, Category to);

    /** The search's {@code delegation} filter: the internal id of the event's delegation with this public id, or null. */
    Long idOf(Event event, String publicId);

    /** A delegation as a CSV import row names it: its id, name, defaults for the row and quotas by category. */
    record Named(Long id, String name, String country, String organization, Map<Category, Integer> quotas) {
    }

    /** The event's delegation of this name (exact, without regard to case), or null when it has none. */
    Named named(Event event, String name);

    /**
     * Takes one of the delegation's places in the category, in the caller's transaction (a conditional UPDATE, as
     * {@code DelegationService.addMember} does); false when the category's quota is used up or the delegation has none.
     */
    boolean takePlace(Long delegationId, Category category);
}
