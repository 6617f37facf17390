package org.forumpass.seed;

import org.forumpass.event.Category;

/** An invented delegate, with every field the registration API takes. */
public record SyntheticDelegate(String givenName, String familyName, String nativeName, String jobTitle,
                                String organization, String country, String email, String phone, Category category,
                                String language) {
}
