package dev.poolscope.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives a real file: appended to, rotated by rename, copy-truncated, deleted, created late. */
class FileFollowerTest {
    @TempDir
    Path dir;

    private final CollectingLines out = new CollectingLines();
    private final List<String> events = new ArrayList<>();
    private FileFollower follower;

    private final FollowListener listener = new FollowListener() {
        @Override
        public void opened(Path path, long position) {
            events.add("opened@" + position);
        }

        @Override
        public void rotated(Path path) {
            events.add("rotated");
        }

        @Override
        public void truncated(Path path, long position) {
            events.add("truncated@" + position);
        }

        @Override
        public void missing(Path path) {
            events.add("missing");
        }
    };

    @AfterEach
    void close() throws IOException {
        if (follower != null) {
            follower.close();
        }
    }

    private FileFollower follow(Path log, boolean fromStart) {
        follower = new FileFollower(log, fromStart, new LineSplitter(1024, out), listener);
        return follower;
    }

    private static void append(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void startsAtTheEndUnlessAskedToReadFromTheStart() throws IOException {
        Path log = dir.resolve("app.jsonl");
        append(log, "old 1\nold 2\n");
        follow(log, false).poll(Long.MAX_VALUE);
        assertThat(out.take()).isEmpty();
        append(log, "new 1\n");
        follower.poll(Long.MAX_VALUE);
        assertThat(out.take()).containsExactly("new 1");
        assertThat(events).containsExactly("opened@12");

        follower.close();
        follow(log, true).poll(Long.MAX_VALUE);
        assertThat(out.take()).containsExactly("old 1", "old 2", "new 1");
    }

    @Test
    void aLineIsDeliveredOnlyOnceItsNewlineIsWritten() throws IOException {
        Path log = dir.resolve("app.jsonl");
        append(log, "");
        follow(log, false).poll(Long.MAX_VALUE);
        append(log, "{\"event\":");
        assertThat(follower.poll(Long.MAX_VALUE)).isEqualTo(9);
        assertThat(out.take()).isEmpty();
        append(log, "\"x\"}\n");
        follower.poll(Long.MAX_VALUE);
        assertThat(out.take()).containsExactly("{\"event\":\"x\"}");
    }

    @Test
    void joiningInTheMiddleOfALineSkipsItsTail() throws IOException {
        Path log = dir.resolve("app.jsonl");
        append(log, "whole\nhalf of a li");
        follow(log, false).poll(Long.MAX_VALUE);
        append(log, "ne\nnext\n");
        follower.poll(Long.MAX_VALUE);
        assertThat(out.take()).containsExactly("next");
    }

    @Test
    void waitsForAFileThatDoesNotExistYetAndReadsItWhole() throws IOException {
        Path log = dir.resolve("later.jsonl");
        follow(log, false);
        assertThat(follower.poll(Long.MAX_VALUE)).isZero();
        assertThat(follower.poll(Long.MAX_VALUE)).isZero();
        assertThat(events).containsExactly("missing");
        append(log, "first\nsecond\n");
        follower.poll(Long.MAX_VALUE);
        assertThat(out.take()).containsExactly("first", "second");
        assertThat(events).containsExactly("missing", "opened@0");
    }

    @Test
    void renameRotationFinishesTheOldFileThenReadsTheNewOneFromItsStart() throws IOException {
        Path log = dir.resolve("app.jsonl");
        append(log, "");
        follow(log, false).poll(Long.MAX_VALUE);
        append(log, "a\n");
        follower.poll(Long.MAX_VALUE);
        append(log, "b\nunfinished");                 // written just before the rename
        Files.move(log, dir.resolve("app.jsonl.1"));
        append(log, "c\n");
        follower.poll(Long.MAX_VALUE);
        assertThat(out.take()).containsExactly("a", "b", "unfinished", "c");
        assertThat(events).containsExactly("opened@0", "rotated", "opened@0");
        append(log, "d\n");
        follower.poll(Long.MAX_VALUE);
        assertThat(out.take()).containsExactly("d");
    }

    @Test
    void rotationWhileBehindReadsTheRestOfTheOldFileFirst() throws IOException {
        Path log = dir.resolve("app.jsonl");
        append(log, "");
        follow(log, false).poll(Long.MAX_VALUE);
        append(log, "old-1\nold-2\nold-3\n");
        Files.move(log, dir.resolve("app.jsonl.1"));
        append(log, "new-1\n");
        follower.poll(7);                             // a small budget: one old line per poll
        assertThat(out.take()).containsExactly("old-1");
        follower.poll(7);
        follower.poll(7);
        assertThat(out.take()).containsExactly("old-2", "old-3");
        follower.poll(Long.MAX_VALUE);
        assertThat(out.take()).containsExactly("new-1");
    }

    @Test
    void copyTruncateIsReadAgainFromTheStart() throws IOException {
        Path log = dir.resolve("app.jsonl");
        append(log, "");
        follow(log, false).poll(Long.MAX_VALUE);
        append(log, "a\nb\n");
        follower.poll(Long.MAX_VALUE);
        assertThat(out.take()).containsExactly("a", "b");
        Files.copy(log, dir.resolve("app.jsonl.1"));
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
        append(log, "c\n");
        follower.poll(Long.MAX_VALUE);
        assertThat(out.take()).containsExactly("c");
        assertThat(events).containsExactly("opened@0", "truncated@4");
    }

    @Test
    void aDeletedLogIsLetGoAndItsSuccessorReadWhole() throws IOException {
        Path log = dir.resolve("app.jsonl");
        append(log, "");
        follow(log, false).poll(Long.MAX_VALUE);
        append(log, "last words\n");
        Files.delete(log);
        follower.poll(Long.MAX_VALUE);
        assertThat(out.take()).containsExactly("last words");
        assertThat(follower.following()).isFalse();
        follower.poll(Long.MAX_VALUE);
        assertThat(events).containsExactly("opened@0", "missing");
        append(log, "reborn\n");
        follower.poll(Long.MAX_VALUE);
        assertThat(out.take()).containsExactly("reborn");
        assertThat(events).containsExactly("opened@0", "missing", "opened@0");
    }
}
