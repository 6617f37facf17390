package org.forumpass.staff;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.forumpass.common.error.CommonError;
import org.forumpass.common.error.Problem;
import org.forumpass.common.error.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A refused role, as problem+json: 401 for whoever is no staff member, 403 for a staff member whose role may not. */
public class AccessMappers {
    @Inject
    SecurityIdentity identity;

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        // A delegate's manage token is no staff credential: staff endpoints answer 401 to it.
        if (identity == null || identity.isAnonymous() || StaffIdentity.isDelegateToken(identity)) {
            return ProblemMappers.unauthorizedResponse();
        }
        return ProblemMappers.respond(Problem.of(CommonError.FORBIDDEN, "Your role may not do this"));
    }
}
