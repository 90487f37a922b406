package dev.poolscope.watch;

import dev.poolscope.report.Terminal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the user's {@code --alert-cmd} for each alert, one at a time on a thread of its own, so a slow
 * or hung command never stalls the watch. The command line is the user's own text, run by
 * {@code sh -c} (pipes, redirections and {@code curl --data-binary @-} work as in their shell); it is fixed
 * when the watch starts and never contains anything read from the log. The alert reaches it as JSON on
 * standard input and as {@code POOLSCOPE_*} environment variables. Its output (both streams) is relayed
 * as messages, a command running past the timeout is killed, and a non-zero exit is reported.
 */
public final class AlertRunner implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Alerts waiting while a command runs; more than this means the command cannot keep up. */
    static final int QUEUE = 16;
    private static final int OUTPUT_LINES = 20;
    private static final int OUTPUT_LINE_MAX = 300;

    private final String command;
    private final Duration timeout;
    private final Consumer<String> messages;
    private final ThreadPoolExecutor executor;

    public AlertRunner(String command, Duration timeout, Consumer<String> messages) {
        this.command = command;
        this.timeout = timeout;
        this.messages = messages;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "poolscope-alert-cmd");
            t.setDaemon(true);
            return t;
        }, (r, ex) -> messages.accept("alert command is falling behind; an alert was not passed to it"));
    }

    void submit(byte[] stdin, Map<String, String> env) {
        executor.execute(() -> run(stdin, env));
    }

    /** Lets queued alerts run for up to {@code wait}, then stops taking new ones. */
    @Override
    public void close() {
        close(timeout);
    }

    boolean close(Duration wait) {
        executor.shutdown();
        try {
            return executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run(byte[] stdin, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            messages.accept("alert command could not be started: " + e.getMessage());
            return;
        }
        Thread relay = new Thread(() -> relay(p), "poolscope-alert-output");
        relay.setDaemon(true);
        relay.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // the command did not read its input (it may not need it): not an error
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                messages.accept("alert command still running after " + timeout.toSeconds() + "s; stopped it");
            } else if (p.exitValue() != 0) {
                messages.accept("alert command exited with status " + p.exitValue());
            }
            relay.join(1000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void relay(Process p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            int shown = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (shown++ < OUTPUT_LINES) {
                    String clean = Terminal.clean(line);
                    messages.accept("alert command: " + (clean.length() > OUTPUT_LINE_MAX
                            ? clean.substring(0, OUTPUT_LINE_MAX) + "…" : clean));
                }
            }
        } catch (IOException e) {
            // the process was killed or closed its output: nothing more to relay
        }
    }
}
