package dev.poolscope.summary;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.BoundaryEvent;
import dev.poolscope.analysis.Counts;
import dev.poolscope.analysis.EndpointHolds;
import dev.poolscope.analysis.EvidenceState;
import dev.poolscope.analysis.InputDialect;
import dev.poolscope.analysis.LibraryState;
import dev.poolscope.analysis.ServerPart;
import dev.poolscope.analysis.HoldTimes;
import dev.poolscope.analysis.InputSummary;
import dev.poolscope.analysis.LongHold;
import dev.poolscope.analysis.MalformedLine;
import dev.poolscope.analysis.OpenCheckout;
import dev.poolscope.analysis.PairingState;
import dev.poolscope.analysis.ProcessState;
import dev.poolscope.analysis.RequestKey;
import dev.poolscope.analysis.Summary;
import dev.poolscope.analysis.Threshold;
import dev.poolscope.analysis.PoolScale;
import dev.poolscope.analysis.Thresholds;
import dev.poolscope.analysis.MinuteTimeline;
import dev.poolscope.analysis.TimelineRow;
import dev.poolscope.analysis.TimeoutEvent;
import dev.poolscope.analysis.TimeoutResult;
import dev.poolscope.analysis.UsageHead;
import dev.poolscope.analysis.UsageState;
import dev.poolscope.analysis.UsageStep;
import dev.poolscope.analysis.Window;
import dev.poolscope.event.EventKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/** {@code List<item>} as a type, for reading a list section. */
record ListOf(Class<?> item) implements java.lang.reflect.ParameterizedType {
    @Override
    public java.lang.reflect.Type[] getActualTypeArguments() {
        return new java.lang.reflect.Type[] {item};
    }

    @Override
    public java.lang.reflect.Type getRawType() {
        return List.class;
    }

    @Override
    public java.lang.reflect.Type getOwnerType() {
        return null;
    }
}

/** Reads what {@link SummaryWriter} wrote; anything else is a {@link SummaryFormatException}, never a crash. */
public final class SummaryReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    private SummaryReader() {}

    public static Summary read(InputStream in) throws IOException, SummaryFormatException {
        return readStored(in).summary();
    }

    /** A summary file's content and whether it was written with {@code --redact}. */
    public record Stored(Summary summary, boolean redacted) {}

    public static Stored readStored(InputStream in) throws IOException, SummaryFormatException {
        Object root;
        try (JsonParser p = FACTORY.createParser(in)) {
            root = JsonTree.read(p);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SummaryFormatException("not a poolscope summary (" + e.getOriginalMessage() + ")");
        } catch (Node.Bad e) {
            throw new SummaryFormatException("not a poolscope summary (" + e.getMessage() + ")");
        }
        Node n = new Node(root, "");
        if (!(root instanceof Map) || !SummaryFormat.NAME.equals(n.opt("format"))) {
            throw new SummaryFormatException("not a poolscope summary (no \"format\": \"" + SummaryFormat.NAME + "\")");
        }
        long version = n.get("version").asLong();
        if (version < SummaryFormat.OLDEST || version > SummaryFormat.VERSION) {
            throw new SummaryFormatException("summary format version " + version + " is not readable by this poolscope"
                    + " (it reads versions " + SummaryFormat.OLDEST + " to " + SummaryFormat.VERSION + ")");
        }
        try {
            AnalysisOptions options = settings(n.get("settings"));
            Summary summary = new Summary(options, input(n.get("input")), counts(n.get("counts")),
                    pairing(n.get("pairing")), usage(n.get("usage")), heads(n.get("heads")), timeouts(n.get("timeouts")),
                    timeline(n.get("timeline")), (LibraryState) section(n, version, "library", LibraryState.class),
                    (EvidenceState) section(n, version, "evidence", EvidenceState.class),
                    (ServerPart) section(n, version, "server", ServerPart.class));
            return new Stored(summary, Boolean.TRUE.equals(n.opt("redacted")));
        } catch (ClassCastException | IllegalArgumentException | IndexOutOfBoundsException | NullPointerException
                | ArithmeticException | IllegalStateException e) {
            throw new SummaryFormatException("damaged summary: " + Node.reason(e));
        } catch (Node.Bad e) {
            throw new SummaryFormatException("damaged summary: " + e.getMessage());
        }
    }

    /** A version-2 section; version 1 had none (empty then). */
    private static Object section(Node n, long version, String name, Class<?> type) {
        return version < 2 ? null : RecordCodec.read(n.get(name).value(), type, "/" + name);
    }

    private static AnalysisOptions settings(Node s) {
        return new AnalysisOptions(Duration.ofNanos(s.get("grace_us").asLong() * 1000),
                Duration.ofNanos(s.get("leak_threshold_us").asLong() * 1000),
                Duration.ofNanos(s.get("merge_gap_us").asLong() * 1000), (int) s.get("max_items").asLong(),
                new Thresholds(threshold(s.get("pool_used")), threshold(s.get("leak_delta")),
                        threshold(s.get("requests_without_close")), scale(s)));
    }

    /** Summaries written before issue #16 have no scale: their thresholds applied as given. */
    private static PoolScale scale(Node s) {
        if (s.opt("pool_used_scale") == null) {
            return PoolScale.ABSOLUTE;
        }
        Node n = s.get("pool_used_scale");
        try {
            return new PoolScale(PoolScale.Mode.valueOf(n.at(0).asString()), Double.parseDouble(n.at(1).asString()),
                    Double.parseDouble(n.at(2).asString()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Node.Bad("unreadable pool_used_scale: " + Node.reason(e));
        }
    }

    private static Threshold threshold(Node pair) {
        return new Threshold(pair.at(0).asLong(), pair.at(1).asLong());
    }

    private static InputSummary input(Node in) {
        List<String> files = in.get("files").list().stream().map(Node::asString).toList();
        List<MalformedLine> samples = in.get("malformed_samples").list().stream()
                .map(m -> new MalformedLine(m.at(0).asString(), m.at(1).asLong(), m.at(2).asString())).toList();
        List<InputDialect> dialects = new java.util.ArrayList<>();
        if (in.opt("dialects") != null) {
            for (Object d : (List<?>) RecordCodec.read(in.get("dialects").value(),
                    new ListOf(InputDialect.class), "/input/dialects")) {
                dialects.add((InputDialect) d);
            }
        }
        return new InputSummary(files, in.get("lines").asLong(), in.get("blank_lines").asLong(),
                in.get("malformed_lines").asLong(), samples).withDialects(dialects);
    }

    private static Counts counts(Node c) {
        return new Counts(c.get("events").asLong(), c.get("getconn").asLong(), c.get("putconn").asLong(),
                c.get("getconn_failed").asLong(), c.get("nearly_exhausted").asLong(),
                c.get("exhaustion_errors").asLong(), c.get("missing_timestamps").asLong(), c.get("first_us").asTime(),
                c.get("last_us").asTime());
    }

    private static PairingState pairing(Node p) {
        Map<String, EndpointHolds> endpoints = new HashMap<>();
        for (Node e : p.get("endpoints").list()) {
            endpoints.put(e.at(0).asString(), new EndpointHolds(e.at(1).asLong(), holdTimes(e.at(2))));
        }
        List<LongHold> holds = p.get("long_holds").list().stream().map(h -> new LongHold(h.at(0).asString(),
                h.at(1).asString(), h.at(2).asString(), h.at(3).asString(), h.at(4).asLong(), h.at(5).asLong())).toList();
        List<OpenCheckout> open = p.get("open").list().stream().map(o -> new OpenCheckout(o.at(0).asString(),
                o.at(1).asString(), o.at(2).asString(), o.at(4).asTime(), o.at(3).asString(), o.at(5).asBoolean(),
                o.at(6).asString(), o.at(7).asLong())).toList();
        List<BoundaryEvent> boundary = p.get("boundary").list().stream().map(b -> new BoundaryEvent(
                boundaryKind(b.at(0).asString()), b.at(5).asTime(), b.at(1).asString(), b.at(2).asString(),
                b.at(3).asString(), b.at(4).asString(), b.at(6).asString(), b.at(7).asLong())).toList();
        return new PairingState(p.get("first_us").asTime(), p.get("last_us").asTime(),
                holdTimes(p.get("hold_times")), endpoints, holds, p.get("long_hold_count").asLong(),
                p.get("orphans").asLong(), open, boundary, p.get("unlisted_orphans").asLong());
    }

    private static EventKind boundaryKind(String name) {
        EventKind k = EventKind.valueOf(name);
        if (k != EventKind.CHECKIN && k != EventKind.REQUEST_END) {
            throw new IllegalArgumentException("boundary event of kind " + name);
        }
        return k;
    }

    private static UsageState usage(Node u) {
        Map<String, ProcessState> processes = new HashMap<>();
        for (var e : u.get("processes").map().entrySet()) {
            Node p = e.getValue();
            processes.put(e.getKey(), new ProcessState(p.get("reports").asBoolean(), (int) p.get("open").asLong(),
                    p.get("above").asBoolean(), p.get("raw_start_us").asTime(), p.get("last_above_us").asTime(),
                    (int) p.get("raw_peak").asLong(), p.get("raw_failed").asLong(), p.get("raw_nearly").asLong(),
                    p.get("closed_above_us").asLong(), window(p.get("pending")), window(p.get("first_done"))));
        }
        List<Window> closed = u.get("closed").list().stream().map(SummaryReader::window).toList();
        return new UsageState(processes, closed, u.get("closed_count").asLong(), (int) u.get("peak").asLong(),
                u.get("peak_at_us").asTime(), u.get("peak_process").asString(), (int) u.get("pool_max").asLong());
    }

    private static Window window(Node w) {
        if (w.isNull()) {
            return null;
        }
        return new Window(w.at(0).asString(), w.at(1).asTime(), w.at(2).asTime(), (int) w.at(3).asLong(),
                w.at(4).asLong(), w.at(5).asLong(), (int) w.at(6).asLong(), w.at(7).asBoolean());
    }

    private static Map<String, UsageHead> heads(Node h) {
        Map<String, UsageHead> heads = new HashMap<>();
        for (var e : h.map().entrySet()) {
            Node head = e.getValue();
            List<UsageStep> steps = head.get("steps").list().stream().map(s -> new UsageStep(
                    EventKind.valueOf(s.at(0).asString()), s.at(1).asTime(), (int) s.at(2).asLong())).toList();
            heads.put(e.getKey(), new UsageHead(steps, head.get("synced").asBoolean(), head.get("truncated").asBoolean()));
        }
        return heads;
    }

    private static TimeoutResult timeouts(Node t) {
        Set<RequestKey> requests = new HashSet<>();
        for (Node r : t.get("requests").list()) {
            requests.add(new RequestKey(r.at(0).asString(), r.at(1).asString()));
        }
        Map<String, Long> byEndpoint = new HashMap<>();
        t.get("by_endpoint").map().forEach((k, v) -> byEndpoint.put(k, v.asLong()));
        List<TimeoutEvent> items = t.get("items").list().stream().map(i -> new TimeoutEvent(i.at(0).asTime(),
                i.at(1).asString(), i.at(2).asString(), i.at(3).asString(), i.at(4).asString(), i.at(5).asLong())).toList();
        Object byLimit = t.opt("requests_by_limit");
        return new TimeoutResult(t.get("events").asLong(), requests, byEndpoint, items,
                byLimit instanceof Number n ? n.longValue() : 0);
    }

    private static List<TimelineRow> timeline(Node t) {
        if (t.get("bucket_us").asLong() != MinuteTimeline.BUCKET_MICROS) {
            throw new IllegalArgumentException("timeline buckets of " + t.get("bucket_us").asLong() + " µs");
        }
        return t.get("rows").list().stream().map(r -> {
            Map<String, Long> endpoints = new HashMap<>();
            if (r.list().size() > 8) {
                r.at(8).map().forEach((k, v) -> endpoints.put(k, v.asLong()));
            }
            return new TimelineRow(r.at(0).asLong(), r.at(1).asLong(), r.at(2).asLong(), r.at(3).asLong(),
                    r.at(4).asLong(), r.at(5).asLong(), (int) r.at(6).asLong(), r.at(7).asLong(), endpoints);
        }).toList();
    }

    private static HoldTimes holdTimes(Node pair) {
        long max = pair.at(0).asLong();
        String base64 = pair.at(1).asString();
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            return HoldTimes.of(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0), max);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable hold-time histogram");
        }
    }
}
