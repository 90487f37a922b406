package dev.poolscope.feed;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.InputTally;
import dev.poolscope.analysis.LeakItem;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.io.LineConsumer;
import dev.poolscope.io.LineReader;
import dev.poolscope.server.AppLeak;
import dev.poolscope.server.AppMarks;
import dev.poolscope.server.Join;
import dev.poolscope.server.JoinResult;
import dev.poolscope.server.ServerAnalysis;
import dev.poolscope.server.ServerFormat;
import dev.poolscope.server.ServerSettings;
import dev.poolscope.server.ServerView;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The server's side of one read: which inputs are PostgreSQL's own log, their analysis, and the app's
 * marks for the join. Inputs are looked at before reading (their first lines) only when there are several:
 * a single input cannot be joined with anything.
 */
final class ServerPass {
    private final ServerSettings settings;
    private final ServerAnalysis analysis;
    /** True when some input may be an app log: then the server's timeouts are not the report's. */
    private final boolean appExpected;
    private final AppMarks marks;
    private boolean appRead;

    private ServerPass(ServerSettings settings, AnalysisOptions options, boolean appExpected, boolean join) {
        this.settings = settings;
        this.analysis = new ServerAnalysis(settings, options.maxItems(), options.mergeGap().toNanos() / 1000);
        this.appExpected = appExpected;
        this.marks = join ? new AppMarks() : null;
    }

    static ServerPass of(List<Source> sources, ServerSettings settings, AnalysisOptions options, int maxLineBytes) {
        if (sources.size() <= 1) {
            return new ServerPass(settings, options, false, false);
        }
        boolean server = false;
        boolean app = false;
        for (Source s : sources) {
            boolean isServer = s.size() >= 0 && peek(s, settings, maxLineBytes) != null;   // a stream cannot be peeked
            server |= isServer;
            app |= !isServer;
        }
        return new ServerPass(settings, options, app, server && app);
    }

    /** The sink of app events: the analysis, and the join's marks when there will be a join. */
    Consumer<PoolEvent> tee(Consumer<PoolEvent> app) {
        return marks == null ? app : e -> {
            app.accept(e);
            marks.accept(e);
        };
    }

    ServerFeeder feeder(String name, ServerFormat format, InputTally tally, Consumer<PoolEvent> app) {
        return new ServerFeeder(name, format, settings.prefixes(), analysis, tally, appExpected ? null : app);
    }

    InputSniffer sniffer(String name, LineConsumer app, InputTally tally, Consumer<PoolEvent> sink) {
        return new InputSniffer(app, f -> feeder(name, f, tally, sink), settings.prefixes());
    }

    void read(InputSniffer sniffer) {
        appRead |= !sniffer.isServer();
    }

    /** The diagnosis with the server's figures (and the join), or as it was when no server log was read. */
    Diagnosis attach(Diagnosis d) {
        if (!analysis.hasInput()) {
            return d;
        }
        var result = analysis.finish();
        JoinResult join = null;
        if (marks != null && appRead) {
            List<AppLeak> leaks = new ArrayList<>();
            for (LeakItem l : d.checkouts().leaks()) {
                leaks.add(new AppLeak(l.acquiredAt(), l.process(), l.requestId(), l.endpoint()));
            }
            join = Join.of(result, marks.finish(leaks, d.checkouts().leakedCheckouts()), settings);
        }
        return d.withServer(new ServerView(result, join));
    }

    /** The server format of a file from its first event line, or null (an app log, or unreadable). */
    static ServerFormat peek(Source source, ServerSettings settings, int maxLineBytes) {
        ServerFormat[] found = {null};
        try (InputStream in = source.open(x -> x)) {
            new LineReader(maxLineBytes).read(in, new LineConsumer() {
                @Override
                public void line(byte[] buf, int off, int len, long lineNumber) {
                    if (Pipeline.isBlank(buf, off, len) || buf[off] == '\t') {
                        if (lineNumber < InputSniffer.MAX_HELD) {
                            return;
                        }
                    } else {
                        found[0] = ServerFormat.detect(buf, off, len, settings.prefixes());
                    }
                    throw Stop.INSTANCE;
                }

                @Override
                public void overlong(long lineNumber, long length) {
                    throw Stop.INSTANCE;
                }
            });
        } catch (Stop stop) {
            // decided
        } catch (IOException | RuntimeException e) {
            return null;   // reading it for real reports the problem
        }
        return found[0];
    }

    /** Ends a peek early; not an error. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Stop INSTANCE = new Stop();

        private Stop() {
            super(null, null, false, false);
        }
    }
}
