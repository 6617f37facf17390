package org.forumpass.staff;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.forumpass.common.Db;
import org.forumpass.common.PageView;
import org.forumpass.common.RequestValidator;
import org.forumpass.common.Text;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.EventService;
import org.forumpass.staff.StaffRecords.CreateStaffRequest;
import org.forumpass.staff.StaffRecords.LoginRequest;
import org.forumpass.staff.StaffRecords.LoginResponse;
import org.forumpass.staff.StaffRecords.StaffView;
import org.forumpass.staff.StaffRecords.UpdateStaffRequest;

@ApplicationScoped
public class StaffService {
    @Inject
    TokenService tokens;
    @Inject
    StaffAccounts accounts;
    @Inject
    SignInGuard guard;
    @Inject
    EventService events;
    @Inject
    RequestValidator validator;
    @Inject
    Clock clock;

    /**
     * Signs in from {@code address}: failures are counted per username and address, with back-off, and per
     * username over all addresses ({@link SignInGuard}).
     */
    @Transactional
    public LoginResponse login(LoginRequest req, String address) {
        validator.start(req).throwIfAny();
        String username = StaffAccount.normalize(req.username());
        guard.check(username, address);
        Optional<StaffAccount> account = StaffAccount.findByUsername(username);
        boolean ok = account.isPresent() ? Passwords.matches(req.password(), account.get().passwordHash)
                : Passwords.matchesNobody(req.password());
        if (account.isEmpty() || !ok || !account.get().active) {
            guard.failed(username, address);
            throw new DomainException(StaffError.INVALID_CREDENTIALS, "Wrong username or password");
        }
        guard.succeeded(username, address);
        StaffAccount a = account.get();
        TokenService.Issued issued = tokens.issue(a.username, a.role.roleName, a.tokenVersion);
        return new LoginResponse(issued.token(), StaffRecords.utc(issued.expiresAt()), a.role.roleName, a.events(), a.username,
                a.displayName);
    }

    @Transactional
    public StaffView create(CreateStaffRequest body) {
        CreateStaffRequest req = body == null ? null : body.normalized();
        RequestValidator.Violations v = validator.start(req);
        List<String> scope = req == null ? null : checkEvents(req.events(), v);
        v.throwIfAny();
        if (StaffAccount.findByUsername(req.username()).isPresent()) {
            throw new DomainException(StaffError.USERNAME_TAKEN, "The username '" + req.username() + "' exists");
        }
        try {
            StaffAccount a = insert(req.username(), req.password(), req.role(), req.displayName());
            a.eventScope = StaffAccount.encodeEvents(scope);
            return StaffView.from(a);
        } catch (PersistenceException e) {
            if (Db.isConstraintViolation(e)) {
                throw new DomainException(StaffError.USERNAME_TAKEN, "The username '" + req.username() + "' exists");
            }
            throw e;
        }
    }

    /**
     * Changes an account. Disabling it, or changing its role, events or password, bumps its token version:
     * every token issued before stops working (here at once, on other replicas within {@link StaffAccounts}' recheck).
     */
    @Transactional
    public StaffView update(String username, UpdateStaffRequest req) {
        RequestValidator.Violations v = validator.start(req);
        JsonNode eventsNode = req == null ? null : req.events();
        List<String> scope = eventsNode == null || eventsNode.isNull() ? null : checkEvents(eventsOf(eventsNode, v), v);
        v.throwIfAny();
        StaffAccount a = StaffAccount.findByUsername(username)
                .orElseThrow(() -> new DomainException(StaffError.NOT_FOUND, "No staff account '" + username + "'"));
        boolean losesOrganizer = a.role == StaffRole.ORGANIZER && a.active
                && ((req.role() != null && req.role() != StaffRole.ORGANIZER) || Boolean.FALSE.equals(req.active()));
        if (losesOrganizer && StaffAccount.count("role = ?1 and active = true", StaffRole.ORGANIZER) <= 1) {
            throw new DomainException(StaffError.LAST_ORGANIZER, "At least one active organizer must remain");
        }
        boolean revoke = false;
        if (req.password() != null) {
            a.passwordHash = Passwords.hash(req.password());
            revoke = true;
        }
        if (req.role() != null && req.role() != a.role) {
            a.role = req.role();
            revoke = true;
        }
        if (req.displayName() != null) {
            a.displayName = Text.clean(req.displayName());
        }
        if (req.active() != null && req.active() != a.active) {
            a.active = req.active();
            revoke = true;
        }
        if (eventsNode != null) {
            String encoded = StaffAccount.encodeEvents(scope);
            if (!java.util.Objects.equals(encoded, a.eventScope)) {
                a.eventScope = encoded;
                revoke = true;
            }
        }
        if (revoke) {
            a.tokenVersion++;
        }
        a.updatedAt = clock.instant();
        accounts.forget(a.username);
        return StaffView.from(a);
    }

    private static List<String> eventsOf(JsonNode node, RequestValidator.Violations v) {
        if (!node.isArray()) {
            v.add("events", "must be a list of event slugs, or null for every event");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                v.add("events[" + i + "]", "must be an event slug");
            } else {
                out.add(node.get(i).asText());
            }
        }
        return out;
    }

    /** The slugs, stripped; each must name an event. Null stays null (every event). */
    private List<String> checkEvents(List<String> slugs, RequestValidator.Violations v) {
        if (slugs == null) {
            return null;
        }
        if (slugs.size() > 100) {
            v.add("events", "must name at most 100 events");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < slugs.size(); i++) {
            String slug = slugs.get(i) == null ? "" : slugs.get(i).strip();
            if (slug.isEmpty() || slug.length() > 64 || !events.exists(slug)) {
                v.add("events[" + i + "]", "is not an event");
            } else {
                out.add(slug);
            }
        }
        return out;
    }

    @Transactional
    public PageView<StaffView> list(int page, int size) {
        PageView.check(page, size);
        var query = StaffAccount.findAll(Sort.by("username"));
        long total = query.count();
        List<StaffView> items = query.page(Page.of(page, size)).<StaffAccount>list().stream().map(StaffView::from).toList();
        return new PageView<>(items, page, size, total);
    }

    @Transactional
    public long count() {
        return StaffAccount.count();
    }

    @Transactional
    public StaffAccount insert(String username, String password, StaffRole role, String displayName) {
        Instant now = clock.instant();
        StaffAccount a = new StaffAccount();
        a.username = StaffAccount.normalize(username);
        a.passwordHash = Passwords.hash(password);
        a.role = role;
        a.displayName = Text.clean(displayName);
        a.active = true;
        a.createdAt = now;
        a.updatedAt = now;
        a.persistAndFlush();
        return a;
    }
}
