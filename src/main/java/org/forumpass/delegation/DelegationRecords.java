package org.forumpass.delegation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.forumpass.common.Text;
import org.forumpass.event.Category;
import org.forumpass.registration.RegistrationStatus;

/** Request and response bodies of the delegation API. */
public final class DelegationRecords {
    private DelegationRecords() {
    }

    public record FocalPoint(
            @NotBlank @Size(max = 200) @Pattern(regexp = Text.NAME_CHARS, message = Text.NAME_CHARS_MESSAGE) String name,
            @NotBlank @Size(max = 254) String email,
            @Pattern(regexp = "en|zh", message = "must be en or zh") String language) {
    }

    public record CreateDelegationRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = Text.NAME_CHARS, message = Text.NAME_CHARS_MESSAGE) String name,
            @NotBlank String country,
            @NotBlank @Size(max = 200) @Pattern(regexp = Text.NAME_CHARS, message = Text.NAME_CHARS_MESSAGE) String organization,
            @NotNull @Valid FocalPoint focalPoint,
            @NotNull Map<Category, @NotNull @Min(0) @Max(10_000) Integer> quotas) {
    }

    /** Every part optional; a focal point may change only {@code focalPoint}. Quotas name the categories to change. */
    public record UpdateDelegationRequest(
            @Size(min = 1, max = 200) @Pattern(regexp = Text.NAME_CHARS, message = Text.NAME_CHARS_MESSAGE) String name,
            String country,
            @Size(min = 1, max = 200) @Pattern(regexp = Text.NAME_CHARS, message = Text.NAME_CHARS_MESSAGE) String organization,
            @Valid FocalPoint focalPoint,
            Map<Category, @NotNull @Min(0) @Max(10_000) Integer> quotas) {
    }

    /** 201: the focal point's token is answered once here and sent in the focal point's e-mail. */
    public record CreatedDelegation(String id, String focalPointToken, String focalPointUrl) {
    }

    public record QuotaView(int quota, int used, int left) {
    }

    public record MemberView(String id, String givenName, String familyName, String nativeName, String email,
                             Category category, RegistrationStatus status, boolean holdsPlace,
                             /** {status, ...} of the photo, or null. */
                             Object photo,
                             /** The badge as the registration view shows it, or null. */
                             Object badge,
                             /** The visa letter's state, or null (none requested). */
                             Object visaLetter,
                             OffsetDateTime createdAt) {
    }

    public record DelegationView(String id, String event, String name, String country, String organization,
                                 FocalPoint focalPoint, Map<Category, QuotaView> quotas, List<MemberView> members,
                                 OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** One line of the organizer's list. */
    public record DelegationSummary(String id, String name, String country, String organization, FocalPoint focalPoint,
                                    Map<Category, QuotaView> quotas, int placesUsed, int placesTotal, int members) {
    }

    /** The registration view's {@code delegation}. */
    public record DelegationRef(String id, String name) {
    }
}
