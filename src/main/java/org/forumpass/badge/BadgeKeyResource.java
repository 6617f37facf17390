package org.forumpass.badge;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;

/** What a door device needs to verify badge codes offline: the public keys and the revoked codes. */
@Path("/api/v1/events/{slug}/badge-keys")
@Tag(name = "Badges")
public class BadgeKeyResource {
    @Inject
    EventService events;
    @Inject
    BadgeKeys keys;
    @Inject
    BadgeService badges;
    @Inject
    Clock clock;

    /**
     * {@code eventTag}: what FP2 codes of this event carry; {@code eventId}: what FP1 codes carry, given only
     * while such a code of the event is current (null otherwise); {@code formats}: the prefixes that verify.
     */
    public record KeySet(String event, String eventTag, Long eventId, String format, List<String> formats,
                         List<BadgeKeys.Jwk> keys, List<String> revoked, Instant generatedAt) {
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Public keys (JWK, Ed25519) that verify badge codes, and the SHA-256 digests (base64url)"
            + " of revoked codes")
    public KeySet get(@PathParam("slug") String slug) {
        Event event = events.require(slug);
        return new KeySet(event.slug, BadgeCodec.eventTag(event.slug), badges.legacyEventId(event), "FP2",
                List.of("FP1", "FP2"), keys.publicKeys(), badges.revokedDigests(event), clock.instant());
    }
}
