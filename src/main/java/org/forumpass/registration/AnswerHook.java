package org.forumpass.registration;

import java.util.Map;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.event.Category;
import org.forumpass.event.Event;

/**
 * The per-event form's answers, implemented by the {@code form} package (which sits above registration, as
 * badges do): registration asks it to check a delegate's answers with the other fields, and to store them in
 * the same transaction.
 */
public interface AnswerHook {
    /**
     * Checks {@code answers} (null: none sent) against the event's form for a delegate of the category; adds
     * violations named {@code answers.<key>}. {@code existing} is the registration being changed, or null for a
     * new one. Writes nothing: the answer stores what was checked.
     */
    Prepared prepare(Event event, Category category, String country, Map<String, Object> answers, Registration existing,
                     Violations v);

    /** Every answer kept for the registration, fields no longer on the form included. */
    Map<String, Object> answersOf(Registration r);

    /** The form's keys in order (the import reads one column per key). */
    java.util.List<String> keys(Event event);

    /** Text cells by key (a CSV row, a page's form), as the API would send them: yes/no as booleans, lists split. */
    Map<String, Object> fromText(Event event, Map<String, java.util.List<String>> cells);

    /** Removes the registration's answers (erasure). */
    void erase(Registration r);

    /**
     * Issue 18: checks many new registrations' answers for one event (an import), reading the form once; each call
     * is {@link #prepare} with no existing registration.
     */
    default Preparer preparer(Event event) {
        return (category, country, answers, v) -> prepare(event, category, country, answers, null, v);
    }

    /** {@link #prepare} for new registrations of one event. */
    interface Preparer {
        Prepared prepare(Category category, String country, Map<String, Object> answers, Violations v);
    }

    /** Checked answers, written by {@link #saveFor}. */
    interface Prepared {
        void saveFor(Registration r);
    }
}
