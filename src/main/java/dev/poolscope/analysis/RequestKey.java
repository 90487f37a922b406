package dev.poolscope.analysis;

import java.util.Objects;

/** A request within the process that logged it: request ids only need to be unique per process. */
public record RequestKey(String process, String requestId) {
    // Written out: a record's generated methods are bootstrapped through method handles on first use.
    @Override
    public boolean equals(Object o) {
        return o instanceof RequestKey k && Objects.equals(k.process, process) && Objects.equals(k.requestId, requestId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(process) * 31 + Objects.hashCode(requestId);
    }
}
