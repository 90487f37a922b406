package dev.poolscope.feed;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.InputTally;
import dev.poolscope.analysis.LeakItem;
import dev.poolscope.analysis.ServerPart;
import dev.poolscope.analysis.Summary;
import dev.poolscope.analysis.SummaryAnalysis;
import dev.poolscope.event.PoolEvent;
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
    private final AnalysisOptions options;
    /** Made when the first server input comes: most runs read only app logs (start-up). */
    private ServerAnalysis analysis;
    /** True when some input may be an app log: then the server's timeouts are not the report's. */
    private final boolean appExpected;
    private final AppMarks marks;
    private boolean appRead;

    private ServerPass(ServerSettings settings, AnalysisOptions options, boolean appExpected, boolean join) {
        this.settings = settings;
        this.options = options;
        this.appExpected = appExpected;
        this.marks = join ? new AppMarks() : null;
    }

    static ServerPass of(List<Source> sources, ServerSettings settings, AnalysisOptions options) {
        if (sources.size() <= 1) {
            return new ServerPass(settings, options, false, false);
        }
        boolean server = false;
        boolean app = false;
        for (Source s : sources) {
            boolean isServer = s.size() >= 0 && peek(s, settings) != null;   // a stream cannot be peeked
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

    /** The settings server inputs are read with. */
    ServerSettings settings() {
        return settings;
    }

    ServerFeeder feeder(String name, ServerFormat format, InputTally tally, Consumer<PoolEvent> app) {
        if (analysis == null) {
            analysis = new ServerAnalysis(settings, options.maxItems(), options.mergeGap().toNanos() / 1000);
        }
        return new ServerFeeder(name, format, settings.prefixes(), analysis, tally, appExpected ? null : app);
    }

    /** An input read as an app log; a join needs one. */
    void appRead() {
        appRead = true;
    }

    /** The diagnosis with the server's figures (and the join), or as it was when no server log was read. */
    Diagnosis attach(Diagnosis d) {
        if (analysis == null || !analysis.hasInput()) {
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

    /** The summary with the server's side of the read: its figures, and whether an app log was read too. */
    Summary attach(Summary s) {
        if (analysis == null || !analysis.hasInput()) {
            return SummaryAnalysis.withServer(s, null, appRead);
        }
        return SummaryAnalysis.withServer(s, new ServerPart.Server(analysis.finish(), analysis.carry(),
                settings.application(), settings.skew().toNanos() / 1000), appRead);
    }

    /** The server format of a file from its first event line, or null (an app log, or unreadable). */
    static ServerFormat peek(Source source, ServerSettings settings) {
        try (InputStream in = source.open(x -> x)) {
            return new InputKind.Peeked(in).kind(settings.prefixes());
        } catch (IOException | RuntimeException e) {
            return null;   // reading it for real reports the problem
        }
    }
}
