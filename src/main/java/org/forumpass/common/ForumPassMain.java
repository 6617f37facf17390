package org.forumpass.common;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.forumpass.common.tls.LocalTls;

/**
 * The entry point of the packaged app: makes the data directory private (0700) before Quarkus starts and
 * H2 creates the database in it, then runs Quarkus as usual. The directory is read the way the
 * configuration reads it: the system property forumpass.data-dir, else FORUMPASS_DATA_DIR, else ./data
 * (the default in application.properties); {@link DataDirectory} checks the configured one again at startup.
 */
@QuarkusMain
public final class ForumPassMain {
    /** Set by the pom's class-data archive run (the name Quarkus's own AppCDS build uses). */
    static final String ARCHIVE_RUN = "quarkus.appcds.generate";

    ForumPassMain() { // package-private: Quarkus makes the @QuarkusMain class a bean
    }

    public static void main(String... args) {
        Properties packaged = packaged();
        if (Boolean.getBoolean(ARCHIVE_RUN)) {
            if ("h2".equals(packaged.getProperty("forumpass.db", ""))) {
                trainingRun(packaged, args);
            } else {
                archiveRun();
            }
            return;
        }
        String dir = setting("forumpass.data-dir", "./data");
        if ("h2".equals(packaged.getProperty("forumpass.db", ""))) {
            DataDirectory.secure(Path.of(dir));
        }
        localTls(Path.of(dir), setting("forumpass.tls.mode",
                packaged.getProperty("fp-tls." + packaged.getProperty("forumpass.db", ""), "off")));
        Quarkus.run(args);
    }

    /**
     * The run of {@code package} that makes the class-data archive (target/quarkus-app/app-cds.jsa, see the pom) for the
     * MySQL builds, which have no database at build time: Quarkus's static initialisation only (the generated
     * application's class initialiser: configuration, CDI container, Hibernate's metamodel, REST routes), as
     * quarkus.package.jar.appcds.enabled does it, then exit, when the JVM writes the archive of every class loaded so
     * far (each linked first: {@link ClassDataArchive}). No database is opened, no data directory nor certificate is made.
     */
    static void archiveRun() {
        try {
            Class.forName("io.quarkus.runner.ApplicationImpl", true, ForumPassMain.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Not the packaged app: no io.quarkus.runner.ApplicationImpl", e);
        }
        ClassDataArchive.linkIfWriting(ForumPassMain.class.getClassLoader());
        System.exit(0);
    }

    /**
     * The archive run of the embedded build (H2): a whole start, as the README's run command starts, on a throwaway data
     * directory ({@code forumpass.cds.training-dir}, default target/cds-training): migrations, the first organizer,
     * the demo forums, the certificates, the HTTP server on ports the kernel chooses on 127.0.0.1. Then it stops, and
     * the JVM writes into the archive every class the start loaded, not only those of the static initialisation: the
     * start's Flyway, Hibernate, Validator, OpenAPI and the app's own start-up (issue 18).
     */
    static void trainingRun(Properties packaged, String... args) {
        System.clearProperty(ARCHIVE_RUN); // Quarkus would skip parts of the start (ApplicationLifecycleManager.isAppCDSGeneration)
        Path dir = Path.of(setting("forumpass.cds.training-dir", "../cds-training")).toAbsolutePath().normalize();
        deleteTree(dir);
        System.setProperty("forumpass.data-dir", dir.toString());
        System.setProperty("quarkus.http.host", "127.0.0.1");
        System.setProperty("quarkus.http.port", "0");
        System.setProperty("quarkus.http.ssl-port", "0");
        DataDirectory.secure(dir);
        localTls(dir, setting("forumpass.tls.mode", packaged.getProperty("fp-tls.h2", "off")));
        Quarkus.run(StartOnly.class, args);
        System.exit(0);
    }

    /** The training run's application: started, it stops at once. */
    public static final class StartOnly implements io.quarkus.runtime.QuarkusApplication {
        @Override
        public int run(String... args) {
            return 0;
        }
    }

    private static void deleteTree(Path root) {
        if (!java.nio.file.Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot empty " + root, e);
        }
    }

    /**
     * HTTPS out of the box (forumpass.tls.mode=auto, the embedded build's default): the installation's certificate
     * authority and a server certificate for this machine's names and addresses in data/tls (see {@link LocalTls}),
     * handed to Quarkus before it starts. Nothing is made when the mode is off (the MySQL builds' default: TLS ends
     * at the proxy) or when a certificate of one's own is configured (QUARKUS_HTTP_SSL_CERTIFICATE_FILES and
     * _KEY_FILES, or a key store).
     */
    static void localTls(Path dataDir, String mode) {
        if (!"auto".equalsIgnoreCase(mode.strip()) || !setting("quarkus.http.ssl.certificate.files", "").isBlank()
                || !setting("quarkus.http.ssl.certificate.key-store-file", "").isBlank()) {
            return;
        }
        LocalTls.Files3 tls = LocalTls.ensure(dataDir.resolve("tls"),
                LocalTls.localHosts(List.of(setting("forumpass.tls.hosts", "").split(","))));
        System.setProperty("quarkus.http.ssl.certificate.files", tls.serverCert().toString());
        System.setProperty("quarkus.http.ssl.certificate.key-files", tls.serverKey().toString());
        System.setProperty("forumpass.tls.ca", tls.caCert().toString());
    }

    /** A setting the way the configuration reads it before it exists: the system property, else the variable. */
    private static String setting(String key, String otherwise) {
        String env = key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        return System.getProperty(key, System.getenv().getOrDefault(env, otherwise));
    }

    /** The packaged application.properties (forumpass.db: h2, mysql or mariadb; the TLS default of that build). */
    private static Properties packaged() {
        Properties p = new Properties();
        try (InputStream in = ForumPassMain.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return p;
        }
        return p;
    }
}
