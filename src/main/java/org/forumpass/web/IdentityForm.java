package org.forumpass.web;

import io.quarkus.qute.TemplateInstance;
import java.util.List;
import java.util.Map;
import org.forumpass.event.Category;
import org.forumpass.registration.IdentityInput;

/** The identity section of the registration and manage pages (issue 14: identity). */
final class IdentityForm {
    /** One country or date field of the section: form name, element id, label. */
    public record Field(String name, String id, String label) {
    }

    private IdentityForm() {
    }

    /** What the form sent, or null when the section was left empty. */
    static IdentityInput from(RegistrationPages.FormState state) {
        IdentityInput in = new IdentityInput(state.value("identity.documentType"), state.value("identity.number"),
                state.value("identity.issuingCountry"), state.value("identity.nationality"),
                state.value("identity.expiresOn"), state.value("identity.dateOfBirth"));
        return in.blank() ? null : in;
    }

    /** The section's data: the categories that must give a document, in the page's language, and the field labels. */
    static TemplateInstance data(TemplateInstance page, List<Category> requiredFor, String lang) {
        Msg m = Texts.bundle(lang);
        return page.data("identityFor", String.join(", ", requiredFor.stream().map(c -> Labels.category(c, lang)).toList()))
                .data("identityCountryFields", List.of(
                        new Field("identity.issuingCountry", "identity-issuingCountry", m.identity_issuing_country()),
                        new Field("identity.nationality", "identity-nationality", m.identity_nationality())))
                .data("identityDateFields", List.of(
                        new Field("identity.expiresOn", "identity-expiresOn", m.identity_expires_on()),
                        new Field("identity.dateOfBirth", "identity-dateOfBirth", m.identity_date_of_birth())));
    }

    /** The label of a document type for the manage page. */
    static String typeLabel(Object type, String lang) {
        Msg m = Texts.bundle(lang);
        return switch (String.valueOf(type)) {
            case "PASSPORT" -> m.identity_passport();
            case "NATIONAL_ID" -> m.identity_national_id();
            case "TRAVEL_PERMIT" -> m.identity_travel_permit();
            default -> String.valueOf(type);
        };
    }

    /** Field names of the section, for the error summary. */
    static String field(String lang, String field) {
        Msg m = Texts.bundle(lang);
        return switch (field) {
            case "identity" -> m.identity_title();
            case "identity.documentType" -> m.identity_document_type();
            case "identity.number" -> m.identity_number();
            case "identity.issuingCountry" -> m.identity_issuing_country();
            case "identity.nationality" -> m.identity_nationality();
            case "identity.expiresOn" -> m.identity_expires_on();
            case "identity.dateOfBirth" -> m.identity_date_of_birth();
            default -> field;
        };
    }
}
