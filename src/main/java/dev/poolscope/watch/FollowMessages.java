package dev.poolscope.watch;

import dev.poolscope.io.FollowListener;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Tells the user what happened to the followed file, in one line each. */
public final class FollowMessages implements FollowListener {
    private final Consumer<String> out;
    private boolean followed;

    public FollowMessages(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void opened(Path path, long position) {
        followed = true;
        out.accept(position > 0
                ? "poolscope: following " + path + " from its end (" + position + " bytes before it skipped; --from-start reads them)"
                : "poolscope: reading " + path + " from its start");
    }

    @Override
    public void rotated(Path path) {
        out.accept("poolscope: " + path + " was rotated; finished the old file, now reading the new one");
    }

    @Override
    public void truncated(Path path, long position) {
        out.accept("poolscope: " + path + " was truncated (from " + position + " bytes); reading it again from its start");
    }

    @Override
    public void missing(Path path) {
        out.accept(followed ? "poolscope: " + path + " was moved or deleted; waiting for a new file of that name"
                : "poolscope: " + path + " does not exist (yet); waiting for it to appear");
    }
}
