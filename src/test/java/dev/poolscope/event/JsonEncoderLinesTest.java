package dev.poolscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.helpers.MessageFormatter;

/**
 * logback's JsonEncoder layout (issue #16), as logback 1.5.38's {@code JsonEncoder.java} writes it: the two real
 * lines below were written by {@code RealHikariLog} with {@code Layout.LOGBACK_JSON}; the others are built by hand
 * from the same source. Each line is decoded with and without the byte pre-filter, which must agree.
 */
class JsonEncoderLinesTest {
    private static final JsonFactory FACTORY = new JsonFactory();
    /** HikariCP 7.1's leak warning, logged on the housekeeper without MDC, its borrow stack as a throwable object. */
    private static final String LEAK =
            """
            {"sequenceNumber":0,"timestamp":1796452987924,"nanoseconds":924551556,"level":"WARN","threadName":"H\
            ikariPool-1:housekeeper","loggerName":"com.zaxxer.hikari.pool.ProxyLeakTask","context":{"name":"defa\
            ult","birthdate":1796452984187,"properties":{}},"mdc": {},"message":"Connection leak detection trigg\
            ered for {} on thread {}, stack trace follows","arguments": ["conn1: url=jdbc:h2:mem:orders-1 user=S\
            A","app-worker-1"],"throwable":{"className":"java.lang.Exception","message":"Apparent connection lea\
            k detected","stepArray":[{"className":"com.zaxxer.hikari.HikariDataSource","methodName":"getConnecti\
            on","fileName":"HikariDataSource.java","lineNumber":99},{"className":"dev.poolscope.testing.rigapp.D\
            b","methodName":"acquire","fileName":"Db.java","lineNumber":56},{"className":"dev.poolscope.testing.\
            rigapp.ReportService","methodName":"monthly","fileName":"ReportService.java","lineNumber":19},{"clas\
            sName":"dev.poolscope.testing.rigapp.Dispatcher","methodName":"route","fileName":"Dispatcher.java","\
            lineNumber":60},{"className":"dev.poolscope.testing.rigapp.Dispatcher","methodName":"handle","fileNa\
            me":"Dispatcher.java","lineNumber":38},{"className":"dev.poolscope.testing.RealHikariLog$Script","me\
            thodName":"lambda$send$0","fileName":"RealHikariLog.java","lineNumber":325},{"className":"java.util.\
            concurrent.Executors$RunnableAdapter","methodName":"call","fileName":"Executors.java","lineNumber":5\
            39},{"className":"java.util.concurrent.FutureTask","methodName":"run","fileName":"FutureTask.java","\
            lineNumber":264},{"className":"java.util.concurrent.ThreadPoolExecutor","methodName":"runWorker","fi\
            leName":"ThreadPoolExecutor.java","lineNumber":1136},{"className":"java.util.concurrent.ThreadPoolEx\
            ecutor$Worker","methodName":"run","fileName":"ThreadPoolExecutor.java","lineNumber":635},{"className\
            ":"java.lang.Thread","methodName":"run","fileName":"Thread.java","lineNumber":840}]}}
            """;
    /** The same connection given back late, on the borrowing thread, with its request's MDC. */
    private static final String UNLEAKED =
            """
            {"sequenceNumber":0,"timestamp":1796452988647,"nanoseconds":647629256,"level":"INFO","threadName":"a\
            pp-worker-1","loggerName":"com.zaxxer.hikari.pool.ProxyLeakTask","context":{"name":"default","birthd\
            ate":1796452984187,"properties":{}},"mdc": {"path":"\\/api\\/reports\\/monthly","request_id":"5e8196\
            2b-4a86-3bb1-9569-f6159d2f8c37"},"message":"Previously reported leaked connection {} on thread {} wa\
            s returned to the pool (unleaked)","arguments": ["conn1: url=jdbc:h2:mem:orders-1 user=SA","app-work\
            er-1"],"throwable":null}
            """;

    /** What the decoder handed to the recogniser, beside the event. */
    private record Decoded(PoolEvent event, LineText text) {}

    private static Decoded decode(String line, boolean prefilter) throws MalformedLineException {
        LineText[] seen = new LineText[1];
        LineRecognizer capture = (base, text) -> {
            seen[0] = text;
            return base;
        };
        EventDecoder d = new EventDecoder(FACTORY, FieldMapping.defaults(), EventNames.defaults(), prefilter, capture);
        byte[] b = line.strip().getBytes(StandardCharsets.UTF_8);
        return new Decoded(d.decode(b, 0, b.length, "log", 1), seen[0]);
    }

    /** Decodes on both paths, checks they agree, and returns the result. */
    private static Decoded read(String line) throws MalformedLineException {
        Decoded fast = decode(line, true);
        assertThat(fast).isEqualTo(decode(line, false));
        return fast;
    }

    @Test
    void theLeakWarningReadsAsLogstashWouldHaveWrittenIt() throws Exception {
        Decoded d = read(LEAK);
        assertThat(d.text().message()).isEqualTo("Connection leak detection triggered for conn1: url=jdbc:h2:mem:orders-1"
                + " user=SA on thread app-worker-1, stack trace follows");
        assertThat(d.text().logger()).isEqualTo("com.zaxxer.hikari.pool.ProxyLeakTask");
        assertThat(d.text().thread()).isEqualTo("HikariPool-1:housekeeper");
        assertThat(d.text().level()).isEqualTo("WARN");
        assertThat(d.text().stack()).isEqualTo("""
                java.lang.Exception: Apparent connection leak detected
                \tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:99)
                \tat dev.poolscope.testing.rigapp.Db.acquire(Db.java:56)
                \tat dev.poolscope.testing.rigapp.ReportService.monthly(ReportService.java:19)
                \tat dev.poolscope.testing.rigapp.Dispatcher.route(Dispatcher.java:60)
                \tat dev.poolscope.testing.rigapp.Dispatcher.handle(Dispatcher.java:38)
                \tat dev.poolscope.testing.RealHikariLog$Script.lambda$send$0(RealHikariLog.java:325)
                \tat java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:539)
                \tat java.util.concurrent.FutureTask.run(FutureTask.java:264)
                \tat java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)
                \tat java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)
                \tat java.lang.Thread.run(Thread.java:840)
                """);
        // 1796452987924 ms and 924551556 ns of the same second: kept to the microsecond
        assertThat(d.event().time()).isEqualTo(1_796_452_987_924_551L);
        assertThat(d.event().requestId()).isNull();
    }

    @Test
    void theNestedMdcGivesTheRequestAndPath() throws Exception {
        Decoded d = read(UNLEAKED);
        assertThat(d.event().requestId()).isEqualTo("5e81962b-4a86-3bb1-9569-f6159d2f8c37");
        assertThat(d.event().endpoint()).isEqualTo("/api/reports/monthly");
        assertThat(d.text().message()).isEqualTo("Previously reported leaked connection conn1: url=jdbc:h2:mem:orders-1"
                + " user=SA on thread app-worker-1 was returned to the pool (unleaked)");
        assertThat(d.text().thread()).isEqualTo("app-worker-1");
        assertThat(d.text().stack()).isNull();
        assertThat(d.event().time()).isEqualTo(1_796_452_988_647_629L);
    }

    @Test
    void keyValuePairsAreReadLikeTheMdc() throws Exception {
        Decoded d = read("{\"timestamp\":1700000000123,\"level\":\"INFO\",\"loggerName\":\"app\",\"mdc\": {},"
                + "\"kvpList\": [{\"request_id\":\"r-7\"},{\"route\":\"/api/x/{id}\"}],\"message\":\"done\"}");
        assertThat(d.event().requestId()).isEqualTo("r-7");
        assertThat(d.event().endpoint()).isEqualTo("/api/x/{id}");
        assertThat(d.event().time()).isEqualTo(1_700_000_000_123_000L);   // no nanoseconds: the millisecond
    }

    @Test
    void theFormattedMessageWinsOverTheTemplate() throws Exception {
        Decoded d = read("{\"level\":\"INFO\",\"mdc\": {},\"message\":\"{} - Start completed.\","
                + "\"formattedMessage\":\"orders - Start completed.\",\"arguments\": [\"ignored\"]}");
        assertThat(d.text().message()).isEqualTo("orders - Start completed.");
    }

    @Test
    void causesCommonFramesAndOddFramesPrintAsJavaPrintsThem() throws Exception {
        Decoded d = read("{\"level\":\"ERROR\",\"message\":\"failed\",\"throwable\":{\"className\":\"a.Outer\","
                + "\"message\":\"outer\",\"stepArray\":[{\"className\":\"a.B\",\"methodName\":\"c\",\"fileName\":"
                + "\"null\",\"lineNumber\":-1},{\"className\":\"a.N\",\"methodName\":\"n\",\"fileName\":\"N.java\","
                + "\"lineNumber\":-2},{\"className\":\"a.F\",\"methodName\":\"f\",\"fileName\":\"F.java\","
                + "\"lineNumber\":-1}],\"cause\":{\"className\":\"a.Inner\",\"message\":\"null\",\"stepArray\":"
                + "[{\"className\":\"a.D\",\"methodName\":\"d\",\"fileName\":\"D.java\",\"lineNumber\":4}],"
                + "\"commonFramesCount\":3,\"suppressed\":[{\"className\":\"a.S\",\"message\":\"s\","
                + "\"stepArray\":[]}]}}}");
        assertThat(d.text().stack()).isEqualTo("""
                a.Outer: outer
                \tat a.B.c(Unknown Source)
                \tat a.N.n(Native Method)
                \tat a.F.f(F.java)
                Caused by: a.Inner
                \tat a.D.d(D.java:4)
                \t... 3 more
                """);
    }

    @Test
    void textsInsideTheThrowableAreFoundAsInAnyNestedString() throws Exception {
        Decoded d = read("{\"level\":\"ERROR\",\"message\":\"query failed\",\"throwable\":{\"className\":"
                + "\"org.postgresql.util.PSQLException\",\"message\":\"ERROR: canceling statement due to statement"
                + " timeout\",\"stepArray\":[]}}");
        assertThat(d.event().statementTimeout()).isTrue();
    }

    @Test
    void aStringThrowableAndAnEmptyMdcAreReadAsPlainValues() throws Exception {
        Decoded d = read("{\"mdc\": {},\"message\":\"x\",\"throwable\":\"java.lang.Exception: plain\"}");
        assertThat(d.text().stack()).isEqualTo("java.lang.Exception: plain");
        assertThat(read("{\"message\":\"x\",\"throwable\":null}").text().stack()).isNull();
    }

    @Test
    void theStructlogDecoderDoesNotReadTheNestedMembers() throws Exception {
        EventDecoder structlog = new EventDecoder(FACTORY, FieldMapping.defaults(), EventNames.defaults());
        byte[] b = UNLEAKED.strip().getBytes(StandardCharsets.UTF_8);
        PoolEvent e = structlog.decode(b, 0, b.length, "log", 1);
        assertThat(e.requestId()).isNull();   // docs/log-format.md: only top-level keys on the structlog path
        assertThat(e.time()).isEqualTo(1_796_452_988_647_000L);
    }

    /** Every cut of the real lines, and bytes flipped in them, read the same with and without the pre-filter. */
    @Test
    void cutAndDamagedLinesReadTheSameOnBothPaths() {
        java.util.Random random = new java.util.Random(16);
        List<String> damaged = new ArrayList<>();
        for (String line : List.of(LEAK.strip(), UNLEAKED.strip())) {
            for (int cut = 0; cut < line.length(); cut++) {
                damaged.add(line.substring(0, cut));
            }
            String flips = "{}[]\",:\\ 0an";
            for (int i = 0; i < 2000; i++) {
                char[] c = line.toCharArray();
                c[random.nextInt(c.length)] = flips.charAt(random.nextInt(flips.length()));
                damaged.add(new String(c));
            }
        }
        int malformed = 0;
        for (String line : damaged) {
            Object fast = outcome(line, true);
            assertThat(fast).as(line).isEqualTo(outcome(line, false));
            malformed += fast instanceof String ? 1 : 0;
        }
        assertThat(malformed).isGreaterThan(LEAK.length());   // every proper cut of a line is malformed
    }

    private static Object outcome(String line, boolean prefilter) {
        try {
            return decode(line, prefilter);
        } catch (MalformedLineException e) {
            return "malformed: " + e.getMessage();
        }
    }

    /** SLF4J's own formatter is the oracle for filling the template. */
    @ParameterizedTest
    @ValueSource(strings = {"{} - {}stats (total={}/{}, idle={}/{}, active={}, waiting={})", "{}{}", "no placeholder",
        "escaped \\{} then {}", "double \\\\{} escaped", "{} {} {} {} {} {} {} {} {} {}", "{", "}{", "{{}}",
        "trailing {", "\\", "{}\\{}{}"})
    void templatesFillAsSlf4jFillsThem(String template) {
        List<String> args = List.of("HikariPool-1", "Pool ", "6", "6", "1", "6", "5", "0");
        String expected = MessageFormatter.basicArrayFormat(template, args.toArray());
        assertThat(MessageTemplate.fill(template, args)).isEqualTo(expected);
        assertThat(MessageTemplate.fill(template, List.of())).isEqualTo(template);
        assertThat(Objects.requireNonNull(MessageTemplate.fill(template, Arrays.asList("a", null))))
                .isEqualTo(MessageFormatter.basicArrayFormat(template, new Object[] {"a", null}));
    }
}
