package dev.poolscope.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Chrome DevTools Protocol client for tests: starts headless Debian chromium on a loopback
 * port, talks to it over the JDK's WebSocket, and records every event. No extra dependency.
 */
public final class Cdp implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process browser;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private String session;

    private Cdp(Process browser, WebSocket socket) {
        this.browser = browser;
        this.socket = socket;
    }

    public static Cdp launch(Path chromium, Path profile) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                "--disable-background-networking", "--disable-component-update", "--hide-scrollbars",
                "--force-color-profile=srgb", "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String url = null;
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (String line; url == null && System.nanoTime() < deadline && (line = err.readLine()) != null; ) {
            int at = line.indexOf("ws://");
            if (line.startsWith("DevTools listening on") && at > 0) {
                url = line.substring(at).strip();
            }
        }
        if (url == null) {
            p.destroyForcibly();
            throw new IOException("chromium did not start its DevTools endpoint");
        }
        Thread drain = new Thread(() -> {
            try {
                err.lines().forEach(l -> { });
            } catch (java.io.UncheckedIOException closed) {
                // the browser was stopped
            }
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        Cdp[] self = new Cdp[1];
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(URI.create(url), new Listener(m -> self[0].receive(m))).join();
        self[0] = new Cdp(p, ws);
        return self[0];
    }

    /** Opens a tab and attaches to it; later commands go to that tab. */
    public void openTab() throws Exception {
        String target = (String) send("Target.createTarget", Map.of("url", "about:blank")).get("targetId");
        session = (String) send("Target.attachToTarget", Map.of("targetId", target, "flatten", true)).get("sessionId");
    }

    public Map<String, Object> send(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("id", id);
            g.writeStringField("method", method);
            if (session != null && !method.startsWith("Target.")) {
                g.writeStringField("sessionId", session);
            }
            g.writeFieldName("params");
            write(g, params);
            g.writeEndObject();
        }
        socket.sendText(w.toString(), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Map<String, Object> message = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (message.containsKey("error")) {
            throw new IOException(method + " failed: " + message.get("error"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) message.getOrDefault("result", Map.of());
        return result;
    }

    /** Waits until an event of this method has been received. */
    public void await(String method) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (events(method).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + method + " within " + TIMEOUT);
            }
            Thread.sleep(20);   // polling a browser, not pacing the code under test
        }
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> events(String method) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> e : events) {
            if (method.equals(e.get("method"))) {
                out.add((Map<String, Object>) e.getOrDefault("params", Map.of()));
            }
        }
        return out;
    }

    public void clearEvents() {
        events.clear();
    }

    private void receive(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            p.nextToken();
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) read(p);
            Object id = m.get("id");
            if (id instanceof Number n && pending.containsKey(n.intValue())) {
                pending.remove(n.intValue()).complete(m);
            } else if (m.containsKey("method")) {
                events.add(m);
            }
        } catch (IOException e) {
            throw new IllegalStateException("bad DevTools message", e);
        }
    }

    private static Object read(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, read(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(read(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(e.getKey().toString());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else {
            g.writeNull();
        }
    }

    @Override
    public void close() {
        try {
            session = null;
            send("Browser.close", Map.of());   // lets chromium remove its own temporary files
            if (browser.waitFor(10, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // no answer: stopped below
        } finally {
            socket.abort();
        }
        browser.descendants().forEach(ProcessHandle::destroyForcibly);
        browser.destroyForcibly();
    }

    public static boolean exists(Path p) {
        return Files.isExecutable(p);
    }

    /** Joins the parts of each text message and hands whole messages on. */
    private static final class Listener implements WebSocket.Listener {
        private final java.util.function.Consumer<String> sink;
        private final StringBuilder parts = new StringBuilder();

        Listener(java.util.function.Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                String whole = parts.toString();
                parts.setLength(0);
                sink.accept(whole);
            }
            ws.request(1);
            return null;
        }
    }
}
