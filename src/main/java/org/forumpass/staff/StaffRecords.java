package org.forumpass.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Request and response bodies of sign-in and staff accounts. */
public final class StaffRecords {
    private StaffRecords() {
    }

    public record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    /** {@code events}: the event slugs the account may act on, or null for every event. */
    public record LoginResponse(String token, OffsetDateTime expiresAt, String role, List<String> events, String username,
                                String displayName) {
    }

    public record CreateStaffRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}", message = "must be 2-64 of a-z, 0-9, '.', '_' and '-'") String username,
            @NotBlank @Size(min = 10, max = 200, message = "must be 10 to 200 characters") String password,
            @NotNull StaffRole role,
            @Size(max = 100) String displayName,
            @Schema(description = "event slugs the account may act on; null or absent for every event", nullable = true)
            @Size(max = 100) List<@NotNull @Size(max = 64) String> events) {
        /** The same request with its username stripped and in lower case. */
        CreateStaffRequest normalized() {
            return new CreateStaffRequest(StaffAccount.normalize(username), password, role, displayName, events);
        }
    }

    /**
     * Any subset; {@code events} absent leaves the events as they are, {@code null} opens every event, a list
     * limits the account to those events (kept as a JSON node to tell absent from null).
     */
    public record UpdateStaffRequest(
            @Size(min = 10, max = 200, message = "must be 10 to 200 characters") String password,
            StaffRole role,
            @Size(max = 100) String displayName,
            Boolean active,
            @Schema(type = SchemaType.ARRAY, implementation = String.class, nullable = true,
                    description = "event slugs the account may act on; null for every event; absent: unchanged")
            JsonNode events) {
    }

    public record StaffView(String username, String displayName, StaffRole role, boolean active, List<String> events,
                            OffsetDateTime createdAt) {
        public static StaffView from(StaffAccount a) {
            return new StaffView(a.username, a.displayName, a.role, a.active, a.events(), utc(a.createdAt));
        }
    }

    public record Me(String username, String role, List<String> events) {
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
