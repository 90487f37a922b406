package dev.poolscope.spark;

import dev.poolscope.Poolscope;
import dev.poolscope.analysis.InputSummary;
import dev.poolscope.analysis.Summary;
import dev.poolscope.feed.InputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

/**
 * One fleet's logs to one summary: list (driver), group into streams (driver), summarise each stream in
 * its own task (executors), merge in order as a tree (executors), and put the report's file list in the
 * order the command line reads files. The driver keeps, per stream, only its key, problems and each
 * file's first timestamp.
 */
final class FleetRun {
    private final JavaSparkContext sc;
    private final EngineSpec engine;
    private final Pattern streamBy;
    private final String summariesDir;

    /** The streams of the last run: what could not be read, and how many there were. */
    private final List<StreamProblems> problems = new ArrayList<>();
    private int streams;
    private long unmatched;

    FleetRun(JavaSparkContext sc, EngineSpec engine, Pattern streamBy, String summariesDir) {
        this.sc = sc;
        this.engine = engine;
        this.streamBy = streamBy;
        this.summariesDir = summariesDir;
    }

    Summary summarise(List<String> inputs) throws InputException {
        HadoopConf conf = new HadoopConf(sc.hadoopConfiguration());
        List<Segment> listed = new FleetListing(conf.get()).list(inputs);
        List<StreamSpec> specs = new ArrayList<>(Streams.group(listed, streamBy));
        streams = specs.size();
        unmatched = Streams.unmatched(listed, streamBy);
        // Largest streams first: Spark starts tasks in partition order, so the longest ones do not come last.
        specs.sort(Comparator.comparingLong(StreamSpec::bytes).reversed().thenComparing(StreamSpec::key));
        JavaRDD<StreamResult> results = sc.parallelize(specs, Math.max(1, specs.size()))
                .map(new StreamTask(engine, conf, summariesDir))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<StreamResult> metas = results.map(StreamResult::meta).collect();
            metas.forEach(m -> problems.add(m.problems()));
            Summary merged = OrderedMerge.merge(sc, results, ranks(metas));
            Summary start = Summary.empty(engine.options());
            return withFiles(Poolscope.merge(List.of(start, merged)), readingOrder(listed, metas));
        } finally {
            results.unpersist(false);
        }
    }

    List<StreamProblems> problems() {
        return problems;
    }

    int streams() {
        return streams;
    }

    /** Files --stream-by did not match, grouped by the default rule instead. */
    long unmatched() {
        return unmatched;
    }

    /** Merge order: by first timestamp, those without one last, then by key; as {@code poolscope merge} orders. */
    private static HashMap<String, Long> ranks(List<StreamResult> metas) {
        List<StreamResult> byKey = new ArrayList<>(metas);
        byKey.sort(Comparator.comparing(StreamResult::key));
        HashMap<String, Long> rank = new HashMap<>();
        for (StreamResult r : Poolscope.inReadingOrder(byKey, StreamResult::firstTime)) {
            rank.put(r.key(), (long) rank.size());
        }
        return rank;
    }

    /** Every file in the order {@code poolscope report} would read them: by first timestamp, ties in listing order. */
    private static List<String> readingOrder(List<Segment> listed, List<StreamResult> metas) {
        HashMap<String, Long> first = new HashMap<>();
        metas.forEach(m -> m.files().forEach(f -> first.put(f.name(), f.firstTime())));
        List<String> names = listed.stream().map(Segment::name).toList();
        return Poolscope.inReadingOrder(names, n -> first.getOrDefault(n, Poolscope.NO_TIME));
    }

    /** The same summary listing its files in {@code order}: streams were read side by side, not one after another. */
    private static Summary withFiles(Summary s, List<String> order) {
        InputSummary in = s.input();
        InputSummary reordered = new InputSummary(order, in.lines(), in.blankLines(), in.malformedLines(),
                in.malformedSamples(), in.repairedLines(), in.repairedSamples(), in.recoveredRecords(), in.readErrors(),
                in.timestamps());
        return s.withInput(reordered);
    }
}
