package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolscope.server.JoinResult;
import dev.poolscope.server.ServerAnalysis;
import dev.poolscope.server.ServerRecord;
import dev.poolscope.server.ServerSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ServerPart's rules (docs/summaries.md, docs/metrics.md "Server's view"): summaries merge their server sides
 * only when made with the same {@code --pg-application} and {@code --pg-clock-skew}; the app's failed getconns
 * and statement timeouts are kept up to {@link ServerPart.Marks#MAX} times in input order, totals exact; the
 * join matches them one to one in time order, so times kept in input order (a later summary merged first, or
 * files read out of order) are sorted before the join.
 */
class ServerPartTest {

    /** A server log of these records, read with no application filter; the side records the skew given. */
    private static ServerPart.Server server(String application, long skewMicros, ServerRecord... records) {
        ServerAnalysis a = new ServerAnalysis(ServerSettings.defaults(), 1000, 5_000_000L);
        for (ServerRecord r : records) {
            a.accept(r);
        }
        return new ServerPart.Server(a.finish(), a.carry(), application, skewMicros);
    }

    private static ServerRecord line(long time, int pid, String message) {
        return new ServerRecord(time, pid, null, "FATAL", null, message, null, "app", "db", null, null, null,
                "pg.log", 1);
    }

    private static ServerRecord refused(double s) {
        return line(at(s), 100, "sorry, too many clients already");
    }

    private static ServerRecord timedOut(double s) {
        return line(at(s), 200, "canceling statement due to statement timeout");
    }

    @Test
    void serverSidesMadeWithTheSameSettingsMergeTheirFigures() {
        ServerPart first = ServerPart.empty().with(server("web", 1_000, refused(1)), true);
        ServerPart later = ServerPart.empty().with(server("web", 1_000, refused(2), refused(3)), false);
        ServerPart merged = first.merge(later, 1000, 5_000_000L);
        assertThat(merged.server().result().tooManyClients()).isEqualTo(3);
        assertThat(merged.server().application()).isEqualTo("web");
        assertThat(merged.server().skewMicros()).isEqualTo(1_000);
        assertThat(merged.appRead()).isTrue();   // one of them read an app log
        // null application (every session) on both sides is the same setting
        ServerPart any = ServerPart.empty().with(server(null, 0, refused(1)), false)
                .merge(ServerPart.empty().with(server(null, 0, refused(2)), false), 1000, 5_000_000L);
        assertThat(any.server().result().tooManyClients()).isEqualTo(2);
        assertThat(any.appRead()).isFalse();
        ServerPart appLater = new ServerPart(null, true, List.of(), 0, List.of(), 0);
        assertThat(ServerPart.empty().merge(appLater, 1000, 0).appRead()).isTrue();   // either side's
    }

    @Test
    void aServerSideMergedWithNoneKeepsItsOwnEitherWay() {
        ServerPart with = ServerPart.empty().with(server("web", 0, refused(1)), false);
        assertThat(with.merge(ServerPart.empty(), 1000, 0).server()).isSameAs(with.server());
        assertThat(ServerPart.empty().merge(with, 1000, 0).server()).isSameAs(with.server());
        assertThat(ServerPart.empty().merge(ServerPart.empty(), 1000, 0).server()).isNull();
    }

    @Test
    void serverSidesOfDifferentApplicationOrSkewAreRefused() {
        ServerPart web = ServerPart.empty().with(server("web", 1_000), false);
        ServerPart api = ServerPart.empty().with(server("api", 1_000), false);
        ServerPart all = ServerPart.empty().with(server(null, 1_000), false);
        ServerPart skewed = ServerPart.empty().with(server("web", 2_000), false);
        assertThatThrownBy(() -> web.merge(api, 1000, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different server settings");
        assertThatThrownBy(() -> web.merge(all, 1000, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> web.merge(skewed, 1000, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("skew 1000 µs vs web, 2000 µs");
    }

    @Test
    void appMarksAreCappedInInputOrderAndTheirTotalsStayExact() {
        List<Long> earlier = new ArrayList<>();
        for (long i = 0; i < ServerPart.Marks.MAX - 1; i++) {
            earlier.add(i);
        }
        ServerPart first = new ServerPart(null, true, earlier, ServerPart.Marks.MAX + 5L, List.of(7L), 1);
        ServerPart later = new ServerPart(null, false, List.of(-1L, -2L, -3L), 3, List.of(9L, 8L), 2);
        ServerPart merged = first.merge(later, 1000, 0);
        // room for one more failed getconn: the later part's first, in its order
        assertThat(merged.failedTimes()).hasSize(ServerPart.Marks.MAX);
        assertThat(merged.failedTimes().get(ServerPart.Marks.MAX - 1)).isEqualTo(-1L);
        assertThat(merged.failedTotal()).isEqualTo(ServerPart.Marks.MAX + 5L + 3);
        assertThat(merged.timeoutTimes()).containsExactly(7L, 9L, 8L);   // input order, not sorted here
        assertThat(merged.timeoutTotal()).isEqualTo(3);
        // a part already full takes none
        ServerPart full = new ServerPart(null, false, merged.failedTimes(), 1, List.of(), 0);
        assertThat(full.merge(later, 1000, 0).failedTimes()).hasSize(ServerPart.Marks.MAX);
    }

    @Test
    void theJoinMatchesAppMarksKeptOutOfOrderOneToOneInTime() {
        // the server refused connects at 10 s and 20 s and timed statements out at 30 s and 40 s; the app's
        // summaries, merged later-first, kept its failed getconns as 20, 10 and its timeouts as 40, 30.
        ServerPart.Server s = server(null, 0, refused(10), refused(20), timedOut(30), timedOut(40));
        ServerPart part = new ServerPart(s, true, List.of(at(20), at(10)), 2, List.of(at(40), at(30)), 2);
        Diagnosis d = part.attach(Ev.analyze(Ev.getconn(1).req("r1").conn("c1"), Ev.putconn(2).req("r1").conn("c1")));
        JoinResult join = d.server().join();
        assertThat(join.failedConnects().app()).isEqualTo(2);
        assertThat(join.failedConnects().server()).isEqualTo(2);
        assertThat(join.failedConnects().matched()).isEqualTo(2);
        assertThat(join.timeouts().app()).isEqualTo(2);
        assertThat(join.timeouts().matched()).isEqualTo(2);
        assertThat(part.failedTimes()).containsExactly(at(20), at(10));   // the part itself is left as it was
    }

    @Test
    void withoutAnAppLogTheServerIsShownWithoutAJoinAndWithoutAServerLogNothingChanges() {
        Diagnosis d = Ev.analyze(Ev.getconn(1).req("r1").conn("c1"), Ev.putconn(2).req("r1").conn("c1"));
        ServerPart serverOnly = ServerPart.empty().with(server(null, 0, refused(10)), false);
        Diagnosis shown = serverOnly.attach(d);
        assertThat(shown.server().result().tooManyClients()).isEqualTo(1);
        assertThat(shown.server().join()).isNull();
        assertThat(ServerPart.empty().attach(d)).isSameAs(d);
    }

    @Test
    void marksListAtMostMaxTimesOfEachKind() {
        ServerPart.Marks m = new ServerPart.Marks();
        for (int i = 0; i <= ServerPart.Marks.MAX; i++) {   // MAX + 1 of each
            m.accept(Ev.failed(i).build(i));
            m.accept(Ev.other(i).timeout().build(i));
        }
        ServerPart p = m.part();
        assertThat(p.failedTimes()).hasSize(ServerPart.Marks.MAX);
        assertThat(p.timeoutTimes()).hasSize(ServerPart.Marks.MAX);
        assertThat(p.failedTimes().get(ServerPart.Marks.MAX - 1)).isEqualTo(at(ServerPart.Marks.MAX - 1));
        assertThat(p.failedTotal()).isEqualTo(ServerPart.Marks.MAX + 1L);
        assertThat(p.timeoutTotal()).isEqualTo(ServerPart.Marks.MAX + 1L);
    }

    @Test
    void marksCountEveryFailedGetconnAndTimeoutButListOnlyTimedOnes() {
        ServerPart.Marks m = new ServerPart.Marks();
        m.accept(Ev.failed(2).build(1));
        m.accept(Ev.untimed(dev.poolscope.event.EventKind.CHECKOUT_FAILED).build(2));
        m.accept(Ev.failed(1).build(3));
        m.accept(Ev.other(5).timeout().build(4));
        m.accept(Ev.getconn(6).build(5));
        ServerPart p = m.part();
        assertThat(p.failedTimes()).containsExactly(at(2), at(1));
        assertThat(p.failedTotal()).isEqualTo(3);
        assertThat(p.timeoutTimes()).containsExactly(at(5));
        assertThat(p.timeoutTotal()).isEqualTo(1);
        assertThat(p.server()).isNull();
        assertThat(p.appRead()).isFalse();
    }
}
