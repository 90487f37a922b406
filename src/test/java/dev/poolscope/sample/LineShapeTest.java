package dev.poolscope.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LineShapeTest {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern TS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyLineIsAFlatStructlogObject(Scenario s) throws IOException {
        String log = LogGeneratorTest.run(s, 21, 800).log();
        String previous = "";
        for (String line : log.split("\n")) {
            assertThat(line).startsWith("{\"logger\": \"").endsWith("}");
            Set<String> keys = new HashSet<>();
            try (JsonParser p = JSON.createParser(line)) {
                assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                JsonToken tok;
                while ((tok = p.nextToken()) != JsonToken.END_OBJECT) {
                    assertThat(tok).isEqualTo(JsonToken.FIELD_NAME);
                    assertThat(keys.add(p.currentName())).as("duplicate key in %s", line).isTrue();
                    assertThat(p.nextToken().isScalarValue()).isTrue();
                }
                assertThat(p.nextToken()).isNull();
            }
            assertThat(keys).contains("logger", "event", "pid", "level", "timestamp");
            String ts = IndependentCount.str(line, "timestamp");
            assertThat(ts).matches(TS);
            assertThat(ts.compareTo(previous)).as("timestamps never go back").isGreaterThanOrEqualTo(0);
            previous = ts;
            if (line.contains("\"event\": \"pool.getconn.success\"")) {
                assertThat(keys).contains("conn_id", "backend_pid", "caller", "pool_used", "pool_max", "wait_ms");
                assertThat(keys.contains("request_id") || keys.contains("job_id")).isTrue();
            }
        }
    }
}
