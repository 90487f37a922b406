package dev.poolscope.sample;

/**
 * Who holds a checkout: an HTTP request (method, request_id, path) or a background job (job_id,
 * job), which has no request_id and is paired by conn_id alone. Also carries the truth's
 * per-request bookkeeping, so it is dropped with the request.
 */
final class Origin {
    final Pool pool;
    final String requestId;
    final String method;
    final String path;
    final String jobId;
    final String job;
    /** Normalized endpoint (or "job:&lt;name&gt;") for leaks_by_endpoint. */
    final String endpoint;

    boolean timeoutCounted;
    boolean leakCounted;
    long leakedCheckouts;

    private Origin(Pool pool, String requestId, String method, String path, String jobId, String job,
                   String endpoint) {
        this.pool = pool;
        this.requestId = requestId;
        this.method = method;
        this.path = path;
        this.jobId = jobId;
        this.job = job;
        this.endpoint = endpoint;
    }

    static Origin request(Pool pool, String requestId, Route route, String path) {
        return new Origin(pool, requestId, route.method, path, null, null, route.endpoint);
    }

    static Origin job(Pool pool, String jobId, String job) {
        return new Origin(pool, null, null, null, jobId, job, "job:" + job);
    }

    boolean isRequest() {
        return requestId != null;
    }
}
