package io.github.junitxdist.examples.quickstart;

/**
 * Stands in for the slow parts of a backend test suite (a database round trip, an HTTP call, a file export): it prints
 * what the test is doing and where it runs, then waits as long as the real call would take.
 *
 * <p>The printed line shows the junit-xdist worker ({@code xdist.worker}: {@code gw0}, {@code gw1}, ...) and the pid of
 * the JVM, so the output of {@code mvn test} shows the tests spread over several JVMs.
 */
final class SimulatedIo {

    private SimulatedIo() {}

    /** Prints {@code [gw1 pid 4242] OrderServiceTests: <what>} and takes {@code millis} to "do" it. */
    static void call(Object test, String what, long millis) {
        System.out.printf(
                "[%s pid %d] %s: %s%n",
                System.getProperty("xdist.worker", "no worker"),
                ProcessHandle.current().pid(),
                test.getClass().getSimpleName(),
                what);
        try {
            Thread.sleep(millis); // simulated I/O latency, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while simulating " + what, e);
        }
    }
}
