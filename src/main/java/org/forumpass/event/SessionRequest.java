package org.forumpass.event;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** Body of POST /api/v1/events/{slug}/sessions and PUT .../sessions/{code}. */
public record SessionRequest(
        @NotBlank @Pattern(regexp = SessionRequest.CODE, message = "must be 1-32 of A-Z, 0-9 and -") String code,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 300) String titleZh,
        @Size(max = 4000) String description,
        @Size(max = 4000) String descriptionZh,
        @NotNull SessionType type,
        @Size(max = 200) String room,
        @Size(max = 200) String roomZh,
        @NotNull OffsetDateTime startsAt,
        @NotNull OffsetDateTime endsAt,
        @Min(1) @Max(1_000_000) Integer capacity,
        /** null: every category may attend. */
        List<@NotNull Category> restrictedTo,
        Boolean requiresRegistration,
        /** Issue 16: the code of the event's access zone the session takes place in; null: none. */
        @Size(max = 32) String zone) {

    public static final String CODE = "[A-Z0-9-]{1,32}";
}
