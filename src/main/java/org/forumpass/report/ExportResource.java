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
import org.forumpass.common.Roles;
import org.forumpass.event.EventService;
import org.forumpass.registration.RegistrationSearch;

/** Delegate lists, attendance per session and the scan log, as CSV (UTF-8 with BOM) or XLSX, streamed. */
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
    @Inject
    org.forumpass.audit.AuditService audit;


    @GET
    @Path("/delegates.csv")
    @Produces(CSV)
    @Operation(summary = "Delegates; filters as the search; groupBy=country|organization|delegation adds subtotals; lang=en|zh")
    public Response delegatesCsv(@PathParam("slug") String slug, @QueryParam("q") String q, @QueryParam("country") String country,
                                 @QueryParam("organization") String organization, @QueryParam("category") String category,
                                 @QueryParam("status") String status, @QueryParam("groupBy") String groupBy,
                                 @QueryParam("lang") String lang, @QueryParam("includeIdentity") String includeIdentity,
                                 @QueryParam("delegation") String delegation) {
        EventScope.requireEvent(identity, slug);
        RegistrationSearch.Filter f = check(slug, q, country, organization, category, status, delegation, groupBy);
        boolean withIdentity = withIdentity(slug, includeIdentity);
        return file(out -> exports.delegates(slug, f, groupBy, lang, withIdentity, Table.csv(out)), CSV, slug + "-delegates.csv");
    }

    @GET
    @Path("/delegates.xlsx")
    @Produces(XLSX)
    @Operation(summary = "Delegates as an Excel workbook; same parameters as delegates.csv")
    public Response delegatesXlsx(@PathParam("slug") String slug, @QueryParam("q") String q, @QueryParam("country") String country,
                                  @QueryParam("organization") String organization, @QueryParam("category") String category,
                                  @QueryParam("status") String status, @QueryParam("groupBy") String groupBy,
                                  @QueryParam("lang") String lang, @QueryParam("includeIdentity") String includeIdentity,
                                  @QueryParam("delegation") String delegation) {
        EventScope.requireEvent(identity, slug);
        RegistrationSearch.Filter f = check(slug, q, country, organization, category, status, delegation, groupBy);
        boolean withIdentity = withIdentity(slug, includeIdentity);
        return file(out -> exports.delegates(slug, f, groupBy, lang, withIdentity, Table.xlsx(out, "Delegates")), XLSX,
                slug + "-delegates.xlsx");
    }

    @GET
    @Path("/attendance.csv")
    @Produces(CSV)
    @Operation(summary = "Per session: capacity, registered, waitlisted, attended, no-shows, inside now, attendance by country and by delegation")
    public Response attendanceCsv(@PathParam("slug") String slug, @QueryParam("lang") String lang) {
        EventScope.requireEvent(identity, slug);
        events.require(slug);
        return file(out -> exports.attendance(slug, lang, Table.csv(out)), CSV, slug + "-attendance.csv");
    }

    @GET
    @Path("/attendance.xlsx")
    @Produces(XLSX)
    @Operation(summary = "Attendance per session as an Excel workbook")
    public Response attendanceXlsx(@PathParam("slug") String slug, @QueryParam("lang") String lang) {
        EventScope.requireEvent(identity, slug);
        events.require(slug);
        return file(out -> exports.attendance(slug, lang, Table.xlsx(out, "Attendance")), XLSX, slug + "-attendance.xlsx");
    }

    @GET
    @Path("/scans.csv")
    @Produces(CSV)
    @Operation(summary = "The whole scan log, refused scans too, with device and server time")
    public Response scansCsv(@PathParam("slug") String slug) {
        EventScope.requireEvent(identity, slug);
        events.require(slug);
        return file(out -> exports.scans(slug, Table.csv(out)), CSV, slug + "-scans.csv");
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

    private Response file(StreamingOutput body, String type, String name) {
        audit.record(identity, AuditAction.EXPORT, name.substring(0, name.lastIndexOf('-')), null,
                name.substring(name.lastIndexOf('-') + 1) + (uri.getRequestUri().getQuery() == null ? "" : "?" + uri.getRequestUri().getQuery()));
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
