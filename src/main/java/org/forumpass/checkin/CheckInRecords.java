package org.forumpass.checkin;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.forumpass.event.Category;

public final class CheckInRecords {
    private CheckInRecords() {
    }

    /**
     * A scan as a door sends it. {@code offlineResult} (issue 16): the verdict the door showed when it decided offline
     * and queued the scan for the batch upload; absent for a scan decided online, and from door pages older than it.
     */
    public record ScanRequest(@NotNull @Size(max = 512) String code, @Size(max = 32) String session, Direction direction,
                              @NotBlank @Size(max = 64) String deviceId, @NotBlank @Size(max = 64) String nonce,
                              OffsetDateTime scannedAt, ScanResult offlineResult) {
        /** A scan decided online (no offline verdict). */
        public ScanRequest(String code, String session, Direction direction, String deviceId, String nonce,
                           OffsetDateTime scannedAt) {
            this(code, session, direction, deviceId, nonce, scannedAt, null);
        }
    }

    public record BatchRequest(@NotNull @Size(max = 10_000) List<@Valid @NotNull ScanRequest> scans) {
    }

    /** {@code ref} from the door search; organizers may send {@code registrationId} instead. */
    public record ManualRequest(@Size(max = 300) String ref, @Size(max = 64) String registrationId, @Size(max = 32) String session,
                                Direction direction, @NotBlank @Size(max = 64) String deviceId,
                                @NotBlank @Size(max = 64) String nonce, OffsetDateTime scannedAt) {
    }

    /**
     * Who a scan is about. Issue 16: {@code vip}, {@code vipRank} (1-5 or null) and {@code protocolNote} tell door staff
     * and organizers how to receive a VIP ("Escort to front row, seat A3"); only organizers set them.
     */
    public record Delegate(String id, String givenName, String familyName, String nativeName, String organization,
                           String country, Category category, boolean vip, Integer vipRank, String protocolNote) {
        /** Issue 14: the photo's thumbnail, for door staff to compare faces (404 while the delegate has none). */
        @com.fasterxml.jackson.annotation.JsonProperty("photo")
        public String photo() {
            return id == null ? null : "/api/v1/registrations/" + id + "/photo.jpg?size=thumb";
        }
    }

    /**
     * What a door shows for a scan. {@code conflict} (issue 16): the scan's request says the door admitted it offline
     * ({@code offlineResult} ACCEPTED) and the server did not ({@link ScanConflicts#isConflict}); false for every scan
     * decided online.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ScanAnswer(ScanResult result, Delegate delegate, String session, OffsetDateTime firstScannedAt,
                             String firstDeviceId, String message, boolean conflict) {
        public ScanAnswer(ScanResult result, Delegate delegate, String session, OffsetDateTime firstScannedAt,
                          String firstDeviceId, String message) {
            this(result, delegate, session, firstScannedAt, firstDeviceId, message, false);
        }

        /** This answer judged against what the door decided offline, if it did. */
        public ScanAnswer judged(ScanResult offlineResult) {
            boolean c = ScanConflicts.isConflict(offlineResult, result);
            return c == conflict ? this : new ScanAnswer(result, delegate, session, firstScannedAt, firstDeviceId, message, c);
        }
    }

    public record BatchAnswer(List<ScanAnswer> results) {
    }

    /**
     * Issue 16: one VIP's arrival on the arrivals board ({@code event: arrival}, {@code id:} the registration id): who,
     * rank and protocol note, and their first check-in at any door: the session's code and title (null for the venue
     * entrance), when in the event's time zone, and the door device.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Arrival(String registrationId, String givenName, String familyName, String nativeName, String organization,
                          String country, Category category, Integer rank, String note, String session, String sessionTitle,
                          OffsetDateTime at, String deviceId) {
    }

    /** A search match: organizers get {@code id}, e-mail and phone; door staff an opaque {@code ref} instead. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Found(String id, String ref, String givenName, String familyName, String nativeName, String organization,
                        String country, Category category, String status, String email, String phone) {
    }
}
