package dev.poolscope.analysis;

/** Told of every checkout a checkin closes; the live leak watch uses it to report returns. */
interface ReturnListener {
    void returned(Checkout c, long at);
}
