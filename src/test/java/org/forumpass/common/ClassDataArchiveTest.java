package org.forumpass.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The links made before a class-data archive is written (issue 18, start-up): every loaded class is linked, none is
 * initialised, since an initialiser at the JVM's exit could open connections or start threads.
 */
class ClassDataArchiveTest {
    static final AtomicInteger INITIALISED = new AtomicInteger();

    /** Loaded below and never used: its initialiser must not run. */
    static final class LoadedOnly {
        static {
            INITIALISED.incrementAndGet();
        }
    }

    @Test
    void linksTheLoadedClassesWithoutInitialisingThem() throws Exception {
        Class.forName(LoadedOnly.class.getName(), false, getClass().getClassLoader());
        int linked = ClassDataArchive.linkLoaded(getClass().getClassLoader());
        assertTrue(linked > 1_000, "a JVM running JUnit has loaded thousands of classes, linked: " + linked);
        assertEquals(0, INITIALISED.get(), "linking ran a static initialiser");
    }

    @Test
    void doesNothingWhenTheJvmWritesNoArchive() {
        assertFalse(ClassDataArchive.writing(), "surefire's JVM has no -XX:ArchiveClassesAtExit");
    }
}
