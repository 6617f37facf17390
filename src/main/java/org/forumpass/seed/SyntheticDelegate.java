package org.forumpass.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forumpass.event.Category;

/** An invented delegate, with every field the registration API takes. */
public record SyntheticDelegate(String givenName, String familyName, String nativeName, String jobTitle,
                                String organization, String country, String email, String phone, Category category,
                                String language) {

    /** The body of {@code POST /api/v1/events/{slug}/registrations} for this delegate, with consent and no sessions. */
    public Map<String, Object> registrationBody() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("givenName", givenName);
        m.put("familyName", familyName);
        m.put("nativeName", nativeName);
        m.put("jobTitle", jobTitle);
        m.put("organization", organization);
        m.put("country", country);
        m.put("email", email);
        m.put("phone", phone);
        m.put("category", category);
        m.put("language", language);
        m.put("consent", true);
        m.put("sessions", List.of());
        return m;
    }
}
