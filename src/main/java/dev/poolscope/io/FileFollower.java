package dev.poolscope.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Follows a file by name as it grows, like {@code tail -F}. Each {@link #poll} looks at the name once
 * and reads what is new, without waiting: the caller decides how often to poll.
 * <ul>
 *   <li>A name that does not exist yet is waited for; a file that appears later is read from its start.</li>
 *   <li>Rename rotation: when the name points at a different file (another {@code fileKey}, i.e. inode),
 *       the old file is read to its end first, then the new one from its start.</li>
 *   <li>Copy-truncate rotation: a file shorter than the position reached is read again from its start.
 *       A file truncated and regrown past that position between two polls cannot be told from growth
 *       (tail has the same blind spot).</li>
 * </ul>
 * A file whose name disappears is read to its end and closed. Only the first file is joined at its end
 * (unless reading from the start); a partial last line waits for its newline.
 */
public final class FileFollower implements Follower {
    private static final int CHUNK = 1 << 16;

    private final Path path;
    private final LineSplitter lines;
    private final FollowListener listener;
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    private boolean joinAtEnd;
    private FileChannel channel;
    private Object fileKey;
    private long position;
    private boolean missing;

    public FileFollower(Path path, boolean fromStart, LineSplitter lines, FollowListener listener) {
        this.path = Objects.requireNonNull(path, "path");
        this.lines = lines;
        this.listener = listener;
        this.joinAtEnd = !fromStart;
    }

    /** Reads at most {@code budget} new bytes; returns how many were read (0 when nothing is new). */
    @Override
    public long poll(long budget) throws IOException {
        BasicFileAttributes now = stat();
        if (channel == null) {
            if (now == null) {
                joinAtEnd = false;     // whatever appears under the name later is all new
                reportMissing(true);
                return 0;
            }
            if (!open(now)) {
                return 0;
            }
        } else if (now == null) {
            reportMissing(true);
            return drainGone(budget);
        } else if (replaced(now)) {
            long n = read(budget);
            if (position < channel.size()) {
                return n;          // still behind on the old file: finish it before switching
            }
            lines.endOfFile();
            close();
            listener.rotated(path);
            return n + (open(now) ? read(budget - n) : 0);
        }
        missing = false;
        if (channel.size() < position) {
            lines.endOfFile();
            listener.truncated(path, position);
            position = 0;
            lines.startFile(true, false);
        }
        return read(budget);
    }

    /**
     * The name is gone (renamed or deleted): read what was still written to the old file, then let it go,
     * so a deleted log's disk space is not held; the name's next file is read from its start.
     */
    private long drainGone(long budget) throws IOException {
        long n = read(budget);
        if (position >= channel.size()) {
            lines.endOfFile();
            close();
        }
        return n;
    }

    /** True while a file is open, i.e. the name has existed since the watch began. */
    public boolean following() {
        return channel != null;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    private boolean open(BasicFileAttributes before) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return false;
        }
        BasicFileAttributes after = stat();
        if (after == null || !Objects.equals(before.fileKey(), after.fileKey())) {
            ch.close();            // rotated while we opened it: try again at the next poll
            return false;
        }
        channel = ch;
        fileKey = after.fileKey();
        position = joinAtEnd ? ch.size() : 0;
        lines.startFile(position == 0, position > 0 && !endsWithNewline(ch, position));
        listener.opened(path, position);
        joinAtEnd = false;        // files appearing later are new: read them whole
        return true;
    }

    private long read(long budget) throws IOException {
        long total = 0;
        while (total < budget) {
            chunk.clear();
            chunk.limit((int) Math.min(CHUNK, budget - total));
            int n = channel.read(chunk, position);
            if (n <= 0) {
                break;
            }
            position += n;
            total += n;
            lines.feed(chunk.array(), 0, n);
        }
        return total;
    }

    private boolean replaced(BasicFileAttributes now) {
        return fileKey != null && now.fileKey() != null && !fileKey.equals(now.fileKey());
    }

    private BasicFileAttributes stat() throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void reportMissing(boolean isMissing) {
        if (isMissing && !missing) {
            listener.missing(path);
        }
        missing = isMissing;
    }

    private static boolean endsWithNewline(FileChannel ch, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        return ch.read(last, size - 1) == 1 && last.get(0) == '\n';
    }
}
