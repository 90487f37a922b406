package dev.poolscope.weekly;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.LibraryResult;
import dev.poolscope.findings.Finding;
import dev.poolscope.server.ServerView;
import java.util.List;

/**
 * What {@code analyze} would show beyond the weekly table, for one day or the whole period: the findings,
 * what the pool libraries said (issue #16) and the server's view (issue #18), all read from one diagnosis.
 *
 * @param diagnosis the day's (or period's) diagnosis, from its summary
 * @param findings  {@code Findings.evaluate} over it, worst first
 */
public record Insight(Diagnosis diagnosis, List<Finding> findings) {

    public Insight {
        findings = List.copyOf(findings);
    }

    public LibraryResult library() {
        return diagnosis.library();
    }

    /** The server's view, or null when no PostgreSQL log was read for this stretch. */
    public ServerView server() {
        return diagnosis.server();
    }

    /**
     * Whether getconn and putconn are known: false when only HikariCP, which logs no checkout, was read. A
     * summary does not carry the libraries' result yet, so its inputs' dialects decide there: HikariCP inputs
     * and not one checkout or checkin is HikariCP alone.
     */
    public boolean checkoutsLogged() {
        if (!diagnosis.checkoutsLogged()) {
            return false;
        }
        boolean hikari = diagnosis.input().dialects().stream().anyMatch(d -> "hikaricp".equals(d.dialect()));
        return !hikari || diagnosis.counts().getconn() + diagnosis.counts().putconn() > 0;
    }

    /** Whether a pool library's own lines were read (HikariCP, SQLAlchemy, psycopg_pool), not only structlog. */
    public boolean hasLibrary() {
        // Summaries count structlog's pool events too (by dialect): only a library's count shows the section.
        boolean libraryEvents = diagnosis.library().poolEvents().values().stream()
                .anyMatch(m -> m.keySet().stream().anyMatch(k -> !k.equals("structlog")));
        return !diagnosis.library().libraryLines().isEmpty() || libraryEvents
                || diagnosis.input().dialects().stream()
                        .anyMatch(d -> d.dialect() != null && !d.dialect().equals("structlog"));
    }
}
