package org.forumpass.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.forumpass.event.AgendaSession;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;

/** Live figures for the organizers' dashboard; read-only aggregate queries, no entity loading per delegate. */
@ApplicationScoped
public class StatsService {
    static final int MINUTES = 30;

    @Inject
    EventService events;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    public record CountryCount(String country, long count) {
    }

    /** issue 15: a delegation's confirmed and pending members. */
    public record DelegationCount(String id, String name, long count) {
    }

    public record Registrations(long total, Map<String, Long> byStatus, Map<String, Long> byCategory,
                                List<CountryCount> byCountry, List<DelegationCount> byDelegation) {
    }

    public record SessionStats(String code, String title, String titleZh, OffsetDateTime startsAt, Integer capacity,
                               long registered, long waitlisted, long checkedIn, long insideNow) {
    }

    public record Place(long checkedIn, long insideNow) {
    }

    public record Minute(OffsetDateTime minute, long scans, long accepted) {
    }

    public record Day(String day, long registrations) {
    }

    public record Stats(String event, OffsetDateTime generatedAt, Registrations registrations, Place entrance,
                        List<SessionStats> sessions, List<Minute> scansPerMinute, List<Day> registrationsPerDay) {
    }

    @Transactional
    public Stats stats(String slug) {
        Event event = events.require(slug);
        Instant now = clock.instant();
        Map<String, Long> byStatus = new TreeMap<>();
        long total = 0;
        for (Object[] row : rows("select r.status, count(r) from Registration r where r.event = ?1 group by r.status", event)) {
            byStatus.put(row[0].toString(), (Long) row[1]);
            total += (Long) row[1];
        }
        Map<String, Long> byCategory = new TreeMap<>();
        for (Object[] row : rows("select r.category, count(r) from Registration r where r.event = ?1"
                + " and r.status in (org.forumpass.registration.RegistrationStatus.CONFIRMED,"
                + " org.forumpass.registration.RegistrationStatus.PENDING) group by r.category", event)) {
            byCategory.put(row[0].toString(), (Long) row[1]);
        }
        List<CountryCount> byCountry = new ArrayList<>();
        for (Object[] row : rows("select r.country, count(r) from Registration r where r.event = ?1"
                + " and r.status in (org.forumpass.registration.RegistrationStatus.CONFIRMED,"
                + " org.forumpass.registration.RegistrationStatus.PENDING) group by r.country order by count(r) desc, r.country", event)) {
            byCountry.add(new CountryCount((String) row[0], (Long) row[1]));
        }
        List<DelegationCount> byDelegation = new ArrayList<>();
        for (Object[] row : rows("select dl.publicId, dl.name, count(r) from Registration r, Delegation dl where r.event = ?1"
                + " and dl.id = r.delegationId and r.status in (org.forumpass.registration.RegistrationStatus.CONFIRMED,"
                + " org.forumpass.registration.RegistrationStatus.PENDING) group by dl.publicId, dl.name"
                + " order by count(r) desc, dl.name", event)) {
            byDelegation.add(new DelegationCount((String) row[0], (String) row[1], (Long) row[2]));
        }

        Map<Long, long[]> seats = new HashMap<>();
        for (Object[] row : rows("select rs.session.id, rs.status, count(rs) from RegistrationSession rs"
                + " where rs.session.event = ?1 and rs.registration.status = org.forumpass.registration.RegistrationStatus.CONFIRMED"
                + " group by rs.session.id, rs.status", event)) {
            long[] c = seats.computeIfAbsent((Long) row[0], k -> new long[2]);
            c["CONFIRMED".equals(row[1].toString()) ? 0 : 1] += (Long) row[2];
        }
        Map<Long, long[]> presence = new HashMap<>();
        for (Object[] row : rows("select c.sessionKey, count(c), sum(case when c.inside = true then 1 else 0 end)"
                + " from CheckIn c where c.eventId = ?1 group by c.sessionKey", event.id)) {
            presence.put((Long) row[0], new long[] {(Long) row[1], row[2] == null ? 0 : ((Number) row[2]).longValue()});
        }
        List<SessionStats> sessions = new ArrayList<>();
        for (AgendaSession s : AgendaSession.listByEvent(event)) {
            long[] seat = seats.getOrDefault(s.id, new long[2]);
            long[] p = presence.getOrDefault(s.id, new long[2]);
            sessions.add(new SessionStats(s.code, s.title, s.titleZh, OffsetDateTime.ofInstant(s.startsAt, event.zone()),
                    s.capacity, seat[0], seat[1], p[0], p[1]));
        }
        long[] gate = presence.getOrDefault(0L, new long[2]);

        Instant from = now.truncatedTo(ChronoUnit.MINUTES).minus(MINUTES - 1, ChronoUnit.MINUTES);
        Map<Instant, long[]> perMinute = new LinkedHashMap<>();
        for (int i = 0; i < MINUTES; i++) {
            perMinute.put(from.plus(i, ChronoUnit.MINUTES), new long[2]);
        }
        for (Object[] row : rows("select s.receivedAt, s.result from Scan s where s.eventId = ?1 and s.receivedAt >= ?2", event.id, from)) {
            long[] c = perMinute.get(((Instant) row[0]).truncatedTo(ChronoUnit.MINUTES));
            if (c != null) {
                c[0]++;
                if ("ACCEPTED".equals(row[1].toString())) {
                    c[1]++;
                }
            }
        }
        List<Minute> minutes = perMinute.entrySet().stream()
                .map(e -> new Minute(OffsetDateTime.ofInstant(e.getKey(), event.zone()), e.getValue()[0], e.getValue()[1])).toList();
        List<Day> days = new ArrayList<>();
        for (Object[] row : rows("select year(r.createdAt), month(r.createdAt), day(r.createdAt), count(r) from Registration r"
                + " where r.event = ?1 group by year(r.createdAt), month(r.createdAt), day(r.createdAt)"
                + " order by year(r.createdAt), month(r.createdAt), day(r.createdAt)", event)) {
            days.add(new Day(String.format("%04d-%02d-%02d", ((Number) row[0]).intValue(), ((Number) row[1]).intValue(),
                    ((Number) row[2]).intValue()), ((Number) row[3]).longValue()));
        }
        return new Stats(event.slug, OffsetDateTime.ofInstant(now, event.zone()),
                new Registrations(total, byStatus, byCategory, byCountry, byDelegation), new Place(gate[0], gate[1]), sessions, minutes,
                days);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String jpql, Object... params) {
        var q = em.createQuery(jpql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getResultList();
    }
}
