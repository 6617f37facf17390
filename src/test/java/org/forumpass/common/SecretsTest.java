package org.forumpass.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule that refuses guessable keys, without the framework, and the start-up path that applies it. */
class SecretsTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static String random(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    @Test
    void acceptsGeneratedKeys() {
        for (int i = 0; i < 2000; i++) {
            String b64 = random(32);
            assertEquals(Optional.empty(), Secrets.weakness(b64), b64);
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            String hex = HexFormat.of().formatHex(raw);
            assertEquals(Optional.empty(), Secrets.weakness(hex), hex);
        }
    }

    @Test
    void refusesPlaceholdersRepeatsAndSequences() {
        for (String weak : new String[] {"change-me", "change-me-to-at-least-32-random-characters", "CHANGE-ME-openssl-rand-base64-32",
                "base64 of 32 random bytes: openssl rand -base64 32", "secretsecretsecretsecretsecretsecret", "my-super-Secret-key-for-production-2026",
                "passwordpasswordpasswordpassword1", "example-example-example-example-x", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP", "0123456789012345678901234567890123456789",
                "Kf8!Kf8!Kf8!Kf8!Kf8!Kf8!Kf8!Kf8!Kf8!Kf8!Kf8!", "zQ3x", "", "   "}) {
            assertTrue(Secrets.weakness(weak).isPresent(), "accepted: " + weak);
        }
    }

    @Test
    void theRefusalNamesTheVariable() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Secrets.require("FORUMPASS_TOKEN_SECRET", "change-me-to-at-least-32-random-characters"));
        assertTrue(e.getMessage().startsWith("FORUMPASS_TOKEN_SECRET is refused"), e.getMessage());
    }

    @Test
    void everyExampleKeyAndPasswordInDeployIsRefused() throws IOException {
        Pattern line = Pattern.compile("^\\s*(FORUMPASS_[A-Z_]*(?:SECRET|KEY|TOKEN|PASSWORD))\\s*[:=]\\s*\"?([^\"\\n]*)\"?\\s*$",
                Pattern.MULTILINE);
        int seen = 0;
        try (Stream<Path> files = Files.walk(Path.of("deploy"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".env.example")).toList()) {
                Matcher m = line.matcher(Files.readString(f));
                while (m.find()) {
                    String name = m.group(1);
                    String value = m.group(2).strip();
                    if (value.startsWith("$")) {
                        continue; // compose passes the variable through
                    }
                    seen++;
                    boolean refused = name.endsWith("PASSWORD") ? Secrets.passwordWeakness(value, 10, 200).isPresent()
                            : Secrets.weakness(value).isPresent();
                    assertTrue(refused, name + " in " + f + " would be accepted: " + value);
                }
            }
        }
        assertTrue(seen >= 10, "example values found: " + seen);
    }

    @Test
    void adminPasswordFollowsTheStaffRuleAndRefusesPlaceholders() {
        assertTrue(Secrets.passwordWeakness("change-me", 10, 200).isPresent());
        assertTrue(Secrets.passwordWeakness("changeme-please", 10, 200).isPresent());
        assertTrue(Secrets.passwordWeakness("password", 10, 200).isPresent());
        assertTrue(Secrets.passwordWeakness("short", 10, 200).isPresent());
        assertTrue(Secrets.passwordWeakness("aaaaaaaaaaaaaaaa", 10, 200).isPresent());
        assertTrue(Secrets.passwordWeakness("1234567890", 10, 200).isPresent());
        assertTrue(Secrets.passwordWeakness("x".repeat(201), 10, 200).isPresent());
        assertEquals(Optional.empty(), Secrets.passwordWeakness("Tulip-harbour-42-lantern", 10, 200));
    }

    @Test
    void startUpCheckRefusesAWeakKeyFromTheConfiguration() {
        String good = random(32);
        SecretCheck.verify(config(Map.of("forumpass.token.secret", good, "forumpass.data-key", random(32),
                "forumpass.manage-token.secret", random(32), "forumpass.badge.key-encryption-key", random(32))));
        SecretCheck.verify(config(Map.of()));
        for (String[] bad : new String[][] {{"forumpass.token.secret", "FORUMPASS_TOKEN_SECRET", "change-me-to-at-least-32-random-characters"},
                {"forumpass.manage-token.secret", "FORUMPASS_MANAGE_TOKEN_SECRET", "CHANGE-ME-openssl-rand-base64-32"},
                {"forumpass.badge.key-encryption-key", "FORUMPASS_BADGE_KEY_ENCRYPTION_KEY", random(16)},
                {"forumpass.data-key", "FORUMPASS_DATA_KEY", "secretsecretsecretsecretsecretsecret"}}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> SecretCheck.verify(config(Map.of(bad[0], bad[2]))));
            assertTrue(e.getMessage().startsWith(bad[1] + " "), e.getMessage());
        }
    }

    private static ForumPassConfig config(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("forumpass.db", "h2", "forumpass.data-dir", "./data",
                "forumpass.limits.sign-in-window", "PT15M", "forumpass.token.ttl", "PT12H"));
        all.putAll(values);
        // Quarkus's converter, so durations read as they do in the app ("30S" as well as "PT30S")
        SmallRyeConfig c = new SmallRyeConfigBuilder().withMapping(ForumPassConfig.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(all, "test", 100)).build();
        return c.getConfigMapping(ForumPassConfig.class);
    }
}
