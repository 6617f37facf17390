package org.forumpass.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import org.forumpass.common.Text;
import org.forumpass.event.Category;

/** Request and response bodies of registration. */
public final class RegistrationRecords {
    private RegistrationRecords() {
    }

    static final String NO_CONTROL = Text.NAME_CHARS;
    static final String NO_CONTROL_MESSAGE = Text.NAME_CHARS_MESSAGE;

    /** POST /api/v1/events/{slug}/registrations */
    public record RegisterRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String givenName,
            @NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String familyName,
            @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String nativeName,
            @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String jobTitle,
            @NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String organization,
            @NotBlank String country,
            @NotBlank @Size(max = 254) String email,
            @Size(max = 32) String phone,
            @NotNull Category category,
            @Size(max = 50) List<@NotBlank String> sessions,
            @Pattern(regexp = "en|zh", message = "must be en or zh") String language,
            Boolean consent,
            @Size(max = 64) String invitationCode,
            /** The identity document (issue 14); required where the event's identityRequiredFor names the category. */
            IdentityInput identity,
            /** issue 14: the event form's answers by key. */
            java.util.Map<String, Object> answers) {
        public RegisterRequest(String givenName, String familyName, String nativeName, String jobTitle, String organization,
                               String country, String email, String phone, Category category, List<String> sessions,
                               String language, Boolean consent, String invitationCode) {
            this(givenName, familyName, nativeName, jobTitle, organization, country, email, phone, category, sessions,
                    language, consent, invitationCode, null, null);
        }

        /** This body with the country, organization and category filled in where it leaves them out (a delegation's defaults). */
        public RegisterRequest withDefaults(String defaultCountry, String defaultOrganization, Category defaultCategory) {
            return new RegisterRequest(givenName, familyName, nativeName, jobTitle,
                    organization == null || organization.isBlank() ? defaultOrganization : organization,
                    country == null || country.isBlank() ? defaultCountry : country, email, phone,
                    category == null ? defaultCategory : category, sessions, language, consent, invitationCode, identity, answers);
        }
    }

    /** PATCH /api/v1/registrations/{id}: fields left out (null) stay as they are. */
    public record UpdateRegistrationRequest(
            @Size(min = 1, max = 100) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String givenName,
            @Size(min = 1, max = 100) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String familyName,
            @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String nativeName,
            @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String jobTitle,
            @Size(min = 1, max = 200) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String organization,
            String country,
            @Size(max = 254) String email,
            @Size(max = 32) String phone,
            /** Organizers only. */
            Category category,
            @Size(max = 50) List<@NotBlank String> sessions,
            @Pattern(regexp = "en|zh", message = "must be en or zh") String language,
            /** A new identity document replacing the one kept (null: unchanged). */
            IdentityInput identity,
            /** issue 14: answers by key; keys left out keep their answer, an empty value clears it. */
            java.util.Map<String, Object> answers,
            /** Issue 16: organizers only; replaces the three protocol fields when given. */
            @Valid Protocol protocol) {
        public UpdateRegistrationRequest(String givenName, String familyName, String nativeName, String jobTitle,
                                         String organization, String country, String email, String phone, Category category,
                                         List<String> sessions, String language) {
            this(givenName, familyName, nativeName, jobTitle, organization, country, email, phone, category, sessions,
                    language, null, null, null);
        }

        public UpdateRegistrationRequest(String givenName, String familyName, String nativeName, String jobTitle,
                                         String organization, String country, String email, String phone, Category category,
                                         List<String> sessions, String language, IdentityInput identity,
                                         java.util.Map<String, Object> answers) {
            this(givenName, familyName, nativeName, jobTitle, organization, country, email, phone, category, sessions,
                    language, identity, answers, null);
        }
    }

    /**
     * Issue 16: the organizers' protocol fields, in requests ({@code protocol} of PATCH, the body of PUT
     * .../protocol) and in the organizers' views. A rank or a note is only for a VIP; the note is what the door and
     * the protocol officers read ("Escort to front row, seat A3"), one line.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Protocol(@NotNull Boolean vip, @Min(1) @Max(5) Integer rank,
                           @Size(max = 500) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String note) {
        public static final Protocol NONE = new Protocol(false, null, null);

        static Protocol of(Registration r) {
            return new Protocol(r.vip, r.vipRank, r.protocolNote);
        }
    }

    public record SessionChoice(String code, String title, String titleZh, OffsetDateTime startsAt, OffsetDateTime endsAt,
                                String room, SeatStatus status) {
    }

    public record SessionStatus(String code, SeatStatus status) {
    }

    /** 201 answer to a registration: the only time the manage token is sent in a response body. */
    public record RegisterResponse(String id, RegistrationStatus status, String manageToken, String manageUrl,
                                   List<SessionStatus> sessions) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RegistrationView(String id, String event, RegistrationStatus status, String givenName, String familyName,
                                   String nativeName, String jobTitle, String organization, String country, String email,
                                   String phone, Category category, String language, String source,
                                   OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime consentAt,
                                   String consentVersion, List<SessionChoice> sessions, Object badge,
                                   /** Issue 14: {status, width, height, uploadedAt, rejectionReason}, or null without a photo. */
                                   Object photo,
                                   /** The identity document, masked (issue 14), or null. */
                                   Object identity,
                                   /** issue 14: the form's answers by key (every stored key). */
                                   java.util.Map<String, Object> answers,
                                   /** issue 15: {id, name} of the delegation the delegate belongs to, or null. */
                                   Object delegation,
                                   /** Issue 16: organizers only; left out of the delegate's and the focal point's view. */
                                   @JsonInclude(JsonInclude.Include.NON_NULL) Protocol protocol) {
        /** The view a delegate or a focal point may read: without the organizers' protocol fields. */
        public RegistrationView withoutProtocol() {
            return protocol == null ? this : new RegistrationView(id, event, status, givenName, familyName, nativeName, jobTitle,
                    organization, country, email, phone, category, language, source, createdAt, updatedAt, consentAt,
                    consentVersion, sessions, badge, photo, identity, answers, delegation, null);
        }
    }

    public record InvitationCodeRequest(
            @Size(min = 4, max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be letters, digits and hyphens") String code,
            @Size(max = 200) String label,
            List<@NotNull Category> categories,
            @Min(1) @Max(1_000_000) Integer maxUses,
            OffsetDateTime expiresAt) {
    }

    public record InvitationCodeView(String code, String label, List<Category> categories, Integer maxUses, int uses,
                                     OffsetDateTime expiresAt, OffsetDateTime createdAt) {
        static InvitationCodeView from(InvitationCode c) {
            return new InvitationCodeView(c.code, c.label, c.categories == null ? null : c.categories.stream().sorted().toList(),
                    c.maxUses, c.uses, utc(c.expiresAt), utc(c.createdAt));
        }
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
