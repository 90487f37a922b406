package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.at;
import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.nearly;
import static dev.poolscope.analysis.Ev.other;
import static dev.poolscope.analysis.Ev.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pool used as the log reports it, or reconstructed from open checkouts; per process. */
class PoolUsageTest {

    @Test
    void reportedUsageIsTakenAsWritten() {
        PoolResult p = Ev.analyze(
                getconn(0).req("a").used(5).max(80),
                getconn(1).req("b").used(9).max(80),
                putconn(2).req("a").used(3).max(80)).pool();
        assertThat(p.peakUsed()).isEqualTo(9);
        assertThat(p.peakAt()).isEqualTo(at(1));
        assertThat(p.peakProcess()).isEqualTo("p1");
        assertThat(p.poolMax()).isEqualTo(80);
    }

    @Test
    void withoutPoolUsedUsageIsTheNumberOfOpenCheckouts() {
        PoolResult p = Ev.analyze(
                getconn(0).req("a"), getconn(1).req("b"), getconn(2).req("c"), getconn(3).req("d"),
                putconn(4).req("a"),
                getconn(5).req("e"), getconn(6).req("f"),     // 5 open
                putconn(7).req("b"), putconn(8).req("c")).pool();
        assertThat(p.peakUsed()).isEqualTo(5);
        assertThat(p.peakAt()).isEqualTo(at(6));
        assertThat(p.poolMax()).isEqualTo(-1);
    }

    @Test
    void eachProcessHasItsOwnPoolAndThePeakNamesIt() {
        PoolResult p = Ev.analyze(
                getconn(0).pid("web-1").req("a").used(7),
                getconn(1).pid("web-2").req("x"),
                getconn(2).pid("web-2").req("y"),
                getconn(3).pid("web-1").req("b").used(6),
                getconn(4).pid("web-2").req("z"),
                getconn(5).pid("web-2").req("w"),
                getconn(6).pid("web-2").req("v"),
                getconn(7).pid("web-2").req("u"),
                getconn(8).pid("web-2").req("t"),
                getconn(9).pid("web-2").req("s")).pool();   // web-2 reconstructed: 8 open
        assertThat(p.peakUsed()).isEqualTo(8);
        assertThat(p.peakProcess()).isEqualTo("web-2");
        assertThat(p.peakAt()).isEqualTo(at(9));
    }

    @Test
    void usageIsNotSummedAcrossProcesses() {
        PoolResult p = Ev.analyze(
                getconn(0).pid("a").req("1"), getconn(0).pid("b").req("1"), getconn(0).pid("c").req("1")).pool();
        assertThat(p.peakUsed()).isEqualTo(1);
    }

    @Test
    void onceAProcessReportsPoolUsedOnlyReportedValuesCount() {
        // Rule chosen: a process that states pool_used is never second-guessed by counting, since the
        // log may have started with connections already out.
        PoolResult p = Ev.analyze(
                getconn(0).req("a").used(2),
                getconn(1).req("b"), getconn(2).req("c"), getconn(3).req("d"), getconn(4).req("e")).pool();
        assertThat(p.peakUsed()).isEqualTo(2);
    }

    @Test
    void eventsOtherThanCheckoutsChangeNothingUnlessTheyReportUsage() {
        PoolResult p = Ev.analyze(getconn(0).req("a"), nearly(1), other(2).used(12)).pool();
        assertThat(p.peakUsed()).isEqualTo(12);
        assertThat(p.peakAt()).isEqualTo(at(2));
    }

    @Test
    void peakIsTheFirstTimeTheHighestValueWasSeen() {
        PoolResult p = Ev.analyze(other(1).used(7), other(2).used(7), other(3).used(6)).pool();
        assertThat(p.peakAt()).isEqualTo(at(1));
    }

    @Test
    void nothingSeenNoPeak() {
        Diagnosis d = Ev.analyze(other(0));
        assertThat(d.pool().peakUsed()).isEqualTo(-1);
        assertThat(d.health().checks().get(0).value()).isZero();
    }
}
