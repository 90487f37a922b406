package dev.poolscope.cli;

import dev.poolscope.server.LogLinePrefix;
import dev.poolscope.server.ServerSettings;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** How to read PostgreSQL's own log among the inputs and join it with the app's (docs/log-format.md). */
public final class ServerOptions {
    @Option(names = "--pg-prefix", paramLabel = "PREFIX",
            description = "log_line_prefix of PostgreSQL stderr logs, e.g. '%%m [%%p] %%q%%u@%%d ' (default: the server's default and the common ones are tried)")
    String prefix;

    @Option(names = "--pg-max-connections", paramLabel = "N",
            description = "the server's max_connections, to set the session peak against (the server never logs it)")
    Integer maxConnections;

    @Option(names = "--pg-application", paramLabel = "NAME",
            description = "the app's application_name: join only the server sessions that carry it")
    String application;

    @Option(names = "--pg-clock-skew", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "5s", description = "clock offset tolerated between the app's and the server's host when joining (default: ${DEFAULT-VALUE})")
    Duration skew;

    ServerSettings settings() throws UsageException {
        try {
            List<LogLinePrefix> prefixes = prefix == null ? LogLinePrefix.common() : List.of(LogLinePrefix.of(prefix));
            return new ServerSettings(prefixes, maxConnections, application, skew);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--pg-*: " + e.getMessage());
        }
    }
}
