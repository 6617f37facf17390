package org.forumpass.common;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import javax.management.ObjectName;
import org.jboss.logging.Logger;

/**
 * A better class-data archive (issue 18, start-up). A JVM started with {@code -XX:ArchiveClassesAtExit} writes, as it
 * stops, every class it loaded into an archive that the next starts map instead of reading and verifying the classes
 * again; but the JDK 17 leaves out each class that was loaded and never linked: about 2,800 of a start's 15,500
 * (annotation types, the Hibernate and Jackson classes that were only looked at). The next start then reads and parses
 * them from the jars again. Linking every loaded class just before the JVM writes the archive (reflection links a
 * class without initialising it) puts them in, and a start on an existing schema used 0.8 s less CPU.
 *
 * <p>Nothing happens unless this JVM writes an archive: the stop of a trained start (docs/operations.md,
 * "Start-up"), and the {@code package} build's archive runs ({@link ForumPassMain}).
 */
@ApplicationScoped
public class ClassDataArchive {
    private static final Logger LOG = Logger.getLogger(ClassDataArchive.class);

    /** First among the stop's observers: what the stop loads after it is not needed at start, and may stay out. */
    void onStop(@Observes @Priority(1) ShutdownEvent e) {
        linkIfWriting(Thread.currentThread().getContextClassLoader());
    }

    /** Links every loaded class (see {@link #linkLoaded}) if this JVM writes an archive as it exits; else nothing. */
    static void linkIfWriting(ClassLoader loader) {
        if (writing()) {
            linkLoaded(loader);
        }
    }

    /** True when this JVM writes a class-data archive as it exits. */
    static boolean writing() {
        try {
            return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
        } catch (RuntimeException | LinkageError ex) { // no management module: no archive to improve
            return false;
        }
    }

    /**
     * Links every class the JVM has loaded that the given loader (or its parents) can name: a few rounds, because
     * linking loads the classes a class's fields and methods name. Answers how many classes it linked.
     */
    static int linkLoaded(ClassLoader loader) {
        Set<String> seen = new HashSet<>();
        int linked = 0;
        int failed = 0;
        for (int round = 0; round < 4; round++) {
            int before = seen.size();
            for (String name : loadedClassNames()) {
                if (!seen.add(name)) {
                    continue;
                }
                try {
                    Class<?> c = Class.forName(name, false, loader);
                    c.getDeclaredFields(); // the JVM links a class before it answers what it declares
                    c.getDeclaredMethods();
                    linked++;
                } catch (ClassNotFoundException | LinkageError | SecurityException ex) {
                    failed++; // a hidden class, another loader's, or one that does not verify: left out, as before
                }
            }
            if (seen.size() == before) {
                break;
            }
        }
        LOG.infof("Class-data archive: linked %d loaded classes before the archive is written (%d could not be)", linked, failed);
        return linked;
    }

    /** The names of every class loaded now, from the JVM's own class hierarchy (jcmd VM.class_hierarchy). */
    private static Set<String> loadedClassNames() {
        String tree;
        try {
            tree = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmClassHierarchy",
                    new Object[] { null }, new String[] { String[].class.getName() });
        } catch (Exception ex) {
            LOG.warnf("Class-data archive: cannot list the loaded classes (%s); the archive leaves out those not linked", ex);
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        tree.lines().forEach(line -> { // "|  |--org.example.Name/0x00007f...  (intf)"
            int branch = line.lastIndexOf("|--");
            String entry = branch < 0 ? line : line.substring(branch + 3);
            int slash = entry.indexOf('/');
            if (slash > 0) {
                names.add(entry.substring(0, slash));
            }
        });
        return names;
    }
}
