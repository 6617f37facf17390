package org.forumpass.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.forumpass.common.ForumPassConfig;
import org.forumpass.common.I18n;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.AgendaSession;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;
import org.forumpass.registration.RegistrationSearch;

/**
 * Exports read rows through a database cursor inside one read-only transaction and write each as it
 * comes, so memory does not grow with the number of delegates. Rows are projections, not entities,
 * so nothing piles up in the persistence context.
 */
@ApplicationScoped
public class ExportService {
    private static final List<String> GROUPS = List.of("country", "organization", "delegation");

    @Inject
    EventService events;
    @Inject
    EntityManager em;
    @Inject
    ForumPassConfig config;
    @Inject
    org.forumpass.identity.IdentityColumns identityColumns;
    @Inject
    AnswerColumns answerColumns;
    @Inject
    RegistrationSearch search;

    public static void checkGroupBy(String groupBy) {
        if (groupBy != null && !groupBy.isBlank() && !GROUPS.contains(groupBy)) {
            throw DomainException.invalid("groupBy", "must be country, organization or delegation");
        }
    }

    /**
     * One row per delegate; with groupBy, each group together, sorted, closed by a subtotal; then a total. By
     * delegation (issue 15), groups go by the delegation's name and the delegates of none come last, under "No delegation"
     * in the export's language; every row names its delegation.
     */
    @Transactional
    public void delegates(String slug, RegistrationSearch.Filter filter, String groupBy, String lang, Table out) {
        delegates(slug, filter, groupBy, lang, false, out);
    }

    /** With {@code includeIdentity}, the identity document's columns too (decrypted; the caller audits it). */
    @Transactional
    public void delegates(String slug, RegistrationSearch.Filter filter, String groupBy, String lang, boolean includeIdentity,
                          Table out) {
        Event event = events.require(slug);
        RegistrationSearch.Where where = search.where(event, filter);
        boolean grouped = groupBy != null && !groupBy.isBlank();
        String order = !grouped ? "r.familyName, r.givenName, r.id"
                : groupBy.equals("country") ? "r.country, r.familyName, r.givenName, r.id"
                : groupBy.equals("delegation") ? "case when dl.id is null then 1 else 0 end, lower(dl.name), dl.id,"
                        + " r.familyName, r.givenName, r.id"
                : "coalesce(a.canonicalKey, r.organizationKey), r.familyName, r.givenName, r.id";
        // organizations group under the organizers' aliases ("Alibaba Group Holding" -> "Alibaba Group")
        String from = where.jpql().replaceFirst("^from Registration r where ",
                "from Registration r left join OrganizationAlias a on a.event = r.event and a.aliasKey = r.organizationKey"
                        + " left join Delegation dl on dl.id = r.delegationId"
                        + (includeIdentity ? org.forumpass.identity.IdentityColumns.JOIN : "") + " where ");
        AnswerColumns.Columns answers = answerColumns.of(event);
        int answersFrom = includeIdentity ? 24 : 21;
        TypedQuery<Object[]> q = em.createQuery("select r.publicId, r.status, r.givenName, r.familyName, r.nativeName,"
                + " r.organization, coalesce(a.canonicalKey, r.organizationKey), r.jobTitle, r.country, r.category, r.email,"
                + " r.phone, r.language, r.source, r.createdAt, a.canonical, dl.id, dl.name, r.vip, r.vipRank, r.protocolNote"
                + (includeIdentity ? org.forumpass.identity.IdentityColumns.SELECT : "") + answers.select() + " " + from + " order by " + order, Object[].class);
        where.params().map().forEach(q::setParameter);
        Locale locale = "zh".equals(lang) ? Locale.CHINESE : Locale.ENGLISH;
        ZoneId zone = event.zone();
        List<String> header = new ArrayList<>(List.of("id", "status", "givenName", "familyName", "nativeName", "organization",
                "delegation", "jobTitle", "country", "countryName", "category", "email", "phone", "language", "source", "registeredAt",
                "vip", "vipRank", "protocolNote")); // issue 16: the organizers' protocol fields
        if (includeIdentity) {
            header.addAll(org.forumpass.identity.IdentityColumns.HEADER);
        }
        header.addAll(answers.header(lang));
        if (grouped) {
            header.add(0, groupBy);
        }
        try {
            out.header(header);
            String groupKey = null;
            String groupLabel = null;
            long inGroup = 0;
            long total = 0;
            try (Stream<Object[]> rows = stream(q)) {
                for (Object[] r : (Iterable<Object[]>) rows::iterator) {
                    String country = (String) r[8];
                    String countryName = new Locale("", country).getDisplayCountry(locale);
                    if (grouped) {
                        String key = groupBy.equals("country") ? country : groupBy.equals("organization") ? (String) r[6]
                                : r[16] == null ? "" : r[16].toString();
                        if (groupKey != null && !groupKey.equals(key)) {
                            out.total(subtotal(lang, groupLabel, inGroup));
                            inGroup = 0;
                        }
                        if (!key.equals(groupKey)) {
                            groupKey = key;
                            groupLabel = groupBy.equals("country") ? countryName
                                    : groupBy.equals("delegation") ? (r[17] != null ? (String) r[17] : I18n.text(lang, "export.no_delegation"))
                                    : r[15] != null ? (String) r[15] : (String) r[5];
                        }
                    }
                    List<Object> cells = new ArrayList<>(Arrays.asList(r[0], r[1].toString(), r[2], r[3], r[4], r[5], r[17], r[7],
                            country, countryName, r[9].toString(), r[10], r[11], r[12], r[13],
                            OffsetDateTime.ofInstant((Instant) r[14], zone).toString(), Boolean.TRUE.equals(r[18]) ? "yes" : "",
                            r[19], r[20]));
                    if (includeIdentity) {
                        cells.addAll(identityColumns.cells(r[21], r[22], r[23]));
                    }
                    cells.addAll(answers.cells(r, answersFrom, lang));
                    if (grouped) {
                        cells.add(0, groupLabel);
                    }
                    out.row(cells);
                    inGroup++;
                    total++;
                }
            }
            if (grouped && groupKey != null) {
                out.total(subtotal(lang, groupLabel, inGroup));
            }
            List<Object> last = new ArrayList<>(List.of(I18n.text(lang, "export.total"), total));
            out.total(last);
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> subtotal(String lang, String label, long count) {
        return List.of(I18n.text(lang, "export.subtotal", Map.of("group", label)), count);
    }

    /** One row per session (and the venue entrance): capacity, registered, attended, no-shows, by country and (issue 15) by delegation. */
    @Transactional
    public void attendance(String slug, String lang, Table out) {
        Event event = events.require(slug);
        Map<Long, Long> registered = counts("select rs.session.id, count(rs) from RegistrationSession rs where rs.session.event = ?1"
                + " and rs.status = org.forumpass.registration.SeatStatus.CONFIRMED"
                + " and rs.registration.status = org.forumpass.registration.RegistrationStatus.CONFIRMED group by rs.session.id", event);
        Map<Long, Long> waitlisted = counts("select rs.session.id, count(rs) from RegistrationSession rs where rs.session.event = ?1"
                + " and rs.status = org.forumpass.registration.SeatStatus.WAITLISTED"
                + " and rs.registration.status = org.forumpass.registration.RegistrationStatus.CONFIRMED group by rs.session.id", event);
        Map<Long, Long> attended = counts("select c.sessionKey, count(c) from CheckIn c where c.eventId = ?1 group by c.sessionKey",
                event.id);
        Map<Long, Long> registeredAttended = counts("select c.sessionKey, count(c) from CheckIn c, RegistrationSession rs"
                + " where rs.registration.id = c.registrationId and rs.session.id = c.sessionKey and c.eventId = ?1"
                + " and rs.status = org.forumpass.registration.SeatStatus.CONFIRMED group by c.sessionKey", event.id);
        Map<Long, Long> inside = counts("select c.sessionKey, count(c) from CheckIn c where c.eventId = ?1 and c.inside = true"
                + " group by c.sessionKey", event.id);
        Map<Long, Long> peak = peakInside(event.id);
        Map<Long, StringBuilder> byCountry = new HashMap<>();
        for (Object[] row : em.createQuery("select c.sessionKey, r.country, count(c) from CheckIn c, Registration r"
                + " where r.id = c.registrationId and c.eventId = ?1 group by c.sessionKey, r.country"
                + " order by c.sessionKey, count(c) desc, r.country", Object[].class).setParameter(1, event.id).getResultList()) {
            StringBuilder sb = byCountry.computeIfAbsent((Long) row[0], k -> new StringBuilder());
            sb.append(sb.isEmpty() ? "" : "; ").append(row[1]).append(' ').append(row[2]);
        }
        Map<Long, StringBuilder> byDelegation = new HashMap<>();
        for (Object[] row : em.createQuery("select c.sessionKey, dl.name, count(c) from CheckIn c, Registration r, Delegation dl"
                + " where r.id = c.registrationId and dl.id = r.delegationId and c.eventId = ?1 group by c.sessionKey, dl.name"
                + " order by c.sessionKey, count(c) desc, dl.name", Object[].class).setParameter(1, event.id).getResultList()) {
            StringBuilder sb = byDelegation.computeIfAbsent((Long) row[0], k -> new StringBuilder());
            sb.append(sb.isEmpty() ? "" : "; ").append(row[1]).append(' ').append(row[2]);
        }
        long confirmed = em.createQuery("select count(r) from Registration r where r.event = ?1"
                + " and r.status = org.forumpass.registration.RegistrationStatus.CONFIRMED", Long.class)
                .setParameter(1, event).getSingleResult();
        boolean zh = "zh".equals(lang);
        ZoneId zone = event.zone();
        try {
            out.header(List.of("session", "title", "startsAt", "room", "capacity", "registered", "waitlisted", "attended",
                    "noShows", "insideNow", "peakInside", "attendanceByCountry", "attendanceByDelegation"));
            long atGate = attended.getOrDefault(0L, 0L);
            out.row(Arrays.asList("", I18n.text(lang, "export.venue_entrance"), OffsetDateTime.ofInstant(event.startsAt, zone).toString(),
                    "", event.capacity, confirmed, 0L, atGate, Math.max(0, confirmed - atGate), inside.getOrDefault(0L, 0L), peak.getOrDefault(0L, 0L),
                    byCountry.getOrDefault(0L, new StringBuilder()).toString(),
                    byDelegation.getOrDefault(0L, new StringBuilder()).toString()));
            for (AgendaSession s : AgendaSession.listByEvent(event)) {
                long reg = registered.getOrDefault(s.id, 0L);
                out.row(Arrays.asList(s.code, zh && s.titleZh != null ? s.titleZh : s.title,
                        OffsetDateTime.ofInstant(s.startsAt, zone).toString(), zh && s.roomZh != null ? s.roomZh : s.room,
                        s.capacity, reg, waitlisted.getOrDefault(s.id, 0L), attended.getOrDefault(s.id, 0L),
                        Math.max(0, reg - registeredAttended.getOrDefault(s.id, 0L)), inside.getOrDefault(s.id, 0L),
                        peak.getOrDefault(s.id, 0L),
                        byCountry.getOrDefault(s.id, new StringBuilder()).toString(),
                        byDelegation.getOrDefault(s.id, new StringBuilder()).toString()));
            }
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The most delegates inside each room at once: the accepted scans replayed in the order they happened
     * (an IN counts when the delegate was outside, an OUT when inside).
     */
    private Map<Long, Long> peakInside(long eventId) {
        Map<Long, Long> now = new HashMap<>();
        Map<Long, Long> peak = new HashMap<>();
        java.util.Set<String> inside = new java.util.HashSet<>();
        TypedQuery<Object[]> q = em.createQuery("select s.sessionId, s.registrationId, s.direction from Scan s"
                + " where s.eventId = ?1 and s.result = org.forumpass.checkin.ScanResult.ACCEPTED"
                + " order by coalesce(s.scannedAt, s.receivedAt), s.id", Object[].class).setParameter(1, eventId);
        try (Stream<Object[]> rows = stream(q)) {
            rows.forEach(r -> {
                long room = r[0] == null ? 0L : (Long) r[0];
                String who = r[1] + "@" + room;
                boolean in = "IN".equals(String.valueOf(r[2]));
                if (in ? inside.add(who) : inside.remove(who)) {
                    long n = now.merge(room, in ? 1L : -1L, Long::sum);
                    peak.merge(room, n, Math::max);
                }
            });
        }
        return peak;
    }

    /** The whole scan log, refused scans too, with device and server time. */
    @Transactional
    public void scans(String slug, Table out) {
        Event event = events.require(slug);
        Map<Long, String> sessionCodes = new LinkedHashMap<>();
        AgendaSession.listByEvent(event).forEach(s -> sessionCodes.put(s.id, s.code));
        TypedQuery<Object[]> q = em.createQuery("select s.receivedAt, s.scannedAt, s.deviceId, s.staffUsername, s.sessionId,"
                + " s.direction, s.result, s.manual, r.publicId, r.givenName, r.familyName, s.codeExcerpt, s.nonce"
                + " from Scan s left join Registration r on r.id = s.registrationId where s.eventId = ?1 order by s.receivedAt, s.id",
                Object[].class).setParameter(1, event.id);
        ZoneId zone = event.zone();
        try {
            out.header(List.of("receivedAt", "scannedAt", "deviceId", "staff", "session", "direction", "result", "manual",
                    "registrationId", "givenName", "familyName", "codeStart", "nonce"));
            try (Stream<Object[]> rows = stream(q)) {
                for (Object[] r : (Iterable<Object[]>) rows::iterator) {
                    out.row(Arrays.asList(time((Instant) r[0], zone), time((Instant) r[1], zone), r[2], r[3],
                            r[4] == null ? "" : sessionCodes.get((Long) r[4]), String.valueOf(r[5]), String.valueOf(r[6]),
                            Boolean.TRUE.equals(r[7]) ? "yes" : "no", r[8], r[9], r[10], r[11], r[12]));
                }
            }
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String time(Instant t, ZoneId zone) {
        return t == null ? "" : OffsetDateTime.ofInstant(t, zone).toString();
    }

    private Map<Long, Long> counts(String jpql, Object param) {
        Map<Long, Long> m = new HashMap<>();
        for (Object[] row : em.createQuery(jpql, Object[].class).setParameter(1, param).getResultList()) {
            m.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return m;
    }

    /** A forward-only cursor: Connector/J streams only with fetch size Integer.MIN_VALUE; others take a batch size. */
    private <T> Stream<T> stream(TypedQuery<T> q) {
        int fetch = "mysql".equals(config.db()) ? Integer.MIN_VALUE : 1000;
        return q.setHint("org.hibernate.fetchSize", fetch).setHint("org.hibernate.readOnly", true).getResultStream();
    }
}
