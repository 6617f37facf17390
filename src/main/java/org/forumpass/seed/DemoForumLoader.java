package org.forumpass.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.forumpass.common.ForumPassConfig;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.EventError;
import org.forumpass.event.EventRequest;
import org.forumpass.event.EventService;
import org.forumpass.event.SessionRequest;
import org.forumpass.event.ZoneRecords.ZoneRequest;
import org.jboss.logging.Logger;

/**
 * Loads the demo forums from seeds/forums/ on start (embedded default; FORUMPASS_DEMO_LOAD=false
 * switches it off). Each forum is moved to upcoming dates, keeping its local times of day, so that
 * it takes registrations; one whose slug exists is left alone, so loading is idempotent. A forum is created with
 * its own registration fields (issue 14), its delegations with their members (issue 15) and its access zones, which
 * its sessions name (issue 16; part of the event's body, their hours moved with it).
 */
@ApplicationScoped
public class DemoForumLoader {
    private static final Logger LOG = Logger.getLogger(DemoForumLoader.class);
    public static final List<String> FILES = List.of("bri-ict-forum.json", "wic-digital-silk-road.json");

    @Inject
    EventService events;
    @Inject
    ObjectMapper mapper;
    @Inject
    ForumPassConfig config;
    @Inject
    Clock clock;
    @Inject
    DemoForms demoForms;
    @Inject
    DemoDelegations demoDelegations;

    void onStart(@Observes @Priority(30) StartupEvent ev) {
        if (config.demo().load()) {
            List<String> loaded = loadAll();
            if (!loaded.isEmpty()) {
                LOG.infof("Loaded the demo forums %s", loaded);
            }
        }
    }

    /** Loads every demo forum that is not there yet; answers the slugs it created. */
    public List<String> loadAll() {
        List<String> created = new ArrayList<>();
        for (String file : FILES) {
            EventRequest forum = read(file);
            if (events.exists(forum.slug())) {
                continue;
            }
            try {
                events.create(forum);
                demoForms.apply(forum.slug(), file); // issue 14: the forum's own registration fields
                demoDelegations.apply(forum.slug(), file, shiftDays(file, forum)); // issue 15: an embassy and a company, with members
                created.add(forum.slug());
            } catch (DomainException e) {
                if (e.error() != EventError.SLUG_TAKEN) {
                    throw e;
                }
            }
        }
        return created;
    }

    /** A demo forum as stored in seeds/, moved to start {@code demo.startsInDays} days from today. */
    public EventRequest read(String file) {
        try (InputStream in = DemoForumLoader.class.getResourceAsStream("/seeds/forums/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing seed file seeds/forums/" + file);
            }
            ObjectNode node = (ObjectNode) mapper.readTree(in);
            JsonNode demo = node.remove("demo");
            node.remove("form"); // read by DemoForms
            node.remove("delegations"); // read by DemoDelegations
            EventRequest r = mapper.treeToValue(node, EventRequest.class);
            int inDays = demo == null ? 30 : demo.path("startsInDays").asInt(30);
            ZoneId zone = ZoneId.of(r.timeZone());
            LocalDate target = LocalDate.now(clock.withZone(zone)).plusDays(inDays);
            long shift = ChronoUnit.DAYS.between(r.startsAt().atZoneSameInstant(zone).toLocalDate(), target);
            return shift(r, zone, shift);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many days the loaded copy of a forum was moved from the date its seed file keeps. */
    long shiftDays(String file, EventRequest loaded) {
        try (InputStream in = DemoForumLoader.class.getResourceAsStream("/seeds/forums/" + file)) {
            ZoneId zone = ZoneId.of(loaded.timeZone());
            OffsetDateTime stored = OffsetDateTime.parse(mapper.readTree(in).get("startsAt").asText());
            return ChronoUnit.DAYS.between(stored.atZoneSameInstant(zone).toLocalDate(),
                    loaded.startsAt().atZoneSameInstant(zone).toLocalDate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EventRequest shift(EventRequest r, ZoneId zone, long days) {
        List<SessionRequest> sessions = r.sessions() == null ? List.of() : r.sessions().stream()
                .map(s -> new SessionRequest(s.code(), s.title(), s.titleZh(), s.description(), s.descriptionZh(), s.type(),
                        s.room(), s.roomZh(), at(s.startsAt(), zone, days), at(s.endsAt(), zone, days), s.capacity(),
                        s.restrictedTo(), s.requiresRegistration(), s.zone()))
                .toList();
        // issue 16: the zones' opening hours move with the forum
        List<ZoneRequest> zones = r.zones() == null ? null : r.zones().stream()
                .map(z -> new ZoneRequest(z.code(), z.name(), z.color(), z.categories(), at(z.from(), zone, days),
                        at(z.to(), zone, days)))
                .toList();
        return new EventRequest(r.slug(), r.name(), r.nameZh(), r.theme(), r.themeZh(), r.description(), r.descriptionZh(),
                r.city(), r.cityZh(), r.venue(), r.venueZh(), at(r.startsAt(), zone, days), at(r.endsAt(), zone, days),
                r.timeZone(), at(r.registrationOpensAt(), zone, days), at(r.registrationClosesAt(), zone, days),
                r.capacity(), r.approvalRequiredFor(), r.invitationRequiredFor(), r.selfServiceCategories(), r.checkinWindowEnabled(),
                r.checkinOpensMinutesBefore(), r.retentionDays(), sessions, r.photoRequiredFor(), r.identityRequiredFor(),
                r.visaLetter(), zones);
    }

    private static OffsetDateTime at(OffsetDateTime t, ZoneId zone, long days) {
        return t == null ? null : t.atZoneSameInstant(zone).plusDays(days).toOffsetDateTime();
    }

    /** A zone's time as the seed writes it (ISO-8601 text), moved like the forum's. */
    private static String at(String t, ZoneId zone, long days) {
        return t == null ? null : at(OffsetDateTime.parse(t), zone, days).toString();
    }
}
