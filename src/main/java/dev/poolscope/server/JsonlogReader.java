package dev.poolscope.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.function.Consumer;

/** {@code log_destination = 'jsonlog'} (15+): one JSON object per line; keys without a value are left out. */
final class JsonlogReader implements ServerLogReader {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final String source;
    private final Consumer<ServerRecord> sink;
    private final ServerTime times = new ServerTime();
    private long unparsed;

    JsonlogReader(String source, Consumer<ServerRecord> sink) {
        this.source = source;
        this.sink = sink;
    }

    @Override
    public void line(byte[] buf, int off, int len, long lineNumber) {
        Fields f = new Fields();
        try (JsonParser p = FACTORY.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                unparsed++;
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                } else {
                    f.put(key, p.getValueAsString());
                }
            }
        } catch (IOException e) {
            unparsed++;
            return;
        }
        sink.accept(f.record(times, source, lineNumber));
    }

    @Override
    public void finish() {
        // one line, one record: nothing waits
    }

    @Override
    public long unparsed() {
        return unparsed;
    }

    @Override
    public long unknownZones() {
        return times.unknownZones();
    }

    /** The keys of jsonlog.c the analysis reads. */
    private static final class Fields {
        String timestamp;
        String pid;
        String sessionId;
        String severity;
        String state;
        String message;
        String statement;
        String user;
        String database;
        String application;
        String host;
        String backendType;

        void put(String key, String value) {
            switch (key) {
                case "timestamp" -> timestamp = value;
                case "pid" -> pid = value;
                case "session_id" -> sessionId = value;
                case "error_severity" -> severity = value;
                case "state_code" -> state = value;
                case "message" -> message = value;
                case "statement" -> statement = value;
                case "user" -> user = value;
                case "dbname" -> database = value;
                case "application_name" -> application = value;
                case "remote_host" -> host = value;
                case "backend_type" -> backendType = value;
                default -> { }
            }
        }

        ServerRecord record(ServerTime times, String source, long line) {
            return new ServerRecord(times.parse(timestamp), Pids.parse(pid), sessionId, severity, state,
                    message == null ? "" : message, statement, ServerRecord.known(user), ServerRecord.known(database),
                    ServerRecord.known(application), ServerRecord.known(host), backendType, source, line);
        }
    }
}
