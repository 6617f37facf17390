package org.forumpass.registration;

/**
 * What registration asks of the delegation feature (issue 15) without depending on it: whether a token is the
 * focal point's of a delegation (a focal point opens its members' registrations as their delegates do), and
 * the delegation's {id, name} for the registration view.
 */
public interface DelegationHook {
    boolean opens(Long delegationId, String token);

    Object summaryOf(Long delegationId);

    /** An organizer changed a member's category: the member's place moves to the new category's quota, or 409 when it is full. */
    void moveCategory(Long delegationId, org.forumpass.event.Category from, org.forumpass.event.Category to);
}
