package org.forumpass.visa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.event.Event;
import org.forumpass.event.VisaLetterHook;
import org.forumpass.visa.VisaLetterRecords.Settings;

/**
 * The event's {@code visaLetter} in event create and update (POST /api/v1/events, PUT /api/v1/events/{slug}) and in
 * the organizers' event view: the same settings, rules and table as PUT /api/v1/events/{slug}/visa-letter, with the
 * violations named {@code visaLetter.<part>}. Not sent: unchanged.
 */
@ApplicationScoped
public class VisaLetterEventField implements VisaLetterHook {
    @Inject
    ObjectMapper mapper;
    @Inject
    VisaLetterService letters;

    @Override
    public Object check(JsonNode given, Violations v) {
        Settings s;
        try {
            s = given.isObject() ? mapper.treeToValue(given, Settings.class) : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            s = null;
        }
        if (s == null) {
            v.add("visaLetter", "must be {enabled, issuer: {name: {en, zh}, address: {en, zh}, signatory, title: {en, zh}}, "
                    + "purpose: {en, zh}}");
            return null;
        }
        return VisaLetterRules.check(s, "visaLetter.", v);
    }

    @Override
    public void save(Event event, Object checked) {
        letters.store(event, (Settings) checked);
    }

    @Override
    public Object view(Event event) {
        return letters.settingsOf(event);
    }
}
