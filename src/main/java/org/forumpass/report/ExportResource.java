package org.forumpass.report;

import org.forumpass.common.EventScope;
import org.forumpass.audit.AuditAction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.common.I18n;
import org.forumpass.common.Languages;
import org.forumpass.common.Roles;
import org.forumpass.event.EventService;
import org.forumpass.registration.RegistrationSearch;

/**
 * Delegate lists, attendance per session and the scan log, as CSV (UTF-8 with BOM) or XLSX, streamed; written for people
 * in the language of {@code lang} (else of Accept-Language, else English), under file names that say what they are
 * ({@code wic-2024-delegates-by-country-zh.xlsx}).
 */
@Path("/api/v1/events/{slug}/exports")
@RolesAllowed(Roles.ORGANIZER)
@Tag(name = "Reports")
public class ExportResource {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    ExportService exports;
    @Inject
    EventService events;
    @Inject
    RegistrationSearch search;
    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;
    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uri;
    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.HttpHeaders headers;
    @Inject
    org.forumpass.audit.AuditService audit;


    @GET
    @Path("/delegates.csv")
    @Produces(CSV)
    @Operation(summary = "Delegates; filters as the search; groupBy=country|organization|delegation groups them, sorted by the"
            + " name shown, with subtotals; lang=en|zh (default: Accept-Language, else en) for headers, words and names")
    public Response delegatesCsv(@PathParam("slug") String slug, @QueryParam("q") String q, @QueryParam("country") String country,
                                 @QueryParam("organization") String organization, @QueryParam("category") String category,
                                 @QueryParam("status") String status, @QueryParam("groupBy") String groupBy,
                                 @QueryParam("lang") String lang, @QueryParam("includeIdentity") String includeIdentity,
                                 @QueryParam("delegation") String delegation) {
        EventScope.requireEvent(identity, slug);
        RegistrationSearch.Filter f = check(slug, q, country, organization, category, status, delegation, groupBy);
        boolean withIdentity = withIdentity(slug, includeIdentity);
        String language = language(lang);
        return file(out -> exports.delegates(slug, f, groupBy, language, withIdentity, Table.csv(out)), CSV, slug, "delegates.csv",
                delegatesName(slug, groupBy, language, "csv"));
    }

    @GET
    @Path("/delegates.xlsx")
    @Produces(XLSX)
    @Operation(summary = "Delegates as an Excel workbook; same parameters as delegates.csv; with groupBy, sheets=group puts"
            + " each group on a sheet of its own after a summary sheet of the totals (sheets=one, the default: one sheet)")
    public Response delegatesXlsx(@PathParam("slug") String slug, @QueryParam("q") String q, @QueryParam("country") String country,
                                  @QueryParam("organization") String organization, @QueryParam("category") String category,
                                  @QueryParam("status") String status, @QueryParam("groupBy") String groupBy,
                                  @QueryParam("lang") String lang, @QueryParam("includeIdentity") String includeIdentity,
                                  @QueryParam("delegation") String delegation, @QueryParam("sheets") String sheets) {
        EventScope.requireEvent(identity, slug);
        boolean perGroup = sheetPerGroup(sheets, groupBy);
        RegistrationSearch.Filter f = check(slug, q, country, organization, category, status, delegation, groupBy);
        boolean withIdentity = withIdentity(slug, includeIdentity);
        String language = language(lang);
        return file(out -> exports.delegates(slug, f, groupBy, language, withIdentity, perGroup
                        ? Table.xlsxPerGroup(out, I18n.text(language, "export.sheet.summary"))
                        : Table.xlsx(out, I18n.text(language, "export.sheet.delegates"))), XLSX, slug, "delegates.xlsx",
                delegatesName(slug, groupBy, language, "xlsx"));
    }

    @GET
    @Path("/attendance.csv")
    @Produces(CSV)
    @Operation(summary = "Per session: capacity, registered, waitlisted, attended, no-shows, inside now, attendance by country and by delegation")
    public Response attendanceCsv(@PathParam("slug") String slug, @QueryParam("lang") String lang) {
        EventScope.requireEvent(identity, slug);
        events.require(slug);
        String language = language(lang);
        return file(out -> exports.attendance(slug, language, Table.csv(out)), CSV, slug, "attendance.csv",
                name(slug, "attendance-" + language, "csv"));
    }

    @GET
    @Path("/attendance.xlsx")
    @Produces(XLSX)
    @Operation(summary = "Attendance per session as an Excel workbook")
    public Response attendanceXlsx(@PathParam("slug") String slug, @QueryParam("lang") String lang) {
        EventScope.requireEvent(identity, slug);
        events.require(slug);
        String language = language(lang);
        return file(out -> exports.attendance(slug, language, Table.xlsx(out, I18n.text(language, "export.sheet.attendance"))),
                XLSX, slug, "attendance.xlsx", name(slug, "attendance-" + language, "xlsx"));
    }

    @GET
    @Path("/scans.csv")
    @Produces(CSV)
    @Operation(summary = "The whole scan log, refused scans too, with device and server time; lang=en|zh as the other exports")
    public Response scansCsv(@PathParam("slug") String slug, @QueryParam("lang") String lang) {
        EventScope.requireEvent(identity, slug);
        events.require(slug);
        String language = language(lang);
        return file(out -> exports.scans(slug, language, Table.csv(out)), CSV, slug, "scans.csv",
                name(slug, "scans-" + language, "csv"));
    }

    /** Checks everything before the first byte goes out: a bad filter is a 400, not a broken file. */
    private RegistrationSearch.Filter check(String slug, String q, String country, String organization, String category,
                                           String status, String delegation, String groupBy) {
        ExportService.checkGroupBy(groupBy);
        RegistrationSearch.Filter f = new RegistrationSearch.Filter(q, country, organization, category, status, null, null, null,
                org.forumpass.registration.AnswerFilter.of(uri), null, delegation); // issue 14: answer.<key>=value; 15: delegation
        search.where(events.require(slug), f);
        return f;
    }

    /** includeIdentity=true|false (default false); true is audited as EXPORT_IDENTITY before the first byte goes out. */
    private boolean withIdentity(String slug, String includeIdentity) {
        if (includeIdentity == null || includeIdentity.isBlank() || includeIdentity.equals("false")) {
            return false;
        }
        if (!includeIdentity.equals("true")) {
            throw org.forumpass.common.error.DomainException.invalid("includeIdentity", "must be true or false");
        }
        audit.record(identity, AuditAction.EXPORT_IDENTITY, slug, null, "delegates export with identity documents");
        return true;
    }

    /** The export's language: {@code lang}, else the first supported one of Accept-Language, else English. */
    private String language(String lang) {
        return lang != null && !lang.isBlank() ? Languages.supported(lang) : Languages.of(headers);
    }

    /** sheets=one (the default) or group; group needs groupBy. */
    private static boolean sheetPerGroup(String sheets, String groupBy) {
        if (sheets == null || sheets.isBlank() || sheets.equals("one")) {
            return false;
        }
        if (!sheets.equals("group")) {
            throw org.forumpass.common.error.DomainException.invalid("sheets", "must be one or group");
        }
        if (groupBy == null || groupBy.isBlank()) {
            throw org.forumpass.common.error.DomainException.invalid("sheets", "group needs groupBy");
        }
        return true;
    }

    /** wic-2024-delegates-zh.csv, wic-2024-delegates-by-country-zh.xlsx */
    static String delegatesName(String slug, String groupBy, String lang, String extension) {
        return name(slug, "delegates" + (groupBy == null || groupBy.isBlank() ? "" : "-by-" + groupBy) + "-" + lang, extension);
    }

    /** {slug}-{what}.{extension}, in ASCII letters, digits and dashes only (slugs are already). */
    static String name(String slug, String what, String extension) {
        return (slug + "-" + what).replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension;
    }

    /** The export is audited as EXPORT of the event, its detail the export and its query ("delegates.csv?groupBy=country"). */
    private Response file(StreamingOutput body, String type, String slug, String export, String name) {
        audit.record(identity, AuditAction.EXPORT, slug, null,
                export + (uri.getRequestUri().getQuery() == null ? "" : "?" + uri.getRequestUri().getQuery()));
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
