package org.forumpass.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a rush faster than the mail server must not pile rendered mails up in the heap. At most
 * {@link MailOutbox#IN_FLIGHT} mails are made or sent at once; the next committing request waits until the mail server
 * takes one, and a mail is made only once it has its place.
 */
class MailOutboxTest {
    /** A mail server that takes a mail only when the test says so. */
    static final class SlowServer implements io.quarkus.mailer.reactive.ReactiveMailer {
        final List<UniEmitter<? super Void>> pending = new CopyOnWriteArrayList<>();
        final List<String> subjects = new CopyOnWriteArrayList<>();

        @Override
        public Uni<Void> send(Mail... mails) {
            return Uni.createFrom().emitter(e -> {
                for (Mail m : mails) {
                    subjects.add(m.getSubject());
                }
                pending.add(e);
            });
        }

        void takeOne() {
            pending.remove(0).complete(null);
        }
    }

    @Test
    void beyondTheMailsInFlightTheNextWaitsAndIsMadeOnlyWhenItsTurnComes() throws Exception {
        SlowServer server = new SlowServer();
        MailOutbox outbox = new MailOutbox();
        outbox.mailer = server;
        AtomicInteger made = new AtomicInteger();
        for (int i = 0; i < MailOutbox.IN_FLIGHT; i++) {
            int n = i;
            outbox.send(() -> {
                made.incrementAndGet();
                return Mail.withText("d" + n + "@example.org", "mail " + n, "text");
            }, "mail " + n);
        }
        assertEquals(MailOutbox.IN_FLIGHT, server.subjects.size(), "the first mails go to the server at once");

        CompletableFuture<Void> next = CompletableFuture.runAsync(() -> outbox.send(() -> {
            made.incrementAndGet();
            return Mail.withText("late@example.org", "the late one", "text");
        }, "the late one"));
        try {
            next.get(500, TimeUnit.MILLISECONDS);
            throw new AssertionError("a mail beyond " + MailOutbox.IN_FLIGHT + " in flight was made at once");
        } catch (TimeoutException expected) {
            assertFalse(server.subjects.contains("the late one"));
            assertEquals(MailOutbox.IN_FLIGHT, made.get(), "the waiting mail is not rendered yet");
        }
        server.takeOne();
        next.get(5, TimeUnit.SECONDS);
        assertTrue(server.subjects.contains("the late one"), "once the server took one, the waiting mail is sent");
        assertEquals(MailOutbox.IN_FLIGHT + 1, made.get());
        assertEquals(0, outbox.dropped.get(), "nothing was dropped");
    }

    @Test
    void aMailThatCannotBeMadeGivesItsPlaceBack() {
        SlowServer server = new SlowServer();
        MailOutbox outbox = new MailOutbox();
        outbox.mailer = server;
        for (int i = 0; i < MailOutbox.IN_FLIGHT * 2; i++) {
            outbox.send(() -> {
                throw new IllegalStateException("template broken");
            }, "broken " + i);
        }
        outbox.send(() -> Mail.withText("ok@example.org", "fine", "text"), "fine");
        assertEquals(List.of("fine"), server.subjects, "failed mails held no place");
        assertEquals(MailOutbox.IN_FLIGHT - 1, outbox.inFlight.availablePermits());
    }
}
