package org.forumpass.staff;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.forumpass.common.EventScope;
import org.forumpass.common.Roles;
import org.forumpass.common.error.DomainException;

/**
 * Reads {@code Authorization: Bearer ...}. A staff token is verified here (HMAC), then checked against its
 * account as {@link StaffAccounts} holds it (at most 5 s old): the account must exist, be active, have the
 * token's role and token version. The identity carries the account's events ({@link EventScope#EVENTS}).
 * Any other bearer string is carried as a delegate's manage token, which the registration endpoints check
 * against the registration they serve.
 */
@ApplicationScoped
public class BearerAuthMechanism implements HttpAuthenticationMechanism {
    @Inject
    TokenService tokens;
    @Inject
    StaffAccounts accounts;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().nullItem();
        }
        String token = header.substring(7).trim();
        if (token.isEmpty() || token.length() > 512) {
            return Uni.createFrom().failure(new AuthenticationFailedException("bad bearer token"));
        }
        if (TokenService.looksLikeStaffToken(token)) {
            Optional<TokenService.Claims> claims = tokens.verify(token);
            if (claims.isEmpty()) {
                return Uni.createFrom().failure(new AuthenticationFailedException("invalid or expired token"));
            }
            TokenService.Claims c = claims.get();
            return Uni.createFrom().completionStage(accounts.get(c.username())).onItem().transform(a -> identity(c, a));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("delegate"))
                .addRole(Roles.DELEGATE)
                .addAttribute(StaffIdentity.MANAGE_TOKEN, token)
                .build());
    }

    private static SecurityIdentity identity(TokenService.Claims c, StaffAccounts.Snapshot a) {
        if (!a.exists() || !a.active() || !c.role().equals(a.role()) || c.version() != a.tokenVersion()) {
            throw new AuthenticationFailedException(new DomainException(StaffError.TOKEN_REVOKED,
                    "This sign-in has ended (the account was disabled or changed); sign in again"));
        }
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(c.username()))
                .addRole(c.role());
        if (a.events() != null) {
            b.addAttribute(EventScope.EVENTS, Set.copyOf(a.events()));
        }
        return b.build();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }
}
