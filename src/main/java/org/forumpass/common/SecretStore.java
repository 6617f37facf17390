package org.forumpass.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * Secrets generated once and shared through the database: the first replica to start inserts,
 * any other that races it reads the winner's value (primary key on the name).
 */
@ApplicationScoped
public class SecretStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.inject.Instance<SecretStore> self;

    public String getOrCreate(String name, int bytes) {
        String existing = self.get().read(name);
        if (existing != null) {
            return existing;
        }
        try {
            self.get().insert(name, bytes);
        } catch (PersistenceException e) {
            if (!Db.isConstraintViolation(e)) {
                throw e;
            }
        } catch (RuntimeException e) {
            if (!Db.isConstraintViolation(e)) {
                throw e;
            }
        }
        return self.get().read(name);
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
