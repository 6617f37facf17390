package org.forumpass.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Request and response bodies of sign-in and staff accounts. */
public final class StaffRecords {
    private StaffRecords() {
    }

    public record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    public record LoginResponse(String token, OffsetDateTime expiresAt, String role, String username, String displayName) {
    }

    public record CreateStaffRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}", message = "must be 2-64 of a-z, 0-9, '.', '_' and '-'") String username,
            @NotBlank @Size(min = 10, max = 200, message = "must be 10 to 200 characters") String password,
            @NotNull StaffRole role,
            @Size(max = 100) String displayName) {
    }

    public record UpdateStaffRequest(
            @Size(min = 10, max = 200, message = "must be 10 to 200 characters") String password,
            StaffRole role,
            @Size(max = 100) String displayName,
            Boolean active) {
    }

    public record StaffView(String username, String displayName, StaffRole role, boolean active, OffsetDateTime createdAt) {
        public static StaffView from(StaffAccount a) {
            return new StaffView(a.username, a.displayName, a.role, a.active, utc(a.createdAt));
        }
    }

    public record Me(String username, String role) {
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
