package dev.poolscope.server;

import dev.poolscope.io.LineConsumer;
import dev.poolscope.io.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test support: a server log file read straight into a {@link ServerAnalysis}, the way the feed does it. */
final class ServerLogs {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    private ServerLogs() {}

    static ServerResult analyze(ServerSettings settings, Path... files) {
        ServerAnalysis analysis = new ServerAnalysis(settings, 1000, 5_000_000L);
        for (Path file : files) {
            read(file, settings.prefixes(), analysis);
        }
        return analysis.finish();
    }

    static ServerResult analyze(Path... files) {
        return analyze(ServerSettings.defaults(), files);
    }

    static void read(Path file, List<LogLinePrefix> prefixes, ServerAnalysis analysis) {
        ServerLogReader[] reader = {null};
        try (InputStream in = Files.newInputStream(file)) {
            new LineReader(1 << 20).read(in, new LineConsumer() {
                @Override
                public void line(byte[] buf, int off, int len, long lineNumber) {
                    if (reader[0] == null) {
                        ServerFormat format = ServerFormat.detect(buf, off, len, prefixes);
                        if (format == null) {
                            throw new IllegalStateException(file + " is not a server log");
                        }
                        analysis.input(file.toString(), format);
                        reader[0] = format.reader(file.toString(), analysis::accept, prefixes);
                    }
                    reader[0].line(buf, off, len, lineNumber);
                }

                @Override
                public void overlong(long lineNumber, long length) {
                    throw new IllegalStateException("overlong line " + lineNumber);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader[0].finish();
        analysis.readerDone(reader[0], 0);
    }
}
