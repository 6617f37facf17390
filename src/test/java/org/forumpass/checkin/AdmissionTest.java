package org.forumpass.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.forumpass.event.Category;
import org.forumpass.registration.RegistrationStatus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every case of {@code admission-cases.json} against {@link Admission}, without Quarkus. */
class AdmissionTest {
    static JsonNode cases() throws IOException {
        try (InputStream in = AdmissionTest.class.getResourceAsStream("/admission-cases.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseOfTheSharedTable() throws IOException {
        JsonNode doc = cases();
        return StreamSupport.stream(doc.get("cases").spliterator(), false).map(c -> DynamicTest.dynamicTest(
                c.get("name").asText(), () -> {
                    Admission.Decision d = Admission.decide(facts(doc.get("defaults"), c.get("facts")));
                    JsonNode e = c.get("expect");
                    assertEquals(e.get("result").asText(), d.result().name(), "result");
                    assertEquals(e.get("write").asText(), d.write().name(), "write");
                    assertEquals(e.get("roomPlaces").asInt(), d.roomPlaces(), "roomPlaces");
                    assertEquals(text(e.get("firstScannedAt")), d.firstScannedAt() == null ? null : d.firstScannedAt().toString(),
                            "firstScannedAt");
                    assertEquals(text(e.get("firstDeviceId")), d.firstDeviceId(), "firstDeviceId");
                }));
    }

    @Test
    void theTableHasEveryVerdictAndWrite() throws IOException {
        Set<String> results = new LinkedHashSet<>();
        Set<String> writes = new LinkedHashSet<>();
        cases().get("cases").forEach(c -> {
            results.add(c.get("expect").get("result").asText());
            writes.add(c.get("expect").get("write").asText());
        });
        for (ScanResult r : ScanResult.values()) {
            assertTrue(results.contains(r.name()), "no case answers " + r);
        }
        for (Admission.Write w : Admission.Write.values()) {
            assertTrue(writes.contains(w.name()), "no case writes " + w);
        }
    }

    @Test
    void aFullRoomIsDecidedAgainAfterTheConditionalUpdateFails() {
        Admission.Facts f = new Admission.Facts(true, true, false, RegistrationStatus.CONFIRMED, Category.MEDIA,
                new Admission.Door(null, false, true, Instant.parse("2026-04-16T09:00:00Z"), Instant.parse("2026-04-16T10:00:00Z")),
                false, Admission.Window.NONE, Direction.IN, Instant.parse("2026-04-16T09:10:00Z"), "door-1", null, false);
        assertEquals(ScanResult.ACCEPTED, Admission.decide(f).result());
        assertEquals(1, Admission.decide(f).roomPlaces());
        assertEquals(ScanResult.SESSION_FULL, Admission.decide(f.withRoomFull()).result());
    }

    static Admission.Facts facts(JsonNode defaults, JsonNode overrides) {
        ObjectNode f = defaults.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> it = overrides.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            f.set(e.getKey(), e.getValue());
        }
        JsonNode door = f.get("door");
        JsonNode window = f.get("window");
        JsonNode presence = f.get("presence");
        return new Admission.Facts(f.get("known").asBoolean(), f.get("sameEvent").asBoolean(), f.get("revoked").asBoolean(),
                RegistrationStatus.valueOf(f.get("status").asText()), Category.valueOf(f.get("category").asText()),
                door.isNull() ? null : new Admission.Door(categories(door.get("restrictedTo")),
                        door.get("requiresRegistration").asBoolean(), door.get("counted").asBoolean(),
                        Instant.parse(door.get("startsAt").asText()), Instant.parse(door.get("endsAt").asText()),
                        zone(door.get("zone"))),
                f.get("hasSeat").asBoolean(), new Admission.Window(window.get("enabled").asBoolean(),
                        window.get("opensMinutesBefore").asInt()),
                Direction.valueOf(f.get("direction").asText()), Instant.parse(f.get("at").asText()), f.get("deviceId").asText(),
                presence.isNull() ? null : new Admission.Presence(presence.get("inside").asBoolean(),
                        Instant.parse(presence.get("firstScannedAt").asText()), presence.get("firstDeviceId").asText()),
                f.get("roomFull").asBoolean());
    }

    /** Issue 16: the door's access zone ({@code door.zone}), absent or null for a door in no zone. */
    private static Admission.Zone zone(JsonNode zone) {
        if (zone == null || zone.isNull()) {
            return null;
        }
        return new Admission.Zone(zone.get("code").asText(), categories(zone.get("categories")), time(zone.get("from")),
                time(zone.get("to")));
    }

    /** A time of the table, with Z or an offset; null stays null. */
    private static Instant time(JsonNode n) {
        return n == null || n.isNull() ? null : OffsetDateTime.parse(n.asText()).toInstant();
    }

    private static Set<Category> categories(JsonNode list) {
        if (list == null || list.isNull()) {
            return null;
        }
        Set<Category> out = EnumSet.noneOf(Category.class);
        list.forEach(c -> out.add(Category.valueOf(c.asText())));
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
