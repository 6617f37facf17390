package org.forumpass.checkin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.forumpass.badge.BadgeCodec;
import org.forumpass.badge.BadgeKeys;
import org.forumpass.event.AccessZone;
import org.forumpass.event.AccessZones;
import org.forumpass.event.AgendaSession;
import org.forumpass.event.Category;
import org.forumpass.event.Event;
import org.forumpass.photo.DoorThumbs;
import org.forumpass.registration.RegistrationStatus;

/**
 * What a door needs to judge a badge without the server (API.md, "the door offline"): every current badge of the
 * event by its code's digest with the delegate's names, category, status, sessions, zones, protocol flags and the
 * digest of a door thumbnail; the revoked digests; and the rules of every door of the event, so a steward who
 * changes doors offline keeps the same rules. The door page runs {@code door/admission.js} on these facts, the same
 * function as {@link Admission}.
 *
 * <p>Signed, not encrypted: the body's bytes are signed with the event's badge key (Ed25519, under the context
 * {@value #CONTEXT}), and the page verifies the signature against the published keys before it uses a roster, and
 * again each time it reads its stored copy. {@code version} is a digest of everything but the time it was made, so a
 * door that already has this version gets 304 and nothing else; a changed roster is a full reload of its text (about
 * 200 bytes a delegate before compression). Thumbnails are not in the text: the page fetches each one once by its
 * digest ({@link #thumbnails}), so a reload of 10,000 delegates costs their text, not their faces.
 */
@ApplicationScoped
public class DoorRoster {
    /** Prefixed to the body's bytes before signing. */
    public static final String CONTEXT = "forumpass-door-roster-v1\n";
    /** How long one replica answers doors from the roster it made last (many doors refresh together). */
    private static final long CACHE_MILLIS = 2000;
    /** Thumbnails in one request, at most. */
    public static final int MAX_THUMBNAILS = 500;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Doors doors;
    @Inject
    BadgeKeys keys;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;
    @Inject
    AccessZones accessZones;

    /**
     * One delegate as the door sees them. {@code photo}: the digest of their door thumbnail; {@code photoThumb}: the
     * thumbnail itself (base64), only when asked for inline.
     */
    public record Entry(String digest, String givenName, String familyName, String nativeName, String organization,
                        String country, Category category, RegistrationStatus status, List<String> sessions,
                        List<String> zones, boolean vip, Integer vipRank, String protocolNote, String photo,
                        String photoThumb) {
    }

    /** The rules' parameters: the event's check-in window, this door's rules and every session door's, by code. */
    public record Rules(Admission.Window window, Admission.Door door, Map<String, Admission.Door> doors) {
    }

    private record Content(String event, String eventTag, String session, int count, List<Entry> entries,
                           List<String> revoked, Rules rules) {
    }

    /** A roster ready to send: its version, its bytes, and their signature as {@code kid.signature}. */
    public record Signed(String version, byte[] body, String signature, int count) {
    }

    private record Cached(Signed signed, long madeAt) {
    }

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    /** The signed roster of an event for one door ({@code session} blank: the entrance). */
    public Signed roster(String slug, String session, boolean inlinePhotos) {
        Doors.Venue venue = doors.venue(slug);
        AgendaSession door = venue.session(session);
        String key = slug + "\n" + (door == null ? "" : door.code) + "\n" + inlinePhotos;
        long now = System.currentTimeMillis();
        Cached c = cache.get(key);
        if (c != null && now - c.madeAt() < CACHE_MILLIS) {
            return c.signed();
        }
        Signed signed = make(venue, door, inlinePhotos);
        cache.put(key, new Cached(signed, now));
        return signed;
    }

    private Signed make(Doors.Venue venue, AgendaSession door, boolean inlinePhotos) {
        Event event = venue.event();
        Map<String, Admission.Door> rulesByCode = new TreeMap<>();
        venue.byCode().forEach((code, s) -> rulesByCode.put(code, venue.rules(s)));
        Rules rules = new Rules(venue.window(), venue.rules(door), rulesByCode);
        List<Entry> entries;
        List<String> revoked;
        try (Connection con = dataSource.getConnection()) {
            fillMissingThumbnails(con, event.id);
            entries = entries(con, venue, inlinePhotos);
            revoked = revoked(con, event.id);
        } catch (SQLException e) {
            throw new ScanStore.ScanStoreException(e);
        }
        Content content = new Content(event.slug, BadgeCodec.eventTag(event.slug), door == null ? null : door.code,
                entries.size(), entries, revoked, rules);
        try {
            byte[] json = mapper.writeValueAsBytes(content);
            String version = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(json)).substring(0, 22);
            ByteArrayOutputStream body = new ByteArrayOutputStream(json.length + 100);
            body.writeBytes(("{\"version\":\"" + version + "\",\"generatedAt\":\"" + clock.instant() + "\",")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(json, 1, json.length - 1);
            byte[] bytes = body.toByteArray();
            BadgeKeys.Signer signer = keys.signer();
            return new Signed(version, bytes, signer.kid() + "." + BadgeCodec.signature(CONTEXT, bytes, signer.key()),
                    entries.size());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Entry> entries(Connection con, Doors.Venue venue, boolean inlinePhotos) throws SQLException {
        Map<Long, List<String>> sessions = sessions(con, venue);
        ZoneList zones = ZoneList.of(accessZones.of(venue.event()));
        List<Entry> out = new ArrayList<>();
        String sql = "select b.digest, r.id, r.given_name, r.family_name, r.native_name, r.organization, r.country,"
                + " r.category, r.status, r.vip, r.vip_rank, r.protocol_note, p.door_thumb_hash"
                + (inlinePhotos ? ", p.door_thumb" : "")
                + " from badge b join registration r on r.id = b.registration_id"
                + " left join registration_photo p on p.registration_id = r.id"
                + " where b.event_id = ? and b.revoked_at is null order by b.digest";
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setLong(1, venue.event().id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Category category = Category.valueOf(rs.getString(8));
                    int rank = rs.getInt(11);
                    Integer vipRank = rs.wasNull() ? null : rank;
                    byte[] thumb = inlinePhotos ? rs.getBytes(14) : null;
                    out.add(new Entry(rs.getString(1), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), category, RegistrationStatus.valueOf(rs.getString(9)),
                            sessions.getOrDefault(rs.getLong(2), List.of()), zones.codesFor(category), rs.getBoolean(10),
                            vipRank, rs.getString(12), rs.getString(13),
                            thumb == null ? null : Base64.getEncoder().encodeToString(thumb)));
                }
            }
        }
        return out;
    }

    /** Each delegate's confirmed sessions, by code. */
    private static Map<Long, List<String>> sessions(Connection con, Doors.Venue venue) throws SQLException {
        Map<Long, List<String>> out = new HashMap<>();
        if (venue.byId().isEmpty()) {
            return out;
        }
        String sql = "select rs.registration_id, rs.session_id from registration_session rs"
                + " join agenda_session s on s.id = rs.session_id where s.event_id = ? and rs.status = 'CONFIRMED'"
                + " order by rs.registration_id, rs.session_id";
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setLong(1, venue.event().id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AgendaSession s = venue.byId().get(rs.getLong(2));
                    if (s != null) {
                        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(4)).add(s.code);
                    }
                }
            }
        }
        return out;
    }

    private static List<String> revoked(Connection con, long eventId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = con.prepareStatement(
                "select digest from badge where event_id = ? and revoked_at is not null order by digest")) {
            ps.setLong(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Photos stored before door thumbnails existed get theirs the first time a roster of their event is made. */
    private static void fillMissingThumbnails(Connection con, long eventId) throws SQLException {
        Map<Long, byte[]> missing = new LinkedHashMap<>();
        try (PreparedStatement ps = con.prepareStatement("select p.id, p.thumbnail from registration_photo p"
                + " join registration r on r.id = p.registration_id where r.event_id = ? and p.door_thumb_hash is null")) {
            ps.setLong(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    missing.put(rs.getLong(1), rs.getBytes(2));
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = con.prepareStatement(
                "update registration_photo set door_thumb = ?, door_thumb_hash = ? where id = ? and door_thumb_hash is null")) {
            for (Map.Entry<Long, byte[]> m : missing.entrySet()) {
                byte[] thumb = DoorThumbs.make(m.getValue());
                ps.setBytes(1, thumb);
                ps.setString(2, DoorThumbs.hash(thumb));
                ps.setLong(3, m.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Door thumbnails of this event by digest (base64 JPEG); digests that are no photo of the event are left out. */
    public Map<String, String> thumbnails(String slug, Collection<String> digests) {
        Map<String, String> out = new TreeMap<>();
        if (digests.isEmpty()) {
            return out;
        }
        long eventId = doors.venue(slug).event().id;
        String sql = "select p.door_thumb_hash, p.door_thumb from registration_photo p join registration r"
                + " on r.id = p.registration_id where r.event_id = ? and p.door_thumb_hash in ("
                + String.join(",", java.util.Collections.nCopies(digests.size(), "?")) + ")";
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setLong(1, eventId);
            int i = 2;
            for (String d : digests) {
                ps.setString(i++, d);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), Base64.getEncoder().encodeToString(rs.getBytes(2)));
                }
            }
        } catch (SQLException e) {
            throw new ScanStore.ScanStoreException(e);
        }
        return out;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The zones a delegate of each category may enter, in the organizer's order, worked out once per roster. */
    private record ZoneList(Map<Category, List<String>> byCategory) {
        static ZoneList of(List<AccessZone> zones) {
            Map<Category, List<String>> by = new EnumMap<>(Category.class);
            for (Category c : Category.values()) {
                by.put(c, AccessZones.codesFor(zones, c));
            }
            return new ZoneList(by);
        }

        List<String> codesFor(Category category) {
            return byCategory.getOrDefault(category, List.of());
        }
    }
}
