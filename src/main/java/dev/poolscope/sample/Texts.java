package dev.poolscope.sample;

/** Fixed message and traceback texts, copied in shape from the captured logs. */
final class Texts {
    static final String EXHAUSTED = "connection pool exhausted";
    static final String TIMEOUT = "canceling statement due to statement timeout\n";
    static final String DIV_ZERO = "division by zero";
    static final String PG_TIMEOUT = "57014";
    static final String PG_DIV_ZERO = "22012";
    static final int STATEMENT_TIMEOUT_MS = 800;

    static final String POOL_TRACEBACK = "Traceback (most recent call last):\n"
            + "  File \"/srv/app/app/db/pool.py\", line 88, in getconn\n"
            + "    conn = self._pool.getconn()\n"
            + "  File \"/usr/local/lib/python3.12/site-packages/psycopg2/pool.py\", line 169, in getconn\n"
            + "    return self._getconn(key)\n"
            + "  File \"/usr/local/lib/python3.12/site-packages/psycopg2/pool.py\", line 93, in _getconn\n"
            + "    raise PoolError(\"connection pool exhausted\")\n"
            + "psycopg2.pool.PoolError: connection pool exhausted";

    static final String TIMEOUT_TRACEBACK = "Traceback (most recent call last):\n"
            + "  File \"/srv/app/app/api/coding.py\", line 142, in coding_stats\n"
            + "    cur.execute(STATS_SQL, {\"project_id\": project_id})\n"
            + "psycopg2.errors.QueryCanceled: canceling statement due to statement timeout\n";

    static final String DIV_ZERO_TRACEBACK = "Traceback (most recent call last):\n"
            + "  File \"/srv/app/app/api/coding.py\", line 142, in coding_stats\n"
            + "    cur.execute(STATS_SQL, {\"project_id\": project_id})\n"
            + "psycopg2.errors.DivisionByZero: division by zero\n";

    static final String[] USER_AGENTS = {
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "python-httpx/0.27.2",
    };

    static final String[] SERVICE_CLIENTS = {"search", "storage", "llm"};

    static final String[] STATEMENTS = {
        "select_project", "list_interviews", "insert_project", "select_user", "count_codes",
        "select_graph_edges", "update_project", "delete_project",
    };

    static final String[] JOBS = {"refresh_coding_stats", "purge_expired_sessions", "reindex_interviews"};

    private Texts() {}
}
