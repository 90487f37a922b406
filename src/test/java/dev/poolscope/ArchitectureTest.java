package dev.poolscope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The import table of docs/architecture.md: io → event → analysis → report, cli on top. Reads every
 * import (and fully qualified {@code dev.poolscope.*} reference) under src/main/java, no dependency needed.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src", "main", "java", "dev", "poolscope");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.poolscope\\.(\\w+)\\.[A-Z]");

    /** Allowed prefixes per package; {@code null} means "anything but the forbidden list". */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "io", List.of("java.", "javax.", "io.airlift.compress.zstd."),
            "event", List.of("java.", "javax.", "com.fasterxml.jackson.core."),
            "analysis", List.of("java.", "javax.", "dev.poolscope.event.", "org.HdrHistogram."));
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "report", List.of("dev.poolscope.io.", "dev.poolscope.cli."));

    @Test
    void noForbiddenEdge() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path rel = MAIN.relativize(file);
                String pkg = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
                for (String dep : dependencies(Files.readString(file))) {
                    if (!allowed(pkg, dep)) {
                        violations.add(rel + " -> " + dep);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    static List<String> dependencies(String source) {
        List<String> deps = new ArrayList<>();
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
            deps.add(m.group(1));
        }
        Matcher q = QUALIFIED.matcher(source.replaceAll("(?m)^(package|import) .*$", ""));
        while (q.find()) {
            deps.add("dev.poolscope." + q.group(1) + ".");
        }
        return deps;
    }

    private static boolean allowed(String pkg, String dep) {
        String own = "dev.poolscope." + pkg + ".";
        if (dep.startsWith(own)) {
            return true;
        }
        // Nothing imports cli but the root package's Main, which only starts it.
        if (dep.startsWith("dev.poolscope.cli.") && !pkg.isEmpty()) {
            return false;
        }
        List<String> allow = ALLOWED.get(pkg);
        if (allow != null) {
            return allow.stream().anyMatch(dep::startsWith);
        }
        return FORBIDDEN.getOrDefault(pkg, List.of()).stream().noneMatch(dep::startsWith);
    }

    @Test
    void theCheckSeesBothImportsAndQualifiedNames() {
        List<String> deps = dependencies("package dev.poolscope.io;\nimport dev.poolscope.cli.Pipeline;\n"
                + "class X { Object o = dev.poolscope.report.JsonReport.SCHEMA; }");
        assertThat(deps).containsExactly("dev.poolscope.cli.Pipeline", "dev.poolscope.report.");
        assertThat(allowed("io", "dev.poolscope.event.PoolEvent")).isFalse();
        assertThat(allowed("analysis", "com.fasterxml.jackson.core.JsonParser")).isFalse();
        assertThat(allowed("report", "dev.poolscope.cli.ExitCode")).isFalse();
        assertThat(allowed("sample", "dev.poolscope.cli.ExitCode")).isFalse();
        assertThat(allowed("", "dev.poolscope.cli.PoolscopeCommand")).isTrue();
        assertThat(allowed("report", "org.jfree.chart.JFreeChart")).isTrue();
    }
}
