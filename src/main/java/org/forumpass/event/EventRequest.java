package org.forumpass.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** Body of POST /api/v1/events and PUT /api/v1/events/{slug}. */
public record EventRequest(
        @NotBlank @Pattern(regexp = EventRequest.SLUG, message = "must be 2-64 lower-case letters, digits and hyphens") String slug,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String nameZh,
        @Size(max = 300) String theme,
        @Size(max = 300) String themeZh,
        @Size(max = 4000) String description,
        @Size(max = 4000) String descriptionZh,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 100) String cityZh,
        @NotBlank @Size(max = 200) String venue,
        @Size(max = 200) String venueZh,
        @NotNull OffsetDateTime startsAt,
        @NotNull OffsetDateTime endsAt,
        @NotBlank @Size(max = 64) String timeZone,
        OffsetDateTime registrationOpensAt,
        OffsetDateTime registrationClosesAt,
        @Min(1) @Max(1_000_000) Integer capacity,
        /** Categories whose online registrations wait for approval (null: GOVERNMENT, DIPLOMATIC, SPEAKER; []: none). */
        List<@NotNull Category> approvalRequiredFor,
        /** Categories that must give an invitation code (made by the organizer) to register. */
        List<@NotNull Category> invitationRequiredFor,
        /** Categories a delegate may choose online (null: every category but STAFF); the others come from
         *  imports and from invitation codes that name them. */
        List<@NotNull Category> selfServiceCategories,
        /** Refuse door scans outside each session's time window (default false). */
        Boolean checkinWindowEnabled,
        /** How many minutes before a session starts its door opens (default 30). */
        @Min(0) @Max(1440) Integer checkinOpensMinutesBefore,
        /** Days after the event ends that delegates' personal data is kept (null: until erased by hand). */
        @Min(1) @Max(3650) Integer retentionDays,
        /** Sessions to create with the event (POST only; ignored by PUT). */
        List<@Valid @NotNull SessionRequest> sessions,
        /** Categories that need an accepted photo before a badge exists (issue 14; null or []: none). */
        List<@NotNull Category> photoRequiredFor,
        /** Categories that must give an identity document (null or []: none). */
        List<@NotNull Category> identityRequiredFor,
        /** Issue 15: the visa letter settings, kept and checked by the visa feature (see VisaLetterHook); null: unchanged. */
        com.fasterxml.jackson.databind.JsonNode visaLetter,
        /** Issue 16: access zones to create with the event, which its sessions may name (POST only; ignored by PUT:
         *  zones are replaced through PUT /api/v1/events/{slug}/zones). */
        List<ZoneRecords.ZoneRequest> zones) {

    public static final String SLUG = "[a-z0-9][a-z0-9-]{0,62}[a-z0-9]";
}
