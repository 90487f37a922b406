package dev.poolscope.spark;

import dev.poolscope.cli.UsageException;
import dev.poolscope.io.LogFiles;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** The {@code --summaries} directory: created if need be, and never holding summaries we would replace unasked. */
final class SummaryDir {
    private SummaryDir() {}

    static void requireEmpty(Configuration conf, String dir, boolean force) throws UsageException, IOException {
        if (dir == null) {
            return;
        }
        Path path = new Path(dir);
        FileSystem fs = path.getFileSystem(conf);
        if (!fs.exists(path)) {
            fs.mkdirs(path);
            return;
        }
        if (!fs.getFileStatus(path).isDirectory()) {
            throw new UsageException("--summaries " + dir + " is a file, not a directory");
        }
        if (force) {
            return;
        }
        for (FileStatus f : fs.listStatus(path)) {
            if (LogFiles.isSummaryName(f.getPath().getName())) {
                throw new UsageException("--summaries " + dir + " already holds summaries (" + f.getPath().getName()
                        + "); pass --force to replace them, or name an empty directory");
            }
        }
    }
}
