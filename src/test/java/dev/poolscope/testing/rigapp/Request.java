package dev.poolscope.testing.rigapp;

import java.util.UUID;

/**
 * One scripted request. {@code whileHeld} runs while the request holds its connection (the scenario's
 * gates for the burst); {@code param} is the id in the path or the hold time, by kind.
 */
public record Request(int seq, Kind kind, long param, Runnable whileHeld) {
    /** The endpoints of the rig application. */
    public enum Kind {
        ORDER("GET", "/api/orders/{id}"),
        MONTHLY_REPORT("GET", "/api/reports/monthly"),
        EXPORT("GET", "/api/customers/{id}/orders/export"),
        INVENTORY_SYNC("POST", "/api/inventory/sync/{id}"),
        SEARCH("GET", "/api/products/search");

        public final String method;
        public final String endpoint;

        Kind(String method, String endpoint) {
            this.method = method;
            this.endpoint = endpoint;
        }
    }

    /** A fixed UUID per sequence number, so two runs give the same ids. */
    public String id() {
        return UUID.nameUUIDFromBytes(("poolscope-rig-request-" + seq).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    public String path() {
        return kind == Kind.MONTHLY_REPORT || kind == Kind.SEARCH
                ? kind.endpoint
                : kind.endpoint.replace("{id}", Long.toString(param));
    }
}
