package org.forumpass.registration;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.forumpass.common.ClientAddress;
import org.forumpass.common.ForumPassConfig;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Throttle;
import org.forumpass.common.error.DomainException;

/**
 * Issue 17: the Latin form of a name written in another script, which the registration page offers the delegate to
 * confirm. Public, at most {@link LatinNames#MAX_TEXT} characters, limited per client address and minute.
 */
@Path("/api/v1/transliterate")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Registration")
public class TransliterationResource {
    @Inject
    Throttle throttle;
    @Inject
    ForumPassConfig config;
    @Inject
    ClientAddress clientAddress;

    /** {@code latin} (null when the text has no letters of another script) and its split into given and family names. */
    public record Transliteration(String text, String latin, String givenName, String familyName, String script) {
    }

    @GET
    @PermitAll
    @Operation(summary = "The Latin form of a name (public; ?text= at most 200 characters): pinyin without tones for Chinese,"
            + " BGN for Cyrillic, ICU's Any-Latin otherwise, split into given and family names; 429 registration.rate_limited"
            + " past 60 a minute per client")
    public Transliteration transliterate(@QueryParam("text") String text, @Context io.vertx.core.http.HttpServerRequest request) {
        Violations v = new Violations();
        if (text == null || text.isBlank()) {
            v.rule("text", "required");
        } else if (text.length() > LatinNames.MAX_TEXT) {
            v.rule("text", "size", Map.of("min", 1, "max", LatinNames.MAX_TEXT));
        }
        v.throwIfAny();
        int max = config.limits().transliterationsPerMinute();
        String client = clientAddress.of(request);
        if (max > 0 && client != null && throttle.hit("transliterate:" + client, Duration.ofMinutes(1)) > max) {
            throw new DomainException(RegistrationError.RATE_LIMITED, "Too many transliterations; try again in a minute");
        }
        LatinNames.Suggestion s = LatinNames.suggest(text);
        return s == null ? new Transliteration(text, null, null, null, null)
                : new Transliteration(text, s.latin(), s.givenName(), s.familyName(), s.script());
    }
}
