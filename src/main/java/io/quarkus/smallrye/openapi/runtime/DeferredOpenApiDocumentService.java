package io.quarkus.smallrye.openapi.runtime;

import io.quarkus.arc.Unremovable;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.filter.AutoSecurityFilter;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 18, start-up: the OpenAPI document is made when it is first asked for, not at every start. Quarkus 3.33 makes
 * it as the app starts: it parses the 164 KB document that the build wrote, as YAML (SmallRye reads every static file
 * that way), and writes it out again as JSON and YAML. That took 0.2 s of the start's main thread, and more of the JIT
 * compilers' time, for a page that organisers and integrators open now and then. The first {@code /q/openapi} now
 * takes about 0.3 s, and the document is the same, byte for byte.
 *
 * <p>This class replaces Quarkus's {@link OpenApiDocumentService} bean (an alternative of higher priority). It lives
 * in that class's package because the method it defers is package-private. That works in the packaged app, where one
 * class loader loads both; in tests and dev mode the app's classes have a class loader of their own, the override
 * would not be one, so the bean exists only in the packaged (prod) build, and the reliability suite's
 * {@code ReplicasIT} asks the packaged app for the document. Remove this class on a Quarkus release that makes the
 * document on the first request by itself.
 */
@IfBuildProfile("prod")
@Alternative
@Priority(1)
@ApplicationScoped
@Unremovable
public class DeferredOpenApiDocumentService extends OpenApiDocumentService {
    private final List<Runnable> pending = new ArrayList<>();

    /** Called by Quarkus's recorder at start, once per document: kept, with the class loader it had, for the first request. */
    @Override
    void prepareDocument(AutoSecurityFilter autoSecurityFilter, Map<OpenApiFilter.RunStage, List<String>> filters, String documentName) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        synchronized (pending) {
            pending.add(() -> {
                Thread t = Thread.currentThread();
                ClassLoader before = t.getContextClassLoader();
                t.setContextClassLoader(loader);
                try {
                    super.prepareDocument(autoSecurityFilter, filters, documentName);
                } finally {
                    t.setContextClassLoader(before);
                }
            });
        }
    }

    /** Makes the documents on the first call (one thread makes them, the others wait), then answers as Quarkus does. */
    @Override
    public byte[] getDocument(String documentName, Format format) {
        synchronized (pending) {
            pending.forEach(Runnable::run);
            pending.clear();
        }
        return super.getDocument(documentName, format);
    }
}
