package dev.poolscope.analysis;

/**
 * What the leak listing orders by ({@link LeakItem#OLDEST_FIRST}): a listed leak, or a checkout that may
 * become one. One order for both, so that the checkouts a bounded list keeps are the ones it lists.
 */
interface Listed {
    long acquiredAt();

    String process();

    String source();

    long line();
}
