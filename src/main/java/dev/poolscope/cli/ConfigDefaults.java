package dev.poolscope.cli;

import dev.poolscope.findings.RulesFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Takes option values from the {@code --config} file (Java properties; keys are the long option names
 * without dashes, docs/ci.md). picocli asks a default provider only for options the command line did
 * not set, and only after parsing, so command-line values win and {@code --config} is already known.
 * A bad file is a usage error: unknown keys and unconvertible values are reported with the file name.
 */
public final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
    static final String OPTION = "--config";
    /** Keys that cannot come from a config file: they are about the invocation itself. */
    private static final Set<String> NOT_CONFIGURABLE = Set.of("config", "help", "version");

    private Path loadedFrom;
    private Map<String, String> values = Map.of();

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || arg.command() == null) {
            return null;
        }
        OptionSpec config = arg.command().findOption(OPTION);
        if (config == null || config.getValue() == null || option == config) {
            return null;
        }
        Map<String, String> settings = load(arg.command(), config.getValue());
        return settings.get(key(option));
    }

    private Map<String, String> load(CommandSpec command, Path path) {
        if (!path.equals(loadedFrom)) {
            values = read(command, path);
            loadedFrom = path;
        }
        return values;
    }

    private static Map<String, String> read(CommandSpec command, Path path) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(path)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw bad(command, "no such config file: " + path);
        } catch (CharacterCodingException e) {
            throw bad(command, "config file " + path + " is not UTF-8 text");
        } catch (IOException | IllegalArgumentException e) {
            throw bad(command, "cannot read config file " + path + ": " + e.getMessage());
        }
        Map<String, String> settings = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).strip();
            if (RulesFile.owns(key)) {
                continue;   // findings settings and user rules: FindingOptions reads them (docs/findings.md)
            }
            OptionSpec option = command.findOption("--" + key);
            if (option == null || NOT_CONFIGURABLE.contains(key)) {
                throw bad(command, path + ": unknown setting '" + key + "' (settings are the long option names of '"
                        + command.qualifiedName() + "' without the dashes)");
            }
            validate(command, path, key, value, option);
            settings.put(key, value);
        }
        return settings;
    }

    /** Converts once here, so a bad value is reported against the file rather than as a command-line error. */
    private static void validate(CommandSpec command, Path path, String key, String value, OptionSpec option) {
        Class<?> type = option.type();
        try {
            if (option.converters().length > 0) {
                option.converters()[0].convert(value);
            } else if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
                long n = Long.parseLong(value);
                if ((type == int.class || type == Integer.class) && n != (int) n) {
                    throw new NumberFormatException();
                }
            } else if (type == boolean.class || type == Boolean.class) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("expected true or false");
                }
            } else if (type.isEnum()) {
                enumValue(type, value);
            }
        } catch (Exception e) {
            String why = e instanceof NumberFormatException ? "not a whole number" : String.valueOf(e.getMessage());
            throw bad(command, path + ": " + key + " = '" + value + "': " + why);
        }
    }

    private static void enumValue(Class<?> type, String value) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(value)) {
                return;
            }
        }
        throw new IllegalArgumentException("expected one of " + java.util.Arrays.toString(type.getEnumConstants())
                .toLowerCase(Locale.ROOT));
    }

    private static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^--", "");
    }

    private static CommandLine.ParameterException bad(CommandSpec command, String message) {
        return new CommandLine.ParameterException(command.commandLine(), message);
    }
}
