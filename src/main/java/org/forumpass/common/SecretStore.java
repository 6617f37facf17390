package org.forumpass.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Secrets generated once and shared through the database: the first replica to start inserts,
 * any other that races it reads the winner's value (primary key on the name).
 */
@ApplicationScoped
public class SecretStore {
    private static final Logger LOG = Logger.getLogger(SecretStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.inject.Instance<SecretStore> self;

    /**
     * The key set in {@code variable} (refused with a start-up failure when weak), or else one generated and
     * kept in the database under {@code name}, with a warning logged once: whoever reads the database
     * (a backup, a dump) then holds the key too.
     */
    public String fromEnvironmentOrStored(String variable, Optional<String> configured, String name, int bytes) {
        if (configured.isPresent()) {
            return Secrets.require(variable, configured.get().strip());
        }
        if (WARNED.add(variable)) {
            LOG.warnf("%s is not set: its key is generated and kept in the database (app_secret '%s'), so a copy of the"
                    + " database is enough to use it. Set %s in the environment (openssl rand -base64 32) in production.",
                    variable, name, variable);
        }
        return getOrCreate(name, bytes);
    }

    /**
     * The stored key, or a new one: replicas starting at once race to insert it, and the unique key decides. On a
     * Galera cluster the loser may learn it as a certification failure before the winner's row is readable on its
     * node; it then reads again until the row is there ({@link Retry}).
     */
    public String getOrCreate(String name, int bytes) {
        return Retry.onConflict(() -> {
            String existing = self.get().read(name);
            if (existing != null) {
                return existing;
            }
            try {
                self.get().insert(name, bytes);
            } catch (RuntimeException e) {
                if (!Db.isConstraintViolation(e)) {
                    throw e;
                }
            }
            String stored = self.get().read(name);
            if (stored == null) {
                throw new Retry.NotYetVisible("app_secret '" + name + "' inserted by another replica");
            }
            return stored;
        });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String read(String name) {
        AppSecret s = em.find(AppSecret.class, name);
        return s == null ? null : s.value;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(String name, int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        AppSecret s = new AppSecret();
        s.name = name;
        s.value = Base64.getEncoder().encodeToString(raw);
        s.createdAt = clock.instant();
        em.persist(s);
        em.flush();
    }
}
