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
import org.forumpass.common.Roles;

/**
 * Reads {@code Authorization: Bearer ...}. A staff token is verified here (HMAC, no database);
 * any other bearer string is carried as a delegate's manage token, which the registration
 * endpoints check against the registration they serve.
 */
@ApplicationScoped
public class BearerAuthMechanism implements HttpAuthenticationMechanism {
    @Inject
    TokenService tokens;

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
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(claims.get().username()))
                    .addRole(claims.get().role())
                    .build());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("delegate"))
                .addRole(Roles.DELEGATE)
                .addAttribute(StaffIdentity.MANAGE_TOKEN, token)
                .build());
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
