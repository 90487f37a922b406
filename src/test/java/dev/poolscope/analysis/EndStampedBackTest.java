package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A request's end settles its open checkouts once the grace period (60 s) has passed since the end's own
 * time (docs/robustness.md: "once a request has ended and the grace period has passed, its still-open
 * checkouts are counted as leaks and forgotten"), even when the end is stamped before the latest time read
 * (a clock stepped back between processes or files).
 */
class EndStampedBackTest {

    @Test
    void theGraceIsCountedFromTheEndsOwnTimeNotFromTheLatestTimeRead() {
        Diagnosis d = Ev.analyze(
                Ev.getconn(100).req("r1").conn("c1"),
                Ev.getconn(200).req("r0").conn("c0"),
                Ev.putconn(201).req("r0").conn("c0"),   // latest time read: 201
                Ev.end(150).req("r1"),                   // r1 ended at 150, logged after 201
                Ev.getconn(211).req("r2").conn("c2"),   // 61 s after r1's end: r1's checkout is settled a leak
                Ev.putconn(212).req("r1").conn("c1"),   // too late: nothing open to close
                Ev.putconn(213).req("r2").conn("c2"));
        assertThat(d.checkouts().leakedCheckouts()).isEqualTo(1);
        assertThat(d.checkouts().requestsWithoutClose()).isEqualTo(1);
        assertThat(d.checkouts().orphanPutconn()).isEqualTo(1);
    }
}
