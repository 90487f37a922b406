package dev.poolscope.feed;

import com.fasterxml.jackson.core.JsonFactory;
import dev.poolscope.event.EventDecoder;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.event.MalformedLineException;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.io.Inputs;
import dev.poolscope.io.LineConsumer;
import dev.poolscope.io.LineReader;
import dev.poolscope.io.LogFiles;
import dev.poolscope.server.LogLinePrefix;
import dev.poolscope.server.ServerFormat;
import dev.poolscope.server.ServerLogReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Turns what the user named into the files to read, in reading order: directories become their log files,
 * and files are ordered by their first timestamp so rotated segments ({@code app.jsonl.2.gz},
 * {@code app.jsonl.1}, {@code app.jsonl}) join up whatever order the shell listed them in. Standard input
 * cannot be peeked without consuming it, so it is read first. Files without any timestamp in their first
 * lines go last, in the order given.
 */
public final class InputOrder {
    /** Peeking stops after this many lines: a log with no timestamp this far in has none worth ordering by. */
    static final int PEEK_LINES = 1000;

    private final JsonFactory factory;
    private final FieldMapping mapping;
    private final int maxLineBytes;
    /** How PostgreSQL's stderr lines may start: server logs are ordered by their own timestamps too. */
    private final List<LogLinePrefix> prefixes;
    private EventDecoder decoder;

    InputOrder(JsonFactory factory, FieldMapping mapping, int maxLineBytes, List<LogLinePrefix> prefixes) {
        this.factory = factory;
        this.mapping = mapping;
        this.maxLineBytes = maxLineBytes;
        this.prefixes = prefixes;
    }

    /** Expands directories (picking files {@code accept} takes) and orders everything by first timestamp. */
    List<String> resolve(List<String> names, Predicate<String> accept) throws InputException {
        List<String> files = expand(names, accept);
        if (files.size() == 1) {
            return files;   // nothing to order: no need to open it twice
        }
        List<Peeked> peeked = new ArrayList<>();
        boolean stdin = false;
        for (String f : files) {
            if (Inputs.STDIN.equals(f)) {
                stdin = true;
            } else {
                peeked.add(new Peeked(f, firstTime(f), peeked.size()));
            }
        }
        List<String> ordered = new ArrayList<>();
        if (stdin) {
            ordered.add(Inputs.STDIN);
        }
        ordered(peeked, Peeked::time).forEach(p -> ordered.add(p.name));
        return ordered;
    }

    /**
     * {@code items} in reading order: by first timestamp, those without one last, equal ones in the order
     * given. Every reader of several inputs orders them with this, the command line and Spark alike.
     */
    public static <T> List<T> ordered(List<T> items, ToLongFunction<T> firstTime) {
        List<Integer> given = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            given.add(i);
        }
        given.sort(Comparator.comparing((Integer i) -> firstTime.applyAsLong(items.get(i)) == PoolEvent.NO_TIME)
                .thenComparingLong(i -> firstTime.applyAsLong(items.get(i))).thenComparingInt(i -> i));
        return given.stream().map(items::get).toList();
    }

    /**
     * The first parsable timestamp among the first lines of an input the caller opens (gzip detected),
     * or NO_TIME: the key files are ordered by. One that cannot be opened or breaks early sorts last.
     */
    public static long firstTime(NamedInput input, FieldMapping mapping, int maxLineBytes) {
        InputOrder order = new InputOrder(Pipeline.FACTORY, mapping, maxLineBytes, LogLinePrefix.common());
        try (InputStream in = Inputs.open(input.open())) {
            return order.firstTime(in, input.name());
        } catch (IOException e) {
            return PoolEvent.NO_TIME;   // reading it for real reports why (docs/robustness.md)
        }
    }

    public static List<String> expand(List<String> names, Predicate<String> accept) throws InputException {
        List<String> files = new ArrayList<>();
        for (String name : names) {
            Path path = Path.of(name);
            if (!Inputs.STDIN.equals(name) && Files.isDirectory(path)) {
                List<Path> found;
                try {
                    found = LogFiles.walk(path, accept);
                } catch (IOException | RuntimeException e) {
                    throw new InputException("cannot list " + name + ": " + e.getMessage());
                }
                if (found.isEmpty()) {
                    throw new InputException(name + " has no log files (*.jsonl, *.ndjson, *.log, rotated or gzipped)");
                }
                found.forEach(p -> files.add(p.toString()));
            } else {
                Pipeline.requireReadable(name);
                if (!files.contains(name)) {
                    files.add(name);
                }
            }
        }
        return files;
    }

    /** The first parsable timestamp among the file's first lines, or NO_TIME. */
    long firstTime(String file) throws InputException {
        try (InputStream in = Inputs.open(file, InputStream.nullInputStream())) {
            return firstTime(in, file);
        } catch (IOException e) {
            // a file that breaks early sorts last; reading it for real reports the break (docs/robustness.md)
            return PoolEvent.NO_TIME;
        }
    }

    /**
     * PostgreSQL's own log (jsonlog's {@code "2026-01-05 10:00:00.123 UTC"}, csvlog, stderr) is not an app log
     * the decoder reads: its first record's time comes from the server reader of its format, so a directory of
     * app and server logs is read in time order rather than with the server's files last.
     */
    private long firstTime(InputStream raw, String file) {
        InputKind.Peeked in = new InputKind.Peeked(raw);
        ServerFormat server = in.kind(prefixes);
        return server != null ? serverFirstTime(in, file, server) : appFirstTime(in, file);
    }

    private long serverFirstTime(InputStream in, String file, ServerFormat format) {
        long[] found = {PoolEvent.NO_TIME};
        ServerLogReader reader = format.reader(file, r -> {
            if (r.hasTime() && found[0] == PoolEvent.NO_TIME) {
                found[0] = r.time();
                throw Found.INSTANCE;
            }
        }, prefixes);
        try {
            new LineReader(maxLineBytes).read(in, new LineConsumer() {
                @Override
                public void line(byte[] buf, int off, int len, long lineNumber) {
                    reader.line(buf, off, len, lineNumber);
                    if (lineNumber >= PEEK_LINES) {
                        throw Found.INSTANCE;
                    }
                }

                @Override
                public void overlong(long lineNumber, long length) {
                    // skipped here as in the analysis
                }
            });
            reader.finish();   // a record still waiting for continuation lines
        } catch (Found stop) {
            // stopped early on purpose
        } catch (IOException e) {
            // breaks early: what was found so far decides; reading it for real reports the break
        }
        return found[0];
    }

    private long appFirstTime(InputStream in, String file) {
        long[] found = {PoolEvent.NO_TIME};
        if (decoder == null) {
            decoder = new EventDecoder(factory, mapping, EventNames.defaults());
        }
        try {
            new LineReader(maxLineBytes).read(in, new LineConsumer() {
                @Override
                public void line(byte[] buf, int off, int len, long lineNumber) {
                    try {
                        long t = decoder.decode(buf, off, len, file, lineNumber).time();
                        if (t != PoolEvent.NO_TIME) {
                            found[0] = t;
                            throw Found.INSTANCE;
                        }
                    } catch (MalformedLineException e) {
                        // a broken first line is no reason to misplace the file
                    }
                    if (lineNumber >= PEEK_LINES) {
                        throw Found.INSTANCE;
                    }
                }

                @Override
                public void overlong(long lineNumber, long length) {
                    // skipped here as in the analysis
                }
            });
        } catch (Found stop) {
            // stopped early on purpose
        } catch (IOException e) {
            // breaks early: what was found so far (nothing) decides; reading it for real reports the break
        }
        return found[0];
    }

    private record Peeked(String name, long time, int given) {}

    /** Stops the line reader once the answer is known; no stack trace, it is not an error. */
    private static final class Found extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Found INSTANCE = new Found();

        private Found() {
            super(null, null, false, false);
        }
    }
}
