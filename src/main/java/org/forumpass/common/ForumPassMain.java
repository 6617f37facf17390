package org.forumpass.common;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The entry point of the packaged app: makes the data directory private (0700) before Quarkus starts and
 * H2 creates the database in it, then runs Quarkus as usual. The directory is read the way the
 * configuration reads it: the system property forumpass.data-dir, else FORUMPASS_DATA_DIR, else ./data
 * (the default in application.properties); {@link DataDirectory} checks the configured one again at startup.
 */
@QuarkusMain
public final class ForumPassMain {
    private ForumPassMain() {
    }

    public static void main(String... args) {
        if ("h2".equals(builtFor())) {
            String dir = System.getProperty("forumpass.data-dir", System.getenv().getOrDefault("FORUMPASS_DATA_DIR", "./data"));
            DataDirectory.secure(Path.of(dir));
        }
        Quarkus.run(args);
    }

    /** forumpass.db from the packaged application.properties (h2, mysql or mariadb). */
    private static String builtFor() {
        try (InputStream in = ForumPassMain.class.getResourceAsStream("/application.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("forumpass.db", "");
        } catch (IOException e) {
            return "";
        }
    }
}
