package org.forumpass.registration;

import org.forumpass.common.EventScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.common.RequestValidator;
import org.forumpass.common.Roles;
import org.forumpass.common.Text;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;

/** The organizers' alias list: which organization names reports count as one. */
@Path("/api/v1/events/{slug}/organization-aliases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ORGANIZER)
@Tag(name = "Reports")
@ApplicationScoped
public class AliasResource {
    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;
    @Inject
    EventService events;
    @Inject
    RequestValidator validator;
    @Inject
    Clock clock;

    public record AliasRequest(@NotBlank @Size(max = 200) String alias, @NotBlank @Size(max = 200) String canonical) {
    }

    public record AliasView(String alias, String canonical) {
    }

    @GET
    @Transactional
    @Operation(summary = "The alias list of the event")
    public List<AliasView> list(@PathParam("slug") String slug) {
        EventScope.requireEvent(identity, slug);
        Event event = events.require(slug);
        return OrganizationAlias.<OrganizationAlias>list("event = ?1 order by canonicalKey, aliasKey", event).stream()
                .map(a -> new AliasView(a.alias, a.canonical)).toList();
    }

    @PUT
    @Transactional
    @Operation(summary = "Count `alias` as `canonical` in reports (replaces an earlier rule for the same alias)")
    public AliasView put(@PathParam("slug") String slug, AliasRequest body) {
        EventScope.requireEvent(identity, slug);
        validator.start(body).throwIfAny();
        Event event = events.require(slug);
        String key = DelegateInput.organizationKey(body.alias());
        OrganizationAlias a = OrganizationAlias.<OrganizationAlias>find("event = ?1 and aliasKey = ?2", event, key)
                .firstResultOptional().orElseGet(OrganizationAlias::new);
        a.event = event;
        a.aliasKey = key;
        a.alias = Text.clean(body.alias());
        a.canonical = Text.clean(body.canonical());
        a.canonicalKey = DelegateInput.organizationKey(body.canonical());
        a.createdAt = clock.instant();
        a.persist();
        return new AliasView(a.alias, a.canonical);
    }

    @DELETE
    @Transactional
    @Operation(summary = "Drop the rule for one alias (?alias=)")
    public void delete(@PathParam("slug") String slug, @QueryParam("alias") String alias) {
        EventScope.requireEvent(identity, slug);
        Event event = events.require(slug);
        OrganizationAlias.delete("event = ?1 and aliasKey = ?2", event, DelegateInput.organizationKey(alias == null ? "" : alias));
    }
}
