package dev.poolscope.cli;

import dev.poolscope.findings.FindingConfig;
import dev.poolscope.findings.RulesFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/** {@code --rules FILE}: thresholds of the built-in findings and user-defined signatures (docs/findings.md). */
final class FindingOptions {
    @Option(names = "--rules", paramLabel = "FILE",
            description = "findings settings and user rules: finding.<rule>.<key> and rule.<id>.<key> lines of a properties file (docs/findings.md)")
    Path rules;

    /** The rules file's settings, after those of {@code config} (check's --config) when given. */
    FindingConfig config(Path config) throws UsageException {
        Map<String, String> all = new HashMap<>();
        if (config != null) {
            all.putAll(read(config));
        }
        if (rules != null) {
            all.putAll(read(rules));
        }
        try {
            return RulesFile.parse(all);
        } catch (IllegalArgumentException e) {
            throw new UsageException((rules != null ? rules : config) + ": " + e.getMessage());
        }
    }

    private static Map<String, String> read(Path path) throws UsageException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(path)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such rules file: " + path);
        } catch (CharacterCodingException e) {
            throw new UsageException("rules file " + path + " is not UTF-8 text");
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("cannot read rules file " + path + ": " + e.getMessage());
        }
        Map<String, String> out = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (RulesFile.owns(key)) {
                out.put(key, p.getProperty(key));
            }
        }
        return out;
    }
}
