package org.forumpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * src/test holds the tests of ./mvnw verify only: the reliability suite and its process tools live in src/it/java
 * (profiles reliability and bench), the load harness in src/bench/java (profile bench), and neither uses src/test.
 */
class SourceLayoutTest {
    private static final Path TEST = Path.of("src/test/java");
    private static final Pattern MAIN = Pattern.compile("static\\s+void\\s+main\\s*\\(");

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String className(Path root, Path file) {
        String rel = root.relativize(file).toString().replace('/', '.');
        return rel.substring(0, rel.length() - ".java".length());
    }

    @Test
    void srcTestHoldsNoProgramsNoIntegrationTestsAndNoProcessTools() throws IOException {
        List<String> misplaced = javaFiles(TEST).stream()
                .filter(f -> {
                    String name = className(TEST, f);
                    return name.endsWith("IT") || name.startsWith("org.forumpass.bench.")
                            || name.startsWith("org.forumpass.ops.") || name.startsWith("org.forumpass.reliability.")
                            || MAIN.matcher(read(f)).find();
                })
                .map(f -> TEST.relativize(f).toString()).toList();
        assertEquals(List.of(), misplaced, "tools and ITs belong in src/it/java or src/bench/java");
    }

    @Test
    void theToolsAndTheReliabilitySuiteHaveTheirOwnSourceSets() throws IOException {
        Set<String> it = javaFiles(Path.of("src/it/java")).stream().map(f -> className(Path.of("src/it/java"), f))
                .collect(Collectors.toSet());
        Set<String> bench = javaFiles(Path.of("src/bench/java")).stream().map(f -> className(Path.of("src/bench/java"), f))
                .collect(Collectors.toSet());
        assertTrue(it.containsAll(Set.of("org.forumpass.ops.AppProcess", "org.forumpass.ops.LocalMariaDb",
                "org.forumpass.reliability.KillNineIT", "org.forumpass.reliability.ReplicasIT",
                "org.forumpass.reliability.DatabaseOutageIT")), "src/it/java: " + it);
        assertTrue(bench.containsAll(Set.of("org.forumpass.bench.LoadHarness", "org.forumpass.bench.Load")),
                "src/bench/java: " + bench);
    }

    @Test
    void theToolsUseNothingOfSrcTest() throws IOException {
        Set<String> testClasses = javaFiles(TEST).stream().map(f -> className(TEST, f)).collect(Collectors.toSet());
        List<String> uses = Stream.concat(javaFiles(Path.of("src/it/java")).stream(), javaFiles(Path.of("src/bench/java")).stream())
                .flatMap(f -> read(f).lines().map(String::trim).filter(l -> l.startsWith("import "))
                        .filter(l -> testClasses.stream().anyMatch(c -> l.matches("import (static )?" + c.replace(".", "\\.") + "[.;].*")))
                        .map(l -> f + ": " + l))
                .toList();
        assertEquals(List.of(), uses, "src/it/java and src/bench/java must compile without src/test/java");
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
