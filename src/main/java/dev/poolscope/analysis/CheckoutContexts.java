package dev.poolscope.analysis;

import java.util.Arrays;
import java.util.Objects;

/**
 * The (process, source file, endpoint, thread) tuples of open checkouts, numbered so that the store keeps one
 * int per checkout for all four. The thread is null but where a pool library's checkout line names it
 * (SQLAlchemy, psycopg_pool): structlog checkouts cost one null check more. Names and triples are counted by their users and forgotten in sweeps
 * ({@link Interner}); a process's number is also the process part of the store's index hashes.
 */
final class CheckoutContexts {
    /** equals and hashCode written out: a record's are bootstrapped through method handles on first use (start-up). */
    private record Ctx(int process, int source, int endpoint, int thread) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Ctx c && c.process == process && c.source == source && c.endpoint == endpoint
                    && c.thread == thread;
        }

        @Override
        public int hashCode() {
            return ((process * 31 + source) * 31 + endpoint) * 31 + thread;
        }
    }

    private final Interner<String> names = new Interner<>();
    /** Forgetting a triple releases its names. */
    private final Interner<Ctx> contexts = new Interner<>(this::forget);
    private int[] processes = new int[16];
    private int[] sources = new int[16];
    private int[] endpoints = new int[16];
    private int[] threads = new int[16];
    /** Recently used triples by a hash of their strings: most checkouts repeat one, found without maps. */
    private final int[] recent = new int[256];

    /** The number of a triple, one more user counted. */
    int intern(String process, String source, String endpoint, String thread) {
        // (mutants of this hash and of the bounds below only change which look-ups take the slower path,
        // which gives the same number: equivalent)
        int r = ((Objects.hashCode(process) * 31 + Objects.hashCode(source)) * 31 + Objects.hashCode(endpoint)) * 31
                + Objects.hashCode(thread);
        r = (r ^ r >>> 16) & (recent.length - 1);
        int cached = recent[r] - 1;
        if (cached >= 0 && cached < contexts.capacity() && contexts.get(cached) != null
                && same(processes[cached], process) && same(sources[cached], source)
                && same(endpoints[cached], endpoint) && same(threads[cached], thread)) {
            contexts.acquireId(cached);
            return cached;
        }
        int ctx = internSlowly(process, source, endpoint, thread);
        recent[r] = ctx + 1;
        return ctx;
    }

    /** The triple of {@code ctx} with another endpoint, one more user counted ({@code ctx} keeps its users). */
    int withEndpoint(int ctx, String endpoint) {
        return intern(process(ctx), source(ctx), endpoint, thread(ctx));
    }

    /** One user fewer; the triple stays known until a sweep. */
    void release(int ctx) {
        contexts.release(ctx);
    }

    /** The number of a process name in use, or -1: for look-ups that must not add anything. */
    int findProcess(String process) {
        return names.find(process);
    }

    /** The number of the triple's process name (-1 for none). */
    int processOf(int ctx) {
        return processes[ctx];
    }

    String process(int ctx) {
        return name(processes[ctx]);
    }

    String source(int ctx) {
        return name(sources[ctx]);
    }

    String endpoint(int ctx) {
        return name(endpoints[ctx]);
    }

    String thread(int ctx) {
        return name(threads[ctx]);
    }

    /** Bounds every triple number. */
    int capacity() {
        return contexts.capacity();
    }

    private String name(int id) {
        return id < 0 ? null : names.get(id);
    }

    /** (A mutant that only makes this false more often is equivalent: the maps' path then finds the number.) */
    private boolean same(int name, String value) {
        return name < 0 ? value == null : value != null && value.equals(names.get(name));
    }

    private int internSlowly(String process, String source, String endpoint, String thread) {
        // a look-up of the maps, skipped when a name is new. Not skippable for a known tuple: acquire below
        // would count the tuple's user the same, but nameId would give each of its names a user that forget
        // never releases, so they would never be swept (CheckoutContextsTest pins it)
        int p = names.find(process);
        int src = source == null ? -1 : names.find(source);
        int ep = endpoint == null ? -1 : names.find(endpoint);
        int th = thread == null ? -1 : names.find(thread);
        if ((p >= 0 || process == null) && (src >= 0 || source == null) && (ep >= 0 || endpoint == null)
                && (th >= 0 || thread == null)) {
            int known = contexts.find(new Ctx(p, src, ep, th));
            if (known >= 0) {   // tuple 0 too: the path below would give its names users never released
                contexts.acquireId(known);   // the usual case: a few look-ups, nothing stored
                return known;
            }
        }
        p = nameId(process);
        src = nameId(source);
        ep = nameId(endpoint);
        th = nameId(thread);
        int ctx = contexts.acquire(new Ctx(p, src, ep, th));
        if (ctx >= processes.length) {   // (growing by less, or by one, would only be slower: equivalent)
            int n = Math.max(ctx + 1, processes.length * 2);
            processes = Arrays.copyOf(processes, n);
            sources = Arrays.copyOf(sources, n);
            endpoints = Arrays.copyOf(endpoints, n);
            threads = Arrays.copyOf(threads, n);
        }
        processes[ctx] = p;
        sources[ctx] = src;
        endpoints[ctx] = ep;
        threads[ctx] = th;
        return ctx;
    }

    private void forget(int ctx) {
        releaseName(processes[ctx]);
        releaseName(sources[ctx]);
        releaseName(endpoints[ctx]);
        releaseName(threads[ctx]);
    }

    private int nameId(String name) {
        return name == null ? -1 : names.acquire(name);
    }

    private void releaseName(int id) {
        if (id >= 0) {
            names.release(id);
        }
    }
}
