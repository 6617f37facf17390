package org.forumpass.staff;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.forumpass.common.Db;
import org.forumpass.common.PageView;
import org.forumpass.common.RequestValidator;
import org.forumpass.common.Text;
import org.forumpass.common.error.DomainException;
import org.forumpass.staff.StaffRecords.CreateStaffRequest;
import org.forumpass.staff.StaffRecords.LoginRequest;
import org.forumpass.staff.StaffRecords.LoginResponse;
import org.forumpass.staff.StaffRecords.StaffView;
import org.forumpass.staff.StaffRecords.UpdateStaffRequest;

@ApplicationScoped
public class StaffService {
    @jakarta.inject.Inject
    org.forumpass.common.Throttle throttle;
    @jakarta.inject.Inject
    org.forumpass.common.ForumPassConfig config;


    @Inject
    TokenService tokens;
    @Inject
    RequestValidator validator;
    @Inject
    Clock clock;

    @Transactional
    public LoginResponse login(LoginRequest req) {
        validator.start(req).throwIfAny();
        String username = req.username().strip().toLowerCase(java.util.Locale.ROOT);
        // Failed sign-ins are counted per username in the database, so every replica refuses the next
        // guess once the limit is reached (an attacker can hold one account's sign-in shut for the window:
        // the price of not letting anyone guess on).
        String key = "login:" + username;
        var window = config.limits().signInWindow();
        if (throttle.count(key, window) >= config.limits().failedSignIns()) {
            throw new DomainException(StaffError.TOO_MANY_ATTEMPTS, "Too many failed sign-ins for this account; try again after "
                    + throttle.window(key, window).end());
        }
        Optional<StaffAccount> account = StaffAccount.findByUsername(username);
        boolean ok = account.isPresent() ? Passwords.matches(req.password(), account.get().passwordHash)
                : Passwords.matchesNobody(req.password());
        if (account.isEmpty() || !ok || !account.get().active) {
            throttle.hit(key, window);
            throw new DomainException(StaffError.INVALID_CREDENTIALS, "Wrong username or password");
        }
        throttle.clear(key, window);
        StaffAccount a = account.get();
        TokenService.Issued issued = tokens.issue(a.username, a.role.roleName);
        return new LoginResponse(issued.token(), StaffRecords.utc(issued.expiresAt()), a.role.roleName, a.username, a.displayName);
    }

    @Transactional
    public StaffView create(CreateStaffRequest req) {
        validator.start(req).throwIfAny();
        if (StaffAccount.findByUsername(req.username()).isPresent()) {
            throw new DomainException(StaffError.USERNAME_TAKEN, "The username '" + req.username() + "' exists");
        }
        try {
            return StaffView.from(insert(req.username(), req.password(), req.role(), req.displayName()));
        } catch (PersistenceException e) {
            if (Db.isConstraintViolation(e)) {
                throw new DomainException(StaffError.USERNAME_TAKEN, "The username '" + req.username() + "' exists");
            }
            throw e;
        }
    }

    @Transactional
    public StaffView update(String username, UpdateStaffRequest req) {
        validator.start(req).throwIfAny();
        StaffAccount a = StaffAccount.findByUsername(username)
                .orElseThrow(() -> new DomainException(StaffError.NOT_FOUND, "No staff account '" + username + "'"));
        boolean losesOrganizer = a.role == StaffRole.ORGANIZER && a.active
                && ((req.role() != null && req.role() != StaffRole.ORGANIZER) || Boolean.FALSE.equals(req.active()));
        if (losesOrganizer && StaffAccount.count("role = ?1 and active = true", StaffRole.ORGANIZER) <= 1) {
            throw new DomainException(StaffError.LAST_ORGANIZER, "At least one active organizer must remain");
        }
        if (req.password() != null) {
            a.passwordHash = Passwords.hash(req.password());
        }
        if (req.role() != null) {
            a.role = req.role();
        }
        if (req.displayName() != null) {
            a.displayName = Text.clean(req.displayName());
        }
        if (req.active() != null) {
            a.active = req.active();
        }
        a.updatedAt = clock.instant();
        return StaffView.from(a);
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
        a.username = username;
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
