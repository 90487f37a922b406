// In-process timing of reading, merging, writing and finishing the summaries in a directory (bench/week-report.sh).
import dev.poolscope.analysis.Summary;
import dev.poolscope.summary.*;
import java.nio.file.*;
import java.util.*;
import java.io.*;
public class MergeTime {
    public static void main(String[] a) throws Exception {
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            List<Summary> all = new ArrayList<>();
            for (Path p : Files.list(Path.of(a[0])).sorted().toList()) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(p))) { all.add(SummaryReader.read(in)); }
            }
            long t1 = System.nanoTime();
            all.sort(Comparator.comparingLong(s -> s.counts().firstTime()));
            Summary m = Summary.mergeAll(all);
            long t2 = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SummaryWriter.write(m, out);
            long t3 = System.nanoTime();
            m.finish();
            long t4 = System.nanoTime();
            System.out.printf("read %d ms, merge %d ms, write %d ms, finish %d ms%n", (t1-t0)/1000000, (t2-t1)/1000000, (t3-t2)/1000000, (t4-t3)/1000000);
        }
    }
}
