package org.forumpass.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.forumpass.common.ForumPassConfig;
import org.forumpass.common.Throttle;
import org.forumpass.common.error.DomainException;

/**
 * Public registrations per client address and minute, counted in the database so that the limit holds
 * across replicas. The address comes from ClientAddress: behind a proxy it is the client's only when the
 * proxy is listed in FORUMPASS_TRUSTED_PROXIES; otherwise every delegate shares the proxy's address and
 * the limit must be raised or switched off (0).
 */
@ApplicationScoped
public class RegistrationLimit {
    @Inject
    Throttle throttle;
    @Inject
    ForumPassConfig config;

    public void check(String address) {
        int limit = config.limits().registrationsPerMinute();
        if (limit <= 0 || address == null) {
            return;
        }
        if (throttle.hit("register:" + address, Duration.ofMinutes(1)) > limit) {
            throw new DomainException(RegistrationError.RATE_LIMITED,
                    "Too many registrations from your address; try again in a minute");
        }
    }
}
