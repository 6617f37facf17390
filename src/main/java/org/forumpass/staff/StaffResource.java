package org.forumpass.staff;

import org.forumpass.audit.AuditAction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.common.EventScope;
import org.forumpass.common.PageView;
import org.forumpass.common.Roles;
import org.forumpass.staff.StaffRecords.CreateStaffRequest;
import org.forumpass.staff.StaffRecords.StaffView;
import org.forumpass.staff.StaffRecords.UpdateStaffRequest;

/** Staff accounts: only an organizer of every event (events null) manages them. */
@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ORGANIZER)
@Tag(name = "Staff accounts")
public class StaffResource {
    @Inject
    StaffService staff;
    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;
    @Inject
    org.forumpass.audit.AuditService audit;


    @POST
    @Operation(summary = "Create a staff account (organizer or door)")
    public Response create(CreateStaffRequest body, @Context UriInfo uri) {
        EventScope.requireAllEvents(identity);
        StaffView view = staff.create(body);
        audit.record(identity, AuditAction.STAFF_CREATED, null, view.username(), "role " + view.role()
                + (view.events() == null ? "" : ", events " + view.events()));
        return Response.created(uri.getBaseUriBuilder().path("api/v1/staff/{u}").build(view.username())).entity(view).build();
    }

    @GET
    @Operation(summary = "List staff accounts")
    public PageView<StaffView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        EventScope.requireAllEvents(identity);
        PageView.Request paging = PageView.Request.of(page, size);
        return staff.list(paging.page(), paging.size());
    }

    @PATCH
    @Path("/{username}")
    @Operation(summary = "Change a staff account's password, role, name, or disable it")
    public StaffView update(@PathParam("username") String username, UpdateStaffRequest body) {
        EventScope.requireAllEvents(identity);
        StaffView view = staff.update(username, body);
        audit.record(identity, AuditAction.STAFF_CHANGED, null, view.username(), null);
        return view;
    }
}
