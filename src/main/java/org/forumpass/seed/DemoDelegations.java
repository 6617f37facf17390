package org.forumpass.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.forumpass.delegation.DelegationRecords.CreateDelegationRequest;
import org.forumpass.delegation.DelegationRecords.CreatedDelegation;
import org.forumpass.delegation.DelegationService;
import org.forumpass.registration.RegistrationStatus;
import org.forumpass.visa.VisaLetterService;
import org.forumpass.registration.RegistrationRecords.Protocol;
import org.forumpass.registration.RegistrationRecords.RegisterRequest;
import org.forumpass.registration.RegistrationRecords.RegisterResponse;
import org.forumpass.registration.RegistrationService;
import org.forumpass.registration.RegistrationService.Origin;

/**
 * issue 15: a demo forum's delegations, the {@code delegations} block of its seed file: each is the body of
 * {@code POST /api/v1/events/{slug}/delegations} plus {@code members}, each the body of
 * {@code POST /api/v1/delegations/{id}/members} as the focal point sends it. Dates that belong to the forum (the
 * answers' dates, a document's expiry) move with the forum, as its agenda does; dates of birth stay. A delegation
 * whose name the forum has already is left alone. Issue 16: a member's {@code protocol} (VIP, rank, note) is set as an
 * organizer sets it, once the member is registered.
 */
@ApplicationScoped
public class DemoDelegations {
    @Inject
    ObjectMapper mapper;
    @Inject
    DelegationService delegations;
    @Inject
    VisaLetterService letters;
    @Inject
    RegistrationService registrations;

    /** Creates the forum's seed delegations it lacks, with their members; {@code shiftDays} is how far the forum was moved. */
    public List<String> apply(String slug, String file, long shiftDays) {
        JsonNode block;
        try (InputStream in = DemoDelegations.class.getResourceAsStream("/seeds/forums/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing seed file seeds/forums/" + file);
            }
            block = mapper.readTree(in).get("delegations");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> created = new ArrayList<>();
        if (block == null) {
            return created;
        }
        for (JsonNode seed : block) {
            ObjectNode body = seed.deepCopy();
            JsonNode members = body.remove("members");
            CreateDelegationRequest req = convert(body, CreateDelegationRequest.class);
            if (exists(slug, req.name())) {
                continue;
            }
            CreatedDelegation d = delegations.create(slug, req);
            for (JsonNode seedMember : members == null ? List.<JsonNode>of() : members) {
                ObjectNode m = (ObjectNode) moved(seedMember, shiftDays);
                JsonNode letter = m.remove("visaLetter"); // not part of the registration
                JsonNode protocol = m.remove("protocol"); // issue 16: the organizers' own, set after
                RegisterResponse r = delegations.addMember(d.id(), convert(m, RegisterRequest.class), Origin.DELEGATION);
                if (protocol != null) {
                    registrations.protocol(r.id(), convert(protocol, Protocol.class));
                }
                // "visaLetter": "REQUESTED" or "ISSUED": the member's letter as the focal point asked and the organizers decided
                if (letter != null && r.status() == RegistrationStatus.CONFIRMED) {
                    letters.request(r.id(), "demo");
                    if ("ISSUED".equals(letter.asText())) {
                        letters.approve(r.id(), "demo");
                    }
                }
            }
            created.add(req.name());
        }
        return created;
    }

    private boolean exists(String slug, String name) {
        return delegations.list(slug).stream().anyMatch(d -> d.name().equals(name));
    }

    /** The member with its answers' dates and its document's expiry moved by the forum's shift. */
    private static JsonNode moved(JsonNode member, long days) {
        ObjectNode m = member.deepCopy();
        if (m.get("answers") instanceof ObjectNode answers) {
            for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual() && e.getValue().asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                    e.setValue(new TextNode(LocalDate.parse(e.getValue().asText()).plusDays(days).toString()));
                }
            }
        }
        if (m.get("identity") instanceof ObjectNode identity && identity.hasNonNull("expiresOn")) {
            identity.put("expiresOn", LocalDate.parse(identity.get("expiresOn").asText()).plusDays(days).toString());
        }
        return m;
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
