package org.forumpass.report;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.forumpass.common.ForumPassConfig;
import org.forumpass.common.I18n;
import org.forumpass.common.Languages;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.AgendaSession;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;
import org.forumpass.registration.RegistrationSearch;
import org.forumpass.web.Countries;

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
     * One row per delegate; with groupBy, each group together, closed by a subtotal; then a total. Headers, categories,
     * statuses and the rest are words in the export's language, times the event's local time ({@code 2026-04-16 09:12}),
     * the registration ID the last column. Groups go in the order of the name shown (English alphabetical, Chinese
     * pinyin, {@link #collator}); those of no delegation, no organization or no country last. With a per-group workbook
     * ({@link Table#sheetPerGroup()}), each group gets a sheet and the summary sheet the totals.
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
        lang = Languages.supported(lang);
        RegistrationSearch.Where where = search.where(event, filter);
        boolean grouped = groupBy != null && !groupBy.isBlank();
        // organizations group under the organizers' aliases ("Alibaba Group Holding" -> "Alibaba Group")
        String joins = "from Registration r left join OrganizationAlias a on a.event = r.event and a.aliasKey = r.organizationKey"
                + " left join Delegation dl on dl.id = r.delegationId";
        String counted = where.jpql().replaceFirst("^from Registration r where ", joins + " where (") + ")";
        String from = includeIdentity ? counted.replaceFirst(" where \\(", org.forumpass.identity.IdentityColumns.JOIN + " where (")
                : counted;
        AnswerColumns.Columns answers = answerColumns.of(event);
        int answersFrom = includeIdentity ? 24 : 21;
        String select = "select r.publicId, r.status, r.givenName, r.familyName, r.nativeName,"
                + " r.organization, coalesce(a.canonicalKey, r.organizationKey), r.jobTitle, r.country, r.category, r.email,"
                + " r.phone, r.language, r.source, r.createdAt, a.canonical, dl.id, dl.name, r.vip, r.vipRank, r.protocolNote"
                + (includeIdentity ? org.forumpass.identity.IdentityColumns.SELECT : "") + answers.select() + " " + from;
        String byName = "r.familyName, r.givenName, r.id";
        ZoneId zone = event.zone();
        List<String> header = new ArrayList<>();
        for (String col : List.of("family_name", "given_name", "native_name", "country", "organization", "job_title", "delegation",
                "category", "status", "email", "phone", "language", "source", "registered_at", "vip", "vip_rank", "protocol_note")) {
            header.add(I18n.text(lang, "export.col." + col));
        }
        if (includeIdentity) {
            for (String col : List.of("document_type", "document_number", "issuing_country", "nationality", "document_expires_on",
                    "date_of_birth")) {
                header.add(I18n.text(lang, "export.col." + col));
            }
        }
        header.addAll(answers.header(lang));
        header.add(I18n.text(lang, "export.col.country_code"));
        header.add(I18n.text(lang, "export.col.registration_id"));
        if (grouped) {
            header.add(0, I18n.text(lang, "export.group." + groupBy));
            header.add(1, I18n.text(lang, "export.col.delegates"));
        }
        Map<String, String> languages = new HashMap<>();
        String language = lang;
        try {
            out.header(header);
            long total = 0;
            List<List<?>> summary = new ArrayList<>();
            List<Query> queries = new ArrayList<>();
            if (!grouped) {
                queries.add(new Query(select + " order by " + byName, Map.of(), null));
            } else {
                queries.addAll(groupQueries(groupBy, counted, select, byName, where, lang));
            }
            for (Query query : queries) {
                TypedQuery<Object[]> q = em.createQuery(query.jpql(), Object[].class);
                where.params().map().forEach(q::setParameter);
                query.params().forEach(q::setParameter);
                Object groupKey = NONE;
                String groupLabel = null;
                String sheet = null;
                long inGroup = 0;
                try (Stream<Object[]> rows = stream(q)) {
                    for (Object[] r : (Iterable<Object[]>) rows::iterator) {
                        String country = (String) r[8];
                        if (grouped) {
                            Object key = groupBy.equals("country") ? country : groupBy.equals("organization") ? r[6] : r[16];
                            if (groupKey != NONE && !Objects.equals(groupKey, key)) {
                                out.total(subtotal(lang, groupLabel, inGroup));
                                summary.add(Arrays.asList(groupLabel, inGroup, sheet));
                                inGroup = 0;
                            }
                            if (groupKey == NONE || !Objects.equals(groupKey, key)) {
                                groupKey = key;
                                groupLabel = query.labels().getOrDefault(key, String.valueOf(key));
                                sheet = out.sheet(groupLabel);
                            }
                        }
                        List<Object> cells = new ArrayList<>(Arrays.asList(r[3], r[2], r[4], countryName(country, lang), r[5],
                                r[7], r[17], I18n.label(lang, "category", (Enum<?>) r[9]), I18n.label(lang, "status", (Enum<?>) r[1]),
                                r[10], r[11], languages.computeIfAbsent(r[12] == null ? "" : (String) r[12], l -> languageName(l, language)),
                                r[13] == null ? "" : I18n.has(lang, "export.source." + r[13]) ? I18n.text(lang, "export.source." + r[13]) : r[13],
                                time((Instant) r[14], zone), Boolean.TRUE.equals(r[18]) ? I18n.text(lang, "export.yes") : "",
                                r[19], r[20]));
                        if (includeIdentity) {
                            List<Object> doc = new ArrayList<>(identityColumns.cells(r[21], r[22], r[23]));
                            if (doc.get(0) != null && !"".equals(doc.get(0))) {
                                doc.set(0, I18n.text(lang, "export.document." + doc.get(0)));
                                doc.set(2, countryName((String) doc.get(2), lang));
                                doc.set(3, countryName((String) doc.get(3), lang));
                            }
                            cells.addAll(doc);
                        }
                        cells.addAll(answers.cells(r, answersFrom, lang));
                        cells.add(country);
                        cells.add(r[0]);
                        if (grouped) {
                            cells.add(0, groupLabel);
                            cells.add(1, null);
                        }
                        out.row(cells);
                        inGroup++;
                        total++;
                    }
                }
                if (grouped && groupKey != NONE) {
                    out.total(subtotal(lang, groupLabel, inGroup));
                    summary.add(Arrays.asList(groupLabel, inGroup, sheet));
                }
            }
            List<Object> last = List.of(I18n.text(lang, "export.total"), total);
            if (out.sheetPerGroup()) {
                out.summary(List.of("zh".equals(lang) && event.nameZh != null && !event.nameZh.isBlank() ? event.nameZh : event.name,
                                I18n.text(lang, "export.title." + groupBy), I18n.text(lang, "export.times_in", Map.of("zone", zone.getId()))),
                        List.of(I18n.text(lang, "export.group." + groupBy), I18n.text(lang, "export.col.delegates"),
                                I18n.text(lang, "export.col.sheet")), summary, last);
            } else {
                out.total(last);
            }
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Object NONE = new Object();
    /** Keys of groups per query: each query's ORDER BY ranks its keys with a CASE, so it stays a small statement. */
    private static final int KEYS_PER_QUERY = 500;

    /** One streamed query of delegate rows, the parameters it adds to the search's, and the name shown for each group key. */
    private record Query(String jpql, Map<String, Object> params, Map<Object, String> labels) {
    }

    /** A group: its key (country code, folded organization, delegation id), the name shown, whether it goes last. */
    private record Group(Object key, String label, boolean last) {
    }

    /**
     * The groups are read first (one aggregate query: a key and a name each, not the delegates), sorted by the name
     * shown with the language's collator, then the delegates are streamed group after group, by queries of up to
     * {@link #KEYS_PER_QUERY} groups each, ordered by the groups' rank.
     */
    private List<Query> groupQueries(String groupBy, String from, String select, String byName, RegistrationSearch.Where where,
                                     String lang) {
        String keyExpr = groupBy.equals("country") ? "r.country" : groupBy.equals("delegation") ? "dl.id"
                : "coalesce(a.canonicalKey, r.organizationKey)";
        List<Group> groups = new ArrayList<>();
        if (groupBy.equals("organization")) {
            // the name shown: the organizers' canonical name, else the spelling most delegates used
            Map<Object, String> canonical = new HashMap<>();
            Map<Object, Map<String, Long>> spellings = new LinkedHashMap<>();
            for (Object[] row : aggregate("select " + keyExpr + ", a.canonical, r.organization, count(r) " + from
                    + " group by " + keyExpr + ", a.canonical, r.organization", where)) {
                if (row[1] != null) {
                    canonical.put(row[0], (String) row[1]);
                }
                spellings.computeIfAbsent(row[0], k -> new HashMap<>())
                        .merge(row[2] == null ? "" : ((String) row[2]).strip(), ((Number) row[3]).longValue(), Long::sum);
            }
            Collator collator = collator(lang);
            spellings.forEach((key, counts) -> {
                String label = canonical.get(key);
                if (label == null) {
                    label = counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(collator.reversed()))).map(Map.Entry::getKey).orElse("");
                }
                boolean none = key == null || "".equals(key) || label.isBlank();
                groups.add(new Group(key, none ? I18n.text(lang, "export.no_organization") : label, none));
            });
        } else if (groupBy.equals("country")) {
            for (Object[] row : aggregate("select " + keyExpr + ", count(r) " + from + " group by " + keyExpr, where)) {
                String code = (String) row[0];
                boolean none = code == null || code.isBlank();
                groups.add(new Group(code, none ? I18n.text(lang, "export.no_country") : countryName(code, lang), none));
            }
        } else {
            for (Object[] row : aggregate("select " + keyExpr + ", dl.name, count(r) " + from + " group by " + keyExpr + ", dl.name",
                    where)) {
                boolean none = row[0] == null;
                groups.add(new Group(row[0], none ? I18n.text(lang, "export.no_delegation") : (String) row[1], none));
            }
        }
        Collator collator = collator(lang);
        groups.sort(Comparator.comparing(Group::last).thenComparing(Group::label, collator)
                .thenComparing(g -> String.valueOf(g.key())));
        List<Query> queries = new ArrayList<>();
        List<Group> keyed = groups.stream().filter(g -> g.key() != null).toList();
        for (int from0 = 0; from0 < keyed.size(); from0 += KEYS_PER_QUERY) {
            List<Group> chunk = keyed.subList(from0, Math.min(keyed.size(), from0 + KEYS_PER_QUERY));
            Map<String, Object> params = new LinkedHashMap<>();
            Map<Object, String> labels = new HashMap<>();
            StringBuilder in = new StringBuilder();
            StringBuilder rank = new StringBuilder("case");
            for (int i = 0; i < chunk.size(); i++) {
                String p = "gk" + i;
                params.put(p, chunk.get(i).key());
                labels.put(chunk.get(i).key(), chunk.get(i).label());
                in.append(i == 0 ? "" : ", ").append(':').append(p);
                rank.append(" when ").append(keyExpr).append(" = :").append(p).append(" then ").append(i);
            }
            rank.append(" else ").append(chunk.size()).append(" end");
            queries.add(new Query(select + " and " + keyExpr + " in (" + in + ") order by " + rank + ", " + byName, params, labels));
        }
        groups.stream().filter(g -> g.key() == null).findFirst().ifPresent(g -> {
            Map<Object, String> labels = new HashMap<>();
            labels.put(null, g.label());
            queries.add(new Query(select + " and " + keyExpr + " is null order by " + byName, Map.of(), labels));
        });
        return queries;
    }

    private List<Object[]> aggregate(String jpql, RegistrationSearch.Where where) {
        TypedQuery<Object[]> q = em.createQuery(jpql, Object[].class);
        where.params().map().forEach(q::setParameter);
        return q.getResultList();
    }

    /** Names in the order of the language: English alphabetical, Chinese by pinyin (ICU). */
    static Collator collator(String lang) {
        Collator c = Collator.getInstance("zh".equals(lang) ? new ULocale("zh@collation=pinyin") : ULocale.ENGLISH);
        c.setStrength(Collator.SECONDARY);
        return c;
    }

    private static String countryName(String code, String lang) {
        return code == null || code.isBlank() ? "" : Countries.name(code, lang);
    }

    /** A delegate's language as a word in the export's language ("zh" → "Chinese", "中文"). */
    private static String languageName(String code, String lang) {
        if (code.isBlank()) {
            return "";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.forLanguageTag(lang));
        return name.isBlank() ? code : name;
    }

    private static List<Object> subtotal(String lang, String label, long count) {
        return List.of(I18n.text(lang, "export.subtotal", Map.of("group", label)), count);
    }

    /**
     * One row per session (and the venue entrance): capacity, registered, attended, no-shows, by country and (issue 15) by
     * delegation; headers and country names in the export's language, start times the event's local time.
     */
    @Transactional
    public void attendance(String slug, String lang, Table out) {
        Event event = events.require(slug);
        lang = Languages.supported(lang);
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
            sb.append(sb.isEmpty() ? "" : "; ").append(row[1] == null ? "?" : countryName((String) row[1], lang)).append(' ').append(row[2]);
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
            List<String> header = new ArrayList<>();
            for (String col : List.of("session", "title", "starts_at", "room", "capacity", "registered", "waitlisted", "attended",
                    "no_shows", "inside_now", "peak_inside", "by_country", "by_delegation")) {
                header.add(I18n.text(lang, "export.att." + col));
            }
            out.header(header);
            long atGate = attended.getOrDefault(0L, 0L);
            out.row(Arrays.asList("", I18n.text(lang, "export.venue_entrance"), time(event.startsAt, zone),
                    "", event.capacity, confirmed, 0L, atGate, Math.max(0, confirmed - atGate), inside.getOrDefault(0L, 0L), peak.getOrDefault(0L, 0L),
                    byCountry.getOrDefault(0L, new StringBuilder()).toString(),
                    byDelegation.getOrDefault(0L, new StringBuilder()).toString()));
            for (AgendaSession s : AgendaSession.listByEvent(event)) {
                long reg = registered.getOrDefault(s.id, 0L);
                out.row(Arrays.asList(s.code, zh && s.titleZh != null ? s.titleZh : s.title,
                        time(s.startsAt, zone), zh && s.roomZh != null ? s.roomZh : s.room,
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

    /**
     * The whole scan log, refused scans too, with device and server time (the event's local time, to the second);
     * headers, directions and verdicts in the export's language.
     */
    @Transactional
    public void scans(String slug, String lang, Table out) {
        Event event = events.require(slug);
        lang = Languages.supported(lang);
        Map<Long, String> sessionCodes = new LinkedHashMap<>();
        AgendaSession.listByEvent(event).forEach(s -> sessionCodes.put(s.id, s.code));
        TypedQuery<Object[]> q = em.createQuery("select s.receivedAt, s.scannedAt, s.deviceId, s.staffUsername, s.sessionId,"
                + " s.direction, s.result, s.manual, r.publicId, r.givenName, r.familyName, s.codeExcerpt, s.nonce"
                + " from Scan s left join Registration r on r.id = s.registrationId where s.eventId = ?1 order by s.receivedAt, s.id",
                Object[].class).setParameter(1, event.id);
        ZoneId zone = event.zone();
        try {
            List<String> header = new ArrayList<>();
            for (String col : List.of("scan.received_at", "scan.scanned_at", "scan.device", "scan.staff", "scan.session",
                    "scan.direction", "scan.result", "scan.manual", "col.family_name", "col.given_name", "scan.code_start", "scan.nonce",
                    "col.registration_id")) {
                header.add(I18n.text(lang, "export." + col));
            }
            out.header(header);
            String entrance = I18n.text(lang, "export.venue_entrance");
            try (Stream<Object[]> rows = stream(q)) {
                for (Object[] r : (Iterable<Object[]>) rows::iterator) {
                    out.row(Arrays.asList(seconds((Instant) r[0], zone), seconds((Instant) r[1], zone), r[2], r[3],
                            r[4] == null ? entrance : sessionCodes.get((Long) r[4]),
                            r[5] == null ? "" : I18n.text(lang, "export.direction." + r[5]),
                            r[6] == null ? "" : I18n.label(lang, "scan", (Enum<?>) r[6]),
                            I18n.text(lang, Boolean.TRUE.equals(r[7]) ? "export.yes" : "export.no"), r[10], r[9], r[11], r[12], r[8]));
                }
            }
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** A time as people read it in the event's zone: 2026-04-16 09:12. */
    static String time(Instant t, ZoneId zone) {
        return t == null ? "" : MINUTES.format(t.atZone(zone));
    }

    /** The scan log's times, to the second: 2026-04-16 09:12:07. */
    static String seconds(Instant t, ZoneId zone) {
        return t == null ? "" : SECONDS.format(t.atZone(zone));
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
