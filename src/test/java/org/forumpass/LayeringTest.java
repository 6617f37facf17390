package org.forumpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house's rules read from the sources (no Quarkus): {@code common} imports no feature; in {@code checkin} no bean
 * injects one that injects it back, nothing below the service calls up into it, and only {@code Admission} hands out
 * the door's refusals.
 */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/org/forumpass");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.forumpass\\.(\\w+)\\.", Pattern.MULTILINE);
    private static final Pattern INJECT = Pattern.compile("@Inject\\s+(?:Instance<)?(\\w+)>?\\s+\\w+;");

    @Test
    void commonImportsNoFeature() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("common"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals("common")) {
                        found.add(MAIN.relativize(f) + " imports org.forumpass." + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void checkinBeansInjectDownwardOnly() throws IOException {
        Map<String, String> sources = checkinSources();
        Map<String, Set<String>> injects = new TreeMap<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Matcher m = INJECT.matcher(e.getValue());
            Set<String> out = new HashSet<>();
            while (m.find()) {
                if (sources.containsKey(m.group(1)) && !m.group(1).equals(e.getKey())) { // a proxy of itself is no cycle
                    out.add(m.group(1));
                }
            }
            injects.put(e.getKey(), out);
        }
        assertTrue(injects.get("ScanLanes").contains("SingleScan"), "the lanes fall back on the single-scan bean: " + injects);
        for (String start : injects.keySet()) {
            assertFalse(reaches(injects, start, start, new HashSet<>()), start + " injects a bean that injects it back: " + injects);
        }
    }

    @Test
    void nothingBelowTheServiceCallsUpIntoIt() throws IOException {
        Map<String, String> sources = checkinSources();
        for (String below : List.of("ScanLanes", "ScanGroup", "SingleScan", "ScanStore", "GroupStore", "Doors", "ScanAnswers",
                "Admission")) {
            assertTrue(sources.containsKey(below), below + " exists");
            assertFalse(sources.get(below).contains("CheckInService"), below + " names CheckInService");
        }
        assertFalse(sources.get("ScanGroup").contains("ScanLanes"), "the group does not call back into its lane");
        assertFalse(sources.get("GroupStore").contains("ScanGroup"), "the group store does not call back into the group");
    }

    @Test
    void onlyAdmissionDecidesRefusals() throws IOException {
        Pattern refusal = Pattern.compile("ScanResult\\.(REVOKED|NOT_CONFIRMED|CATEGORY_NOT_ALLOWED|NOT_REGISTERED_FOR_SESSION"
                + "|OUTSIDE_SESSION_WINDOW|SESSION_FULL|WRONG_EVENT|INVALID_CODE|ZONE_NOT_ALLOWED)\\b");
        Map<String, Integer> named = new TreeMap<>();
        for (Map.Entry<String, String> e : checkinSources().entrySet()) {
            Matcher m = refusal.matcher(e.getValue());
            while (m.find()) {
                named.merge(e.getKey() + "." + m.group(1), 1, Integer::sum);
            }
        }
        named.keySet().removeIf(k -> k.startsWith("Admission."));
        // the answer leaves another event's delegate out, whichever path decided it
        assertEquals(Map.of("ScanAnswers.WRONG_EVENT", 1), named);
    }

    private static boolean reaches(Map<String, Set<String>> graph, String from, String target, Set<String> seen) {
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reaches(graph, next, target, seen)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> checkinSources() throws IOException {
        Map<String, String> out = new HashMap<>();
        try (Stream<Path> files = Files.list(MAIN.resolve("checkin"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                out.put(f.getFileName().toString().replace(".java", ""), Files.readString(f));
            }
        }
        return out;
    }
}
