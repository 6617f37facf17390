package org.forumpass.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.common.CsvWriter;
import org.forumpass.common.EventScope;
import org.forumpass.common.PageView;
import org.forumpass.common.QueryParams;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Roles;

/**
 * The audit log, for organizers: filter by event, actor, action and time; page through it or export it. An
 * organizer scoped to some events reads the entries of those events only (403 for another event's filter).
 */
@Path("/api/v1/audit")
@RolesAllowed(Roles.ORGANIZER)
@Tag(name = "Audit")
public class AuditResource {
    @Inject
    AuditService audit;
    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Audit entries, newest first; filters event, actor, action, from, to (ISO date-times)")
    public PageView<AuditService.AuditView> list(@QueryParam("event") String event, @QueryParam("actor") String actor,
                                                 @QueryParam("action") String action, @QueryParam("from") String from,
                                                 @QueryParam("to") String to,
                                                 @QueryParam("page") String page, @QueryParam("size") String size) {
        Violations v = new Violations();
        AuditService.Filter f = filter(event, actor, action, from, to, v);
        PageView.Request paging = PageView.Request.of(page, size, v);
        v.throwIfAny();
        return audit.list(f, paging.page(), paging.size());
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv; charset=UTF-8")
    @Operation(summary = "The matching audit entries as CSV (UTF-8 with BOM), oldest first")
    public Response export(@QueryParam("event") String event, @QueryParam("actor") String actor,
                           @QueryParam("action") String action, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        Violations v = new Violations();
        AuditService.Filter f = filter(event, actor, action, from, to, v);
        v.throwIfAny();
        audit.list(f, 0, 1); // a bad filter is a 400 before the first byte
        audit.record(identity, AuditAction.EXPORT, event, null, "audit/export.csv");
        StreamingOutput body = out -> {
            CsvWriter csv = new CsvWriter(out);
            csv.row(List.of("at", "actor", "action", "event", "subject", "detail"));
            audit.each(f, e -> {
                try {
                    csv.row(Arrays.asList(e.at(), e.actor(), e.action(), e.event(), e.subject(), e.detail()));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
            csv.flush();
        };
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    private AuditService.Filter filter(String event, String actor, String action, String from, String to, Violations v) {
        if (event != null && !event.isBlank()) {
            EventScope.requireEvent(identity, event.strip());
        }
        return new AuditService.Filter(event, actor, action, QueryParams.dateTime(from, "from", v), QueryParams.dateTime(to, "to", v),
                EventScope.events(identity));
    }
}
