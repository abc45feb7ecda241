package io.github.junitxdist.benchmarks;

/**
 * One way of running a suite. Each is a real process: the standalone ConsoleLauncher on the suite's compiled classes,
 * {@code mvn surefire:test} on the suite's Maven project, or Eclipse's JUnit runner on one selected test method, as the
 * IDE starts it.
 */
enum Contender {

    /** The cost of Maven and Surefire themselves, to subtract from the Surefire contenders. */
    MAVEN_OVERHEAD(
            "Maven + Surefire, no test selected",
            "`mvn surefire:test -Dtest=NoSuchBenchmarkTests`",
            Launch.MAVEN,
            History.NONE),
    SEQUENTIAL("Jupiter, sequential", "ConsoleLauncher, `--exclude-engine=xdist`", Launch.CONSOLE, History.NONE),
    JUPITER_PARALLEL(
            "Jupiter, parallel classes, W threads",
            "ConsoleLauncher, `--exclude-engine=xdist`, classes concurrent, fixed parallelism W",
            Launch.CONSOLE,
            History.NONE),
    SUREFIRE_FORKS(
            "Surefire, forkCount=W reuseForks=true",
            "`mvn surefire:test -DforkCount=W -DreuseForks=true -Dsurefire.excludeJUnit5Engines=xdist`",
            Launch.MAVEN,
            History.NONE),
    XDIST_COLD(
            "junit-xdist, W workers, cold",
            "ConsoleLauncher, `--config xdist.workers=W`, `.xdist/` deleted first",
            Launch.CONSOLE,
            History.COLD),
    XDIST_WARM(
            "junit-xdist, W workers, warm",
            "ConsoleLauncher, `--config xdist.workers=W`, `.xdist/` of an earlier run",
            Launch.CONSOLE,
            History.WARM),
    XDIST_AUTO_WARM(
            "junit-xdist, default (auto), warm",
            "ConsoleLauncher, no `xdist.workers` (the default `auto` decides how many, none included), `.xdist/` of an"
                    + " earlier run",
            Launch.CONSOLE,
            History.WARM),
    XDIST_WARM_C1(
            "junit-xdist, W workers, warm, C1 only",
            "as warm, plus `--config xdist.jvmArgs=-XX:TieredStopAtLevel=1` (workers compile with C1 only)",
            Launch.CONSOLE,
            History.WARM),
    XDIST_SUREFIRE_WARM(
            "junit-xdist via Surefire, W workers, warm",
            "`XDIST_WORKERS=W mvn surefire:test` (one Surefire fork), `.xdist/` of an earlier run",
            Launch.MAVEN,
            History.WARM),
    ECLIPSE_PLAIN(
            "Eclipse runner, one method, plain Jupiter",
            "Eclipse's `RemoteTestRunner -test <class>:<method>` (JUnit 5 loader), the project's test classpath"
                    + " without the engine jar",
            Launch.ECLIPSE,
            History.NONE),
    ECLIPSE_XDIST(
            "Eclipse runner, one method, junit-xdist default",
            "as plain Jupiter, with the engine jar on the classpath and no configuration (the default"
                    + " `xdist.workers=auto`), `.xdist/` of an earlier run",
            Launch.ECLIPSE,
            History.WARM);

    /** How a contender's process is started. */
    enum Launch {
        CONSOLE,
        MAVEN,
        /** Eclipse's runner, which reports to the IDE over a socket (see {@link EclipseIde}). */
        ECLIPSE
    }

    /** What a contender does with junit-xdist's duration history ({@code .xdist/} in the working directory). */
    enum History {
        /** Not junit-xdist: the history is neither read nor written. */
        NONE,
        /** The history is deleted before every run. */
        COLD,
        /** The history of an earlier run is in place; if there is none, an untimed run makes it first. */
        WARM
    }

    private final String label;
    private final String how;
    private final Launch launch;
    private final History history;

    Contender(String label, String how, Launch launch, History history) {
        this.label = label;
        this.how = how;
        this.launch = launch;
        this.history = history;
    }

    /** A short name for tables and logs. */
    String label() {
        return label;
    }

    /** How the contender is run, in markdown. */
    String how() {
        return how;
    }

    Launch launch() {
        return launch;
    }

    History history() {
        return history;
    }

    /** Whether the contender runs the suite's tests (as opposed to measuring overhead). */
    boolean runsTests() {
        return this != MAVEN_OVERHEAD;
    }
}
