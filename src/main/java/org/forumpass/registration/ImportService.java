package org.forumpass.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;
import org.forumpass.common.Db;
import org.forumpass.common.Retry;
import org.forumpass.common.error.DomainException;
import org.forumpass.common.error.Violation;
import org.forumpass.event.Category;
import org.forumpass.event.EventService;
import org.forumpass.registration.RegistrationRecords.RegisterRequest;
import org.forumpass.registration.RegistrationRecords.RegisterResponse;

/**
 * Imports invited delegates from a CSV delegation list (UTF-8, with or without a byte-order mark).
 * Each row is registered in its own transaction under the same rules as online registration
 * (except the window, invitation codes and approval: the organizer invited them), so a bad row stores
 * nothing of itself and names its line and field; a row whose e-mail is registered already is reported
 * as existing, so importing the same file twice creates no duplicates. A row may name its delegation (issue 15,
 * column {@code delegation}): it then takes one of the delegation's places in its category, line by line, and
 * leaves country and organization to the delegation's when empty.
 */
@ApplicationScoped
public class ImportService {
    private static final Logger LOG = Logger.getLogger(ImportService.class);
    public static final int MAX_ROWS = 10_000;
    /** Rows per transaction (issue 18): big enough that statements and commits are few, small enough to lock briefly. */
    static final int CHUNK_ROWS = 500;
    static final List<String> COLUMNS = List.of("givenName", "familyName", "nativeName", "jobTitle", "organization",
            "country", "email", "phone", "category", "sessions", "language",
            // the identity document (issue 14), all or none: checked as on the registration page when given
            "documentType", "documentNumber", "issuingCountry", "nationality", "expiresOn", "dateOfBirth",
            // issue 15: the name of the event's delegation the row joins, taking one of its places in the row's category
            "delegation",
            // issue 16: the organizers' protocol fields (vip: true/false, yes/no or 1/0; vip_rank 1-5; protocol_note)
            "vip", "vipRank", "protocolNote");

    @Inject
    RegistrationService registrations;
    @Inject
    EventService events;
    @Inject
    jakarta.enterprise.inject.Instance<AnswerHook> answers;

    public record RowReport(long line, String result, String email, String id, RegistrationStatus status,
                            List<Violation> errors) {
    }

    public record ImportReport(int rows, int created, int existing, int invalid, List<RowReport> report) {
    }

    public ImportReport importCsv(String slug, byte[] body) {
        events.view(slug); // 404 before reading the file
        String text = decode(body);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
        List<Parsed> parsed = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, String> columns = columnsOf(parser.getHeaderNames());
            List<String> formKeys = formColumns(slug, parser.getHeaderNames(), columns);
            if (!columns.containsKey("email") || !columns.containsKey("givenName") || !columns.containsKey("familyName")) {
                throw DomainException.invalid("header", "must name the columns " + COLUMNS
                        + " (at least givenName, familyName, organization, country, email, category)");
            }
            long previousEnd = 1;
            for (CSVRecord record : parser) {
                long line = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                if (parsed.size() >= MAX_ROWS) {
                    throw DomainException.invalid("body", "has more than " + MAX_ROWS + " rows; split the file");
                }
                parsed.add(parseRow(slug, record, columns, formKeys, line));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new DomainException(RegistrationError.IMPORT_UNREADABLE, "The file is not valid CSV: " + e.getMessage());
        }
        List<RowReport> rows = new ArrayList<>(parsed.size());
        for (int from = 0; from < parsed.size(); from += CHUNK_ROWS) {
            rows.addAll(importChunk(slug, parsed.subList(from, Math.min(parsed.size(), from + CHUNK_ROWS))));
        }
        int created = (int) rows.stream().filter(r -> r.result().equals("CREATED")).count();
        int existing = (int) rows.stream().filter(r -> r.result().equals("EXISTS")).count();
        return new ImportReport(rows.size(), created, existing, rows.size() - created - existing, rows);
    }

    /** issue 14: one column per key of the event's form ("arrival_date" or "Arrival date" names the key arrival_date). */
    private List<String> formColumns(String slug, List<String> headers, Map<String, String> columns) {
        if (!answers.isResolvable()) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (String key : answers.get().keys(events.require(slug))) {
            for (String h : headers) {
                if (fold(h).equals(fold(key)) && !columns.containsKey(key)) {
                    columns.put(key, h);
                    keys.add(key);
                    break;
                }
            }
        }
        return keys;
    }

    private Map<String, Object> answersOf(String slug, CSVRecord record, Map<String, String> columns, List<String> keys) {
        if (keys.isEmpty()) {
            return null;
        }
        Map<String, List<String>> cells = new HashMap<>();
        for (String key : keys) {
            String cell = get(record, columns, key);
            cells.put(key, cell == null ? List.of() : List.of(cell));
        }
        return answers.get().fromText(events.require(slug), cells);
    }

    /** A row read from the file: its line, its e-mail cell, and either what to register or the faults found in reading it. */
    private record Parsed(long line, String email, RegistrationService.ImportRow row, List<Violation> errors) {
    }

    /**
     * Issue 18: a chunk of rows in one transaction ({@link RegistrationService#importChunkOnce}); when the database
     * refuses the chunk (an e-mail registered meanwhile by someone else, a lock or a deadlock with another replica),
     * nothing of it was kept and its rows are imported one by one as before, so every row's report stays exact.
     */
    private List<RowReport> importChunk(String slug, List<Parsed> chunk) {
        List<RegistrationService.ImportRow> valid = new ArrayList<>();
        for (Parsed p : chunk) {
            if (p.errors() == null) {
                valid.add(p.row());
            }
        }
        List<RegistrationService.ImportOutcome> outcomes = null;
        if (!valid.isEmpty()) {
            try {
                outcomes = registrations.importChunkOnce(slug, valid);
            } catch (RuntimeException e) {
                if (!Db.isConstraintViolation(e) && !Retry.isConflict(e)) {
                    throw e;
                }
                LOG.infof("An import chunk of %d rows into %s was refused (%s); importing its rows one by one", valid.size(), slug,
                        e.getClass().getSimpleName());
            }
        }
        List<RowReport> reports = new ArrayList<>(chunk.size());
        int k = 0;
        for (Parsed p : chunk) {
            if (p.errors() != null) {
                reports.add(new RowReport(p.line(), "INVALID", p.email(), null, null, p.errors()));
            } else if (outcomes != null) {
                RegistrationService.ImportOutcome o = outcomes.get(k++);
                reports.add(new RowReport(p.line(), o.result(), p.email(), o.id(), o.status(), o.errors()));
            } else {
                reports.add(importOne(slug, p));
            }
        }
        return reports;
    }

    /** One row in its own transaction (as every row was before issue 18): the fall-back of a refused chunk. */
    private RowReport importOne(String slug, Parsed p) {
        RegistrationService.ImportRow row = p.row();
        try {
            RegisterResponse r = registrations.importRow(slug, row.request(), row.delegationName(), row.protocol());
            return new RowReport(p.line(), "CREATED", p.email(), r.id(), r.status(), List.of());
        } catch (DomainException e) {
            if (e.error() == RegistrationError.DUPLICATE_EMAIL) {
                return new RowReport(p.line(), "EXISTS", p.email(), null, null, List.of());
            }
            List<Violation> v = e.violations().isEmpty() ? List.of(new Violation("row", e.getMessage())) : e.violations();
            return new RowReport(p.line(), "INVALID", p.email(), null, null, v);
        }
    }

    private Parsed parseRow(String slug, CSVRecord record, Map<String, String> columns, List<String> formKeys, long line) {
        String email = get(record, columns, "email");
        List<Violation> errors = new ArrayList<>();
        Category category = null;
        String categoryText = get(record, columns, "category");
        if (categoryText == null) {
            errors.add(new Violation("category", "is required"));
        } else {
            try {
                category = Category.valueOf(categoryText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new Violation("category", "must be one of " + Arrays.toString(Category.values())));
            }
        }
        String language = get(record, columns, "language");
        String sessions = get(record, columns, "sessions");
        RegisterRequest req = new RegisterRequest(get(record, columns, "givenName"), get(record, columns, "familyName"),
                get(record, columns, "nativeName"), get(record, columns, "jobTitle"), get(record, columns, "organization"),
                get(record, columns, "country"), email, get(record, columns, "phone"), category,
                sessions == null ? List.of() : Arrays.stream(sessions.split("[;,\\s]+")).filter(s -> !s.isBlank()).toList(),
                language == null ? "en" : language.strip().toLowerCase(Locale.ROOT), true, null, identityOf(record, columns),
                answersOf(slug, record, columns, formKeys));
        RegistrationRecords.Protocol protocol = protocolOf(record, columns, errors);
        if (!errors.isEmpty()) {
            return new Parsed(line, email, null, errors);
        }
        return new Parsed(line, email, new RegistrationService.ImportRow(req, get(record, columns, "delegation"), protocol), null);
    }

    /**
     * Issue 16: the row's protocol fields, or null when it leaves them empty; a value that is not a yes or no, or a rank
     * that is not a number, is the row's error here, the rest is checked with the registration.
     */
    private static RegistrationRecords.Protocol protocolOf(CSVRecord record, Map<String, String> columns, List<Violation> errors) {
        String vip = get(record, columns, "vip");
        String rank = get(record, columns, "vipRank");
        String note = get(record, columns, "protocolNote");
        if (vip == null && rank == null && note == null) {
            return null;
        }
        Boolean isVip = null;
        if (vip != null) {
            String v = vip.strip().toLowerCase(Locale.ROOT);
            isVip = switch (v) {
                case "true", "yes", "1", "x" -> Boolean.TRUE;
                case "false", "no", "0" -> Boolean.FALSE;
                default -> null;
            };
            if (isVip == null) {
                errors.add(new Violation("vip", "must be true or false (yes or no)", "true_false", Map.of()));
            }
        }
        Integer r = null;
        if (rank != null) {
            try {
                r = Integer.valueOf(rank.strip());
            } catch (NumberFormatException e) {
                errors.add(new Violation("vipRank", "must be a number from 1 to 5"));
            }
        }
        return new RegistrationRecords.Protocol(isVip == null ? Boolean.FALSE : isVip, r, note);
    }

    /** The row's identity document, or null when its columns are absent or empty (the organizers' lists often lack it). */
    private static IdentityInput identityOf(CSVRecord record, Map<String, String> columns) {
        IdentityInput in = new IdentityInput(get(record, columns, "documentType"), get(record, columns, "documentNumber"),
                get(record, columns, "issuingCountry"), get(record, columns, "nationality"), get(record, columns, "expiresOn"),
                get(record, columns, "dateOfBirth"));
        return in.blank() ? null : in;
    }

    private static String get(CSVRecord record, Map<String, String> columns, String name) {
        String header = columns.get(name);
        if (header == null || !record.isMapped(header) || !record.isSet(header)) {
            return null;
        }
        String v = record.get(header);
        return v == null || v.isBlank() ? null : v;
    }

    /** "Given name", "given_name" and "givenName" all name the column givenName. */
    static Map<String, String> columnsOf(List<String> headers) {
        Map<String, String> known = new HashMap<>();
        for (String c : COLUMNS) {
            known.put(fold(c), c);
        }
        Map<String, String> out = new HashMap<>();
        for (String h : headers) {
            String c = known.get(fold(h));
            if (c != null) {
                out.putIfAbsent(c, h);
            }
        }
        return out;
    }

    private static String fold(String s) {
        return s == null ? "" : s.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
    }

    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new DomainException(RegistrationError.IMPORT_UNREADABLE, "The file is not UTF-8; save it as \"CSV UTF-8\"");
        }
    }
}
