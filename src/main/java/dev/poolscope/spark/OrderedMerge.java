package dev.poolscope.spark;

import dev.poolscope.Poolscope;
import dev.poolscope.analysis.Summary;
import dev.poolscope.summary.SummaryFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Merges the streams' summaries on the executors as a tree that keeps their order: summaries are ranked by
 * first timestamp (as {@code poolscope merge} orders them), each level merges runs of {@code fanout}
 * neighbours in rank order, and only the last few reach the driver. Spark's own treeReduce would combine
 * partial results in whatever order tasks finish, and a summary merge is associative but not commutative.
 * Executors hold {@code fanout} summaries at a time, the driver as many: memory follows summary size, never
 * the number of streams or events.
 */
final class OrderedMerge {
    static final int FANOUT = 8;

    private OrderedMerge() {}

    /** @param rank each stream's place in merge order, 0 first */
    static Summary merge(JavaSparkContext sc, JavaRDD<StreamResult> results, Map<String, Long> rank) {
        Broadcast<Map<String, Long>> ranks = sc.broadcast(rank);
        JavaPairRDD<Long, byte[]> level = results.mapToPair(r -> new Tuple2<>(ranks.value().get(r.key()), r.psum()));
        long count = rank.size();
        while (count > FANOUT) {
            int partitions = (int) Math.min(Math.max(1, (count + FANOUT - 1) / FANOUT), 1000);
            level = level.mapToPair(t -> new Tuple2<>(t._1() / FANOUT, t))
                    .groupByKey(partitions)
                    .mapValues(OrderedMerge::mergeRun);
            count = (count + FANOUT - 1) / FANOUT;
        }
        List<Tuple2<Long, byte[]>> last = new ArrayList<>(level.collect());
        ranks.destroy();
        return mergeAll(last);
    }

    private static byte[] mergeRun(Iterable<Tuple2<Long, byte[]>> run) {
        List<Tuple2<Long, byte[]>> items = new ArrayList<>();
        run.forEach(items::add);
        return StreamTask.psum(mergeAll(items));
    }

    private static Summary mergeAll(List<Tuple2<Long, byte[]>> items) {
        items.sort(Comparator.comparing(Tuple2::_1));
        List<Summary> ordered = new ArrayList<>();
        for (Tuple2<Long, byte[]> t : items) {
            ordered.add(read(t._2()));
        }
        return Poolscope.merge(ordered);
    }

    static Summary read(byte[] psum) {
        try {
            return Poolscope.readSummary(new ByteArrayInputStream(psum));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SummaryFormatException e) {
            throw new IllegalStateException("a stream's summary did not read back: " + e.getMessage(), e);
        }
    }
}
