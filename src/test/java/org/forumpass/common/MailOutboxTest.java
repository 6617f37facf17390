package org.forumpass.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.forumpass.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: mails wait in the database (mail_outbox) from the transaction that causes them until the mail server has
 * taken them. With the app's own sender thread off, the test drives {@link MailOutbox#sendDue} itself, as one or two
 * replicas' senders would.
 */
@QuarkusTest
@TestProfile(MailOutboxTest.SenderOff.class)
class MailOutboxTest {
    public static class SenderOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("forumpass.mail.sender", "false");
        }
    }

    @Inject
    MailOutbox outbox;
    @Inject
    MockMailbox mailbox;
    @Inject
    ReactiveMailer realMailer;

    private static String to() {
        return "outbox-" + UUID.randomUUID() + "@example.org";
    }

    private static Mail mail(String to, String subject) {
        return Mail.withText(to, subject, "Dear delegate,\n\n你好 — a private link: https://example.org/r/X?t=secret")
                .setHtml("<p>Dear delegate, 你好</p>");
    }

    private static OutboxMail row(String to) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>find("recipient", to).firstResult());
    }

    private void sendAllDue() {
        while (outbox.sendDue() > 0) {
            // a full batch may leave more due
        }
    }

    @Test
    void aMailIsWrittenWithTheChangeThatCausesItAndSentOnlyIfItCommits() {
        String kept = to();
        String rolledBack = to();
        QuarkusTransaction.requiringNew().run(() -> outbox.queue(mail(kept, "Registration confirmed"), "test mail"));
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.queue(mail(rolledBack, "never"), "rolled back");
            throw new IllegalStateException("the registration failed after its mail was written");
        }));
        OutboxMail waiting = row(kept);
        assertNotNull(waiting, "the committed mail waits in the outbox");
        assertEquals("Registration confirmed", waiting.subject);
        assertTrue(waiting.textBody.contains("你好"), "the text is kept exactly");
        assertNull(row(rolledBack), "the rolled-back change left no mail");
        assertTrue(mailbox.getMailsSentTo(kept).isEmpty(), "nothing is sent before a sender runs");

        sendAllDue();
        List<Mail> sent = mailbox.getMailsSentTo(kept);
        assertEquals(1, sent.size());
        assertEquals("Registration confirmed", sent.get(0).getSubject());
        assertEquals("<p>Dear delegate, 你好</p>", sent.get(0).getHtml());
        assertNull(row(kept), "a sent mail leaves the outbox (its text holds a private link)");
        assertTrue(mailbox.getMailsSentTo(rolledBack).isEmpty());
    }

    @Test
    void aMailTheServerRefusesIsTriedAgainLaterThenGivenUp() {
        String to = to();
        QuarkusTransaction.requiringNew().run(() -> outbox.queue(mail(to, "Your registration link"), "retry mail"));
        AtomicInteger tries = new AtomicInteger();
        outbox.mailer(new ReactiveMailer() {
            @Override
            public Uni<Void> send(Mail... mails) {
                tries.incrementAndGet();
                return Uni.createFrom().failure(new IllegalStateException("421 mail server busy"));
            }
        });
        Instant before = Instant.now();
        try {
            sendAllDue();
        } finally {
            outbox.mailer(realMailer);
        }
        assertTrue(tries.get() >= 1);
        OutboxMail failed = row(to);
        assertNotNull(failed, "a refused mail stays in the outbox");
        assertEquals(1, failed.attempts);
        assertEquals("421 mail server busy", failed.lastError);
        assertNull(failed.claimToken, "no sender holds it");
        assertTrue(failed.nextAttemptAt.isAfter(before.plusSeconds(25)), "tried again about 30 s later: " + failed.nextAttemptAt);
        sendAllDue();
        assertTrue(mailbox.getMailsSentTo(to).isEmpty(), "not before its time");

        QuarkusTransaction.requiringNew().run(() -> OutboxMail.update("nextAttemptAt = ?1 where recipient = ?2",
                Instant.now().minusSeconds(1), to));
        sendAllDue();
        assertEquals(1, mailbox.getMailsSentTo(to).size(), "the mail server back, the mail leaves");
        assertNull(row(to));

        String hopeless = to();
        QuarkusTransaction.requiringNew().run(() -> outbox.queue(mail(hopeless, "never taken"), "hopeless mail"));
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.update("attempts = ?1 where recipient = ?2",
                MailOutbox.MAX_ATTEMPTS - 1, hopeless));
        long failedBefore = outbox.failedCount();
        outbox.mailer(new ReactiveMailer() {
            @Override
            public Uni<Void> send(Mail... mails) {
                return Uni.createFrom().failure(new IllegalStateException("550 no such user"));
            }
        });
        try {
            sendAllDue();
        } finally {
            outbox.mailer(realMailer);
        }
        assertNull(row(hopeless), "after the last attempt the mail is given up");
        assertEquals(failedBefore + 1, outbox.failedCount(), "and counted (forumpass_mail_failed_total)");
    }

    @Test
    void twoSendersRacingSendEveryMailOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 3 * MailOutbox.BATCH / 2; i++) {
            recipients.add(to());
        }
        List<Mail> mails = recipients.stream().map(r -> mail(r, "race")).toList();
        QuarkusTransaction.requiringNew().run(() -> outbox.queueAll(mails, recipients.stream().map(r -> "race mail").toList()));
        // what the mail server took, per recipient: Quarkus's MockMailbox keeps plain HashMaps, and two senders
        // writing into it at once can lose an entry (a recipient then seems to have got nothing)
        Map<String, AtomicInteger> taken = new ConcurrentHashMap<>();
        outbox.mailer(new ReactiveMailer() {
            @Override
            public Uni<Void> send(Mail... sent) {
                for (Mail m : sent) {
                    m.getTo().forEach(to -> taken.computeIfAbsent(to, k -> new AtomicInteger()).incrementAndGet());
                }
                return Uni.createFrom().voidItem();
            }
        });
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> senders = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            senders.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                int claimed = 0;
                for (int round = 0; round < 20; round++) {
                    try {
                        claimed += outbox.sendDue();
                    } catch (RuntimeException e) { // lost a race for the rows: as the sender's loop does, look again
                    }
                }
                return claimed;
            }));
        }
        go.countDown();
        int claimed = 0;
        try {
            for (CompletableFuture<Integer> f : senders) {
                claimed += f.get();
            }
        } finally {
            outbox.mailer(realMailer);
        }
        assertEquals(recipients.size(), claimed, "between them the two senders claimed each mail once");
        long once = recipients.stream().filter(r -> taken.containsKey(r) && taken.get(r).get() == 1).count();
        long none = recipients.stream().filter(r -> !taken.containsKey(r)).count();
        assertEquals(recipients.size(), once, "one mail to each recipient (" + none + " got none, claimed " + senders.get(0).get()
                + " + " + senders.get(1).get() + ")");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("recipient in ?1", recipients)));
    }

    @Test
    void theMailsOfASenderThatDiedAreSentOnceItsLeaseEnds() {
        String to = to();
        QuarkusTransaction.requiringNew().run(() -> outbox.queue(mail(to, "Visa letter"), "orphan mail"));
        // a replica claims the mail, then dies before sending it
        List<OutboxMail> claimed = QuarkusTransaction.requiringNew().call(() -> outbox.claim(UUID.randomUUID().toString(), null));
        assertTrue(claimed.stream().anyMatch(m -> m.recipient.equals(to)));
        sendAllDue();
        assertTrue(mailbox.getMailsSentTo(to).isEmpty(), "no other sender takes it while the lease runs");
        assertTrue(row(to).nextAttemptAt.isAfter(Instant.now().plus(MailOutbox.LEASE).minusSeconds(30)));

        QuarkusTransaction.requiringNew().run(() -> OutboxMail.update("nextAttemptAt = ?1 where recipient = ?2",
                Instant.now().minus(Duration.ofSeconds(1)), to));
        sendAllDue();
        assertEquals(1, mailbox.getMailsSentTo(to).size(), "after the lease another sender sends it");
        assertNull(row(to));
    }

    @Test
    void whileTheMachineIsBusyOnlyMailsThatWaitedLongEnoughGo() {
        String fresh = to();
        String old = to();
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.queue(mail(old, "Registration confirmed"), "old mail");
            outbox.queue(mail(fresh, "Registration confirmed"), "fresh mail");
        });
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.update("createdAt = ?1 where recipient = ?2",
                Instant.now().minus(Duration.ofSeconds(90)), old));
        // what the sender does under load with the default busy delay of 60 s
        while (outbox.sendDue(Instant.now().minus(Duration.ofSeconds(60))) > 0) {
            // until nothing old enough is left
        }
        assertEquals(1, mailbox.getMailsSentTo(old).size(), "the mail written 90 s ago goes despite the load");
        assertTrue(mailbox.getMailsSentTo(fresh).isEmpty(), "the fresh one waits for the load to pass");
        assertNotNull(row(fresh));

        sendAllDue(); // the load has passed
        assertEquals(1, mailbox.getMailsSentTo(fresh).size());
        assertEquals(1, mailbox.getMailsSentTo(old).size(), "and nothing twice");
    }

    @Test
    void erasingAPersonDeletesTheirMailsStillWaiting() {
        String slug = Fixtures.createEvent(Fixtures.event(Fixtures.slug()));
        String email = Fixtures.email();
        String other = Fixtures.email();
        String id = (String) Fixtures.register(slug, Fixtures.delegate(email)).get("id");
        Fixtures.register(slug, Fixtures.delegate(other));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("recipient", email)),
                "the confirmation waits in the outbox (this test's sender is off)");

        Fixtures.asOrganizer().post("/api/v1/registrations/" + id + "/erase").then().statusCode(200);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("recipient", email)),
                "an erased person's address and private link do not stay behind in the outbox");
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("recipient", other)),
                "another delegate's mail stays");
        sendAllDue();
        assertTrue(mailbox.getMailsSentTo(email).isEmpty());
        assertEquals(1, mailbox.getMailsSentTo(other).size());
    }

    @Test
    void retriesSpreadOutToAnHour() {
        assertEquals(Duration.ofSeconds(30), MailOutbox.retryDelay(1));
        assertEquals(Duration.ofMinutes(1), MailOutbox.retryDelay(2));
        assertEquals(Duration.ofMinutes(32), MailOutbox.retryDelay(7));
        assertEquals(Duration.ofHours(1), MailOutbox.retryDelay(8));
        assertEquals(Duration.ofHours(1), MailOutbox.retryDelay(MailOutbox.MAX_ATTEMPTS));
    }
}
