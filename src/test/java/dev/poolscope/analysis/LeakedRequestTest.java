package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeakedRequestTest {
    private static LeakItem leak(String process, String request, String conn, String endpoint, long at, long line) {
        return new LeakItem(process, request, conn, endpoint, at, 0, true, "app.jsonl", line);
    }

    @Test
    void groupsByRequestWithinItsProcessMostConnectionsFirst() {
        List<LeakItem> leaks = List.of(
                leak("p1", "a", "c1", "GET /a", 10, 1),
                leak("p1", "b", "c2", null, 20, 2),
                leak("p1", "b", "c3", "POST /b", 30, 3),
                leak("p2", "a", "c4", "GET /a", 40, 4),
                leak("p1", null, "c5", null, 5, 5),
                leak("p1", null, "c6", null, 50, 6));

        List<LeakedRequest> top = LeakedRequest.top(leaks, 10);

        assertThat(top).containsExactly(
                new LeakedRequest("p1", "b", "c2", "POST /b", 20, 2),
                new LeakedRequest("p1", null, "c5", null, 5, 1),
                new LeakedRequest("p1", "a", "c1", "GET /a", 10, 1),
                new LeakedRequest("p2", "a", "c4", "GET /a", 40, 1),
                new LeakedRequest("p1", null, "c6", null, 50, 1));
    }

    @Test
    void capsTheList() {
        List<LeakItem> leaks = List.of(leak("p", "a", "c1", "/", 1, 1), leak("p", "b", "c2", "/", 2, 2));

        assertThat(LeakedRequest.top(leaks, 1)).extracting(LeakedRequest::requestId).containsExactly("a");
        assertThat(LeakedRequest.top(leaks, 0)).isEmpty();
        assertThat(LeakedRequest.top(List.of(), 5)).isEmpty();
    }
}
