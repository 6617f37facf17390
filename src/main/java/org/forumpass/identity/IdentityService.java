package org.forumpass.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.Category;
import org.forumpass.event.Event;
import org.forumpass.identity.IdentityRecords.FullIdentity;
import org.forumpass.identity.IdentityRecords.MaskedIdentity;
import org.forumpass.registration.IdentityHook;
import org.forumpass.registration.IdentityInput;
import org.forumpass.registration.Registration;
import org.forumpass.registration.RegistrationService;

/** Keeps identity documents encrypted; answers them masked, or whole to the audited endpoint and exports. */
@ApplicationScoped
public class IdentityService implements IdentityHook {
    @Inject
    IdentityCrypto crypto;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;
    @Inject
    RegistrationService registrations;

    @Override
    public Object check(Event event, Category category, IdentityInput input, boolean enforceRequired, Violations v) {
        if (input == null || input.blank()) {
            if (enforceRequired && IdentityRules.required(event, category)) {
                v.rule("identity", "identity_required", Map.of("category", category));
            }
            return null;
        }
        return IdentityRules.check(event, input, LocalDate.now(clock.withZone(event.zone())), v);
    }

    @Override
    public void store(Registration registration, Object checked) {
        FullIdentity doc = (FullIdentity) checked;
        IdentityCrypto.Sealed sealed = crypto.seal(registration.id, json(doc));
        IdentityDocument row = IdentityDocument.findById(registration.id);
        if (row == null) {
            row = new IdentityDocument();
            row.registrationId = registration.id;
        }
        row.numberHash = crypto.hash(doc.number());
        row.nonce = sealed.nonce();
        row.ciphertext = sealed.ciphertext();
        row.updatedAt = clock.instant();
        row.persist();
    }

    @Override
    public Object masked(Registration registration) {
        return find(registration.id).map(FullIdentity::masked).orElse(null);
    }

    @Override
    public void erase(Registration registration) {
        IdentityDocument.delete("registrationId", registration.id);
    }

    @Override
    public String numberHash(String number, Violations v) {
        String n = IdentityRules.normalise(number);
        if (!IdentityRules.validNumber(n)) {
            v.rule("documentNumber", "document_number");
            return null;
        }
        return crypto.hash(n);
    }

    /** The whole document of a registration (by its public id); 404 identity.not_found when it has none. */
    @Transactional
    public FullIdentity full(String publicId) {
        Registration r = registrations.require(publicId);
        return find(r.id).orElseThrow(() -> new DomainException(IdentityError.NOT_FOUND, "The registration has no identity document"));
    }

    /** Decrypts a row read elsewhere (exports); the registration's database id is the associated data. */
    public FullIdentity open(long registrationId, byte[] nonce, byte[] ciphertext) {
        try {
            return mapper.readValue(crypto.open(registrationId, nonce, ciphertext), FullIdentity.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<FullIdentity> find(Long registrationId) {
        IdentityDocument row = registrationId == null ? null : IdentityDocument.findById(registrationId);
        return row == null ? Optional.empty() : Optional.of(open(row.registrationId, row.nonce, row.ciphertext));
    }

    private byte[] json(FullIdentity doc) {
        try {
            return mapper.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
