package org.forumpass.staff;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.forumpass.common.tls.LocalTls;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.forumpass.common.Db;
import org.forumpass.common.ForumPassConfig;
import org.forumpass.common.Retry;
import org.jboss.logging.Logger;

/**
 * On a first start with no staff account, creates the organizer {@code admin} with
 * FORUMPASS_ADMIN_PASSWORD or a generated password, printed once (and, on the embedded
 * database, kept in data/initial-admin-password like Jenkins does, until it is changed).
 */
@ApplicationScoped
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    public static final String ADMIN = "admin";

    @Inject
    StaffService staff;
    @Inject
    ForumPassConfig config;
    @Inject
    org.forumpass.common.PublicUrl publicUrl;
    @Inject
    org.forumpass.common.tls.LocalHttps localHttps;
    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int httpPort;
    @ConfigProperty(name = "quarkus.profile", defaultValue = "prod")
    String profile;

    void onStart(@Observes @Priority(20) StartupEvent ev) {
        config.adminPassword().ifPresent(p -> Passwords.requireAcceptable("FORUMPASS_ADMIN_PASSWORD", p));
        String login = ensureAdmin();
        if (!"test".equals(profile)) {
            String base = publicUrl.base();
            LOG.infof("%n%n    ForumPass is running at %s/%n%s    Organizer sign-in: %s%n    Console: %s/admin   API docs: %s/q/swagger-ui%n",
                    base, https(), login, base, base);
        }
    }

    /** The HTTPS lines of the banner: the door's address on this network and the certificate devices must trust. */
    private String https() {
        if (!localHttps.enabled()) {
            return "";
        }
        String host = LocalTls.lanAddresses().stream().filter(a -> !a.contains(":")).findFirst().orElse("localhost");
        StringBuilder b = new StringBuilder("    HTTPS (door devices on this network): https://").append(host).append(':')
                .append(localHttps.port()).append("/door\n");
        try {
            if (localHttps.authority().isPresent()) {
                b.append("    Devices trust the certificate authority ").append(localHttps.authority().get()).append(" (download: http://")
                        .append(host).append(':').append(httpPort).append("/ca.crt)\n    its SHA-256 fingerprint: ");
            } else {
                b.append("    Certificate ").append(localHttps.certificate().get()).append(", SHA-256 fingerprint: ");
            }
            b.append(localHttps.fingerprint()).append("\n");
        } catch (RuntimeException e) {
            b.append("    (the certificate could not be read: ").append(e.getMessage()).append(")\n");
        }
        return b.toString();
    }

    /** Creates admin when there is no staff account; answers how to sign in as the first organizer. */
    String ensureAdmin() {
        Path file = Path.of(config.dataDir(), "initial-admin-password");
        if (staff.count() > 0) {
            if ("h2".equals(config.db()) && Files.isReadable(file)) {
                try {
                    return ADMIN + " / " + Files.readString(file, StandardCharsets.UTF_8).strip()
                            + "  (from " + file + "; delete that file once you have changed the password)";
                } catch (IOException e) {
                    return ADMIN;
                }
            }
            return ADMIN + " (password: FORUMPASS_ADMIN_PASSWORD, or the one printed at the first start)";
        }
        boolean generated = config.adminPassword().isEmpty();
        String password = config.adminPassword().orElseGet(AdminBootstrap::generatePassword);
        try {
            staff.insert(ADMIN, password, StaffRole.ORGANIZER, "Administrator");
        } catch (PersistenceException e) {
            // the unique key, or on Galera a certification failure against the other replica's insert on another node
            if (Db.isConstraintViolation(e) || Retry.isConflict(e)) {
                return ADMIN + " (created by another replica)";
            }
            throw e;
        }
        if (!generated) {
            return ADMIN + " / the password in FORUMPASS_ADMIN_PASSWORD";
        }
        if ("h2".equals(config.db())) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            } catch (IOException e) {
                LOG.warnf("Could not write %s: %s", file, e.getMessage());
            }
        }
        if ("h2".equals(config.db())) {
            LOG.warnf("Created the organizer account '%s' with the generated password %s. It is kept in %s until you delete that file;"
                    + " change the password after signing in, then delete the file.", ADMIN, password, file.toAbsolutePath().normalize());
        } else {
            LOG.warnf("Created the organizer account '%s' with the generated password %s. It is shown only now and kept nowhere;"
                    + " change it after signing in.", ADMIN, password);
        }
        return ADMIN + " / " + password;
    }

    static String generatePassword() {
        byte[] raw = new byte[15];
        new SecureRandom().nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
