package io.github.junitxdist.process;

import java.util.concurrent.TimeUnit;

/**
 * Measures what starting one worker cost: the time its JVM took to connect, plus the time from being handed its first
 * unit to the first event of that unit (loading the JUnit Platform and the test classes), leaving out any time it
 * waited for work in between. Written by the coordinator (connect, first unit) and the worker's reading thread (first
 * event); each value is written once.
 */
final class StartClock {

    private volatile long connectedAfterNanos;
    private volatile long firstUnitAt;
    private volatile long firstEventAt;

    void connected(long processAgeNanos) {
        connectedAfterNanos = processAgeNanos;
    }

    void handedUnit() {
        if (firstUnitAt == 0) {
            firstUnitAt = System.nanoTime();
        }
    }

    void firstEvent() {
        firstEventAt = System.nanoTime();
    }

    /** The start cost in milliseconds; meaningful once the first event came. */
    long millis() {
        long toFirstEvent = firstUnitAt == 0 || firstEventAt == 0 ? 0 : Math.max(0, firstEventAt - firstUnitAt);
        return TimeUnit.NANOSECONDS.toMillis(connectedAfterNanos + toFirstEvent);
    }
}
