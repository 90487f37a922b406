package dev.poolscope.spark;

import dev.poolscope.Poolscope;
import dev.poolscope.analysis.Summary;
import dev.poolscope.feed.InputException;
import dev.poolscope.feed.NamedInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function;

/**
 * One Spark task: reads one stream's segments through Hadoop's FileSystem into the engine's
 * stream-and-name entry, in the order of their first timestamp exactly as the command line orders files,
 * in one pass with one thread (memory bounded as on the command line), and returns the summary as
 * {@code .psum} bytes. With {@code --summaries DIR} it also writes them there.
 */
final class StreamTask implements Function<StreamSpec, StreamResult> {
    private static final long serialVersionUID = 1L;
    private final EngineSpec engine;
    private final HadoopConf conf;
    private final String summariesDir;

    StreamTask(EngineSpec engine, HadoopConf conf, String summariesDir) {
        this.engine = engine;
        this.conf = conf;
        this.summariesDir = summariesDir;
    }

    @Override
    public StreamResult call(StreamSpec stream) throws IOException, InputException {
        Poolscope poolscope = engine.poolscope();
        List<NamedInput> parts = new ArrayList<>();
        for (Segment s : stream.segments()) {
            parts.add(new NamedInput(s.name(), () -> open(s.uri())));
        }
        long[] first = parts.stream().mapToLong(poolscope::firstTimestamp).toArray();
        List<Integer> order = Poolscope.inReadingOrder(indexes(parts.size()), i -> first[i]);
        ArrayList<StreamResult.FileTime> files = new ArrayList<>();
        List<NamedInput> ordered = new ArrayList<>();
        for (int i : order) {
            ordered.add(parts.get(i));
            files.add(new StreamResult.FileTime(parts.get(i).name(), first[i]));
        }
        Summary summary = poolscope.summarizeParts(ordered);
        byte[] psum = psum(summary);
        if (summariesDir != null) {
            write(psum, SummaryNames.fileName(stream.key()));
        }
        return new StreamResult(stream.key(), psum, summary.counts().firstTime(), files,
                StreamProblems.of(stream.key(), summary.input()));
    }

    static byte[] psum(Summary summary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Poolscope.writeSummary(summary, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private java.io.InputStream open(String uri) throws IOException {
        Path path = new Path(uri);
        return path.getFileSystem(conf.get()).open(path);
    }

    /** Overwrites: the driver refused a directory holding summaries already, so this is a retried task's own file. */
    private void write(byte[] psum, String fileName) throws IOException {
        Path path = new Path(summariesDir, fileName);
        FileSystem fs = path.getFileSystem(conf.get());
        if (fs instanceof LocalFileSystem local) {
            fs = local.getRawFileSystem();   // no .crc file beside each summary
        }
        try (OutputStream out = fs.create(path, true)) {
            out.write(psum);
        }
    }

    private static List<Integer> indexes(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }
}
