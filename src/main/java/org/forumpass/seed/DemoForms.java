package org.forumpass.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.forumpass.form.FormRecords.FormDefinition;
import org.forumpass.form.FormService;

/** issue 14: a demo forum's registration fields, the {@code form} block of its seed file (the body of PUT .../form). */
@ApplicationScoped
public class DemoForms {
    @Inject
    ObjectMapper mapper;
    @Inject
    FormService forms;

    public void apply(String slug, String file) {
        try (InputStream in = DemoForms.class.getResourceAsStream("/seeds/forums/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing seed file seeds/forums/" + file);
            }
            JsonNode form = mapper.readTree(in).get("form");
            if (form != null) {
                forms.put(slug, mapper.treeToValue(form, FormDefinition.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
