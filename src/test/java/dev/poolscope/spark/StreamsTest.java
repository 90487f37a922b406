package dev.poolscope.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** How listed files become streams and how they are named; no Spark needed. */
class StreamsTest {
    static Segment seg(String name) {
        return new Segment(name, "file:" + name, 1);
    }

    @Test
    void byDefaultAStreamIsADirectoryAndTheBaseNameBeforeTheRotationSuffix() {
        List<StreamSpec> streams = Streams.group(List.of(seg("logs/pod-1/app.jsonl"), seg("logs/pod-1/app.jsonl.1"),
                seg("logs/pod-1/app.jsonl.2.gz"), seg("logs/pod-1/worker.log-20260105.gz"), seg("logs/pod-2/app.jsonl.1"),
                seg("s3a://b/pod-3/app.jsonl.12.gz")), null);
        assertThat(streams).extracting(StreamSpec::key).containsExactly("logs/pod-1/app.jsonl", "logs/pod-1/worker.log",
                "logs/pod-2/app.jsonl", "s3a://b/pod-3/app.jsonl");
        assertThat(streams.get(0).segments()).extracting(Segment::name)
                .containsExactly("logs/pod-1/app.jsonl", "logs/pod-1/app.jsonl.1", "logs/pod-1/app.jsonl.2.gz");
    }

    @Test
    void streamByTakesTheFirstGroupAndLeavesUnmatchedNamesToTheDefault() {
        Pattern p = Streams.compile("logs/([^/]+)/");
        List<Segment> listed = List.of(seg("logs/pod-a/2026-01-06.jsonl.gz"), seg("logs/pod-a/2026-01-05.jsonl.gz"),
                seg("logs/pod-b/2026-01-05.jsonl"), seg("other/app.jsonl.1"));
        assertThat(Streams.group(listed, p)).extracting(StreamSpec::key)
                .containsExactly("other/app.jsonl", "pod-a", "pod-b");
        assertThat(Streams.unmatched(listed, p)).isEqualTo(1);
        assertThatThrownBy(() -> Streams.compile("pod-\\d+")).hasMessageContaining("has no group");
    }

    @Test
    void walkedFilesAreNamedAsTheCommandLineNamesThem() {
        assertThat(FleetListing.join("fleet/", "pod-1/app.jsonl")).isEqualTo("fleet/pod-1/app.jsonl");
        assertThat(FleetListing.join("/tmp//fleet", "pod-1/app.jsonl")).isEqualTo("/tmp/fleet/pod-1/app.jsonl");
        assertThat(FleetListing.join("s3a://bucket/logs", "pod-1/app.jsonl")).isEqualTo("s3a://bucket/logs/pod-1/app.jsonl");
        assertThat(FleetListing.hasScheme("hdfs:///logs")).isTrue();
        assertThat(FleetListing.hasScheme("logs/pod:1")).isFalse();
        assertThat(FleetListing.isGlob("s3a://b/pods/*/app.jsonl*")).isTrue();
    }

    @Test
    void summaryFileNamesAreSafeAndDistinctPerKey() {
        String a = SummaryNames.fileName("s3a://b/logs/pod-1/app.jsonl");
        String b = SummaryNames.fileName("s3a://b/logs/pod_1/app.jsonl");
        assertThat(a).matches("b_logs_pod-1_app\\.jsonl-[0-9a-f]{8}\\.psum");
        assertThat(b).startsWith("b_logs_pod_1_app.jsonl-").isNotEqualTo(a);
        assertThat(SummaryNames.fileName("../../etc/passwd")).doesNotContain("/").doesNotStartWith(".");
    }
}
