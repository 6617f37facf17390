package org.forumpass.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** deploy/ cannot run here, so this keeps its variable names true to the application's configuration. */
class DeployConfigTest {
    private static final Pattern NAME = Pattern.compile("\\b((?:FORUMPASS|QUARKUS)_[A-Z0-9_]+)\\b");

    @Test
    void everyVariableInDeployNamesARealSetting() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("deploy"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).toList()) {
                Matcher m = NAME.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.contains("QUARKUS_DATASOURCE_JDBC_URL") && used.contains("FORUMPASS_ADMIN_PASSWORD"), used.toString());

        Set<String> known = new TreeSet<>();
        collect("FORUMPASS", ForumPassConfig.class, known);
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                known.add(envName(line.substring(0, line.indexOf('=')).replaceFirst("^%[a-z,]+\\.", "")));
            }
        }
        String readme = Files.readString(Path.of("deploy/README.md")) + Files.readString(Path.of("docs/operations.md"));
        for (String name : used) {
            boolean documented = documented(readme, name);
            assertTrue(documented, name + " is not documented in docs/operations.md or deploy/README.md");
            assertTrue(known.contains(name) || name.startsWith("QUARKUS_"), name + " is not a ForumPass setting: " + known);
        }
    }

    /** Named in full, or in a row like "`QUARKUS_MAILER_HOST`, `_PORT`". */
    private static boolean documented(String readme, String name) {
        int last = name.lastIndexOf('_');
        return readme.contains("`" + name + "`")
                || (readme.contains(name.substring(0, last)) && readme.contains("`" + name.substring(last) + "`"));
    }

    private static void collect(String prefix, Class<?> type, Set<String> into) {
        for (Method m : type.getDeclaredMethods()) {
            String name = prefix + "_" + m.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
            if (m.getReturnType().isInterface() && m.getReturnType().getName().startsWith(type.getName())) {
                collect(name, m.getReturnType(), into);
            } else {
                into.add(name);
            }
        }
    }

    private static String envName(String property) {
        return property.strip().replace("\"", "").replaceAll("[.\\-]", "_").toUpperCase();
    }
}
