package io.github.junitxdist.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Every configuration key, environment variable and worker identity property of junit-xdist.
 *
 * <p>Configuration keys are JUnit Platform configuration parameters: set them in {@code junit-platform.properties},
 * as {@code -D} system properties, through Surefire's {@code configurationParameters} or the ConsoleLauncher's
 * {@code --config}.
 *
 * <p>Experimental until 1.0, like the annotations: keys and their legal values may still change.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Constants {

    /** The id of the junit-xdist test engine: {@value}. */
    public static final String ENGINE_ID = "xdist";

    /**
     * Number of worker JVMs: {@value}.
     *
     * <p>Legal values: a positive integer; {@code auto} (the default), the number of available processors; or {@code 0},
     * which runs every test in the calling JVM, as plain Jupiter would.
     */
    public static final String WORKERS_PROPERTY_NAME = "xdist.workers";

    /** Default of {@value #WORKERS_PROPERTY_NAME}: {@value}. */
    public static final String WORKERS_DEFAULT = "auto";

    /** Environment variable that overrides {@value #WORKERS_PROPERTY_NAME}, with the same legal values: {@value}. */
    public static final String WORKERS_ENVIRONMENT_VARIABLE = "XDIST_WORKERS";

    /**
     * How the tests are cut into units and handed to workers: {@value}.
     *
     * <p>Legal values:
     * <ul>
     *   <li>{@code loadscope} (the default): one unit per top-level class with its {@code @Nested} classes, to whichever
     *       worker is free, costliest first;
     *   <li>{@code load}: the tests of each class (a method, or a whole template or factory) are spread over the
     *       workers, in up to one part per worker, so a single large class runs on several workers at once; its
     *       class-level lifecycle runs once per part;
     *   <li>{@code loadgroup}: as {@code loadscope}, but classes and methods annotated
     *       {@link XdistGroup @XdistGroup} with the same name form one unit;
     *   <li>{@code worksteal}: the {@code loadscope} units are split evenly among the workers up front, and a worker
     *       that runs out takes from the end of the busiest worker's share;
     *   <li>{@code no}: no workers; every test runs in the calling JVM, the same as {@code xdist.workers=0}.
     * </ul>
     */
    public static final String DIST_PROPERTY_NAME = "xdist.dist";

    /** Default of {@value #DIST_PROPERTY_NAME}: {@value}. */
    public static final String DIST_DEFAULT = "loadscope";

    /**
     * Extra JVM arguments for every worker, separated by whitespace; quote an argument that contains spaces with
     * {@code "} or {@code '}: {@value}. Default: none. They come after the arguments inherited from the calling JVM, so
     * they win where the JVM takes the last occurrence (e.g. {@code -Xmx}).
     */
    public static final String JVM_ARGS_PROPERTY_NAME = "xdist.jvmArgs";

    /**
     * How many times a crashed worker is replaced in one run: {@value}. Legal values: a non-negative integer. Default:
     * 4 × the number of workers. Once used up, the tests not run yet fail with the reason.
     */
    public static final String MAX_WORKER_RESTART_PROPERTY_NAME = "xdist.maxWorkerRestart";

    /**
     * Longest time one test (or one class's lifecycle method) may run, in seconds: {@value}. Legal values: a positive
     * number. Default: no limit. A test that runs longer fails with a thread dump of its worker, which is replaced.
     */
    public static final String TIMEOUT_PROPERTY_NAME = "xdist.timeout";

    /**
     * Stop after this many failed tests: {@value}. Legal values: a positive integer. Default: no limit. No new class
     * starts once it is reached; classes that did not start are reported skipped.
     */
    public static final String MAX_FAIL_PROPERTY_NAME = "xdist.maxfail";

    /**
     * Where unit durations are kept between runs, so the next run starts the longest units first: {@value}. A path,
     * relative to the working directory. Default: {@value #DURATIONS_FILE_DEFAULT}.
     */
    public static final String DURATIONS_FILE_PROPERTY_NAME = "xdist.durations.file";

    /** Default of {@value #DURATIONS_FILE_PROPERTY_NAME}: {@value}. */
    public static final String DURATIONS_FILE_DEFAULT = ".xdist/durations";

    /**
     * Whether a forked run prints its summary on the standard error stream at its end: {@value}. Legal values:
     * {@code true} (the default) or {@code false}. The summary has one line per worker (units, tests, busy and idle
     * time, utilisation), the run's wall time, work, lower bound and efficiency, the five longest units, how the number
     * of workers was chosen and where the report is. The report files are written either way.
     */
    public static final String SUMMARY_PROPERTY_NAME = "xdist.summary";

    /** Default of {@value #SUMMARY_PROPERTY_NAME}: {@value}. */
    public static final String SUMMARY_DEFAULT = "true";

    /**
     * Whether {@code loadscope}, the default mode, cuts a class that would be the run's long pole into parts for
     * several workers: {@value}. Legal values: {@code true} (the default) or {@code false}. A class is cut when the
     * history says it takes longer than the run's work divided by the workers, so that no worker would finish before
     * it, and the cut saves a second or more; it is cut as {@code xdist.dist=load} cuts every class. Never cut: a
     * class with {@code @Serial}, {@code @Isolated} or a {@code READ_WRITE} resource lock on any of its tests, one that
     * runs code once for all its tests ({@code @BeforeAll}, {@code @AfterAll}, class-level extensions with those
     * callbacks), orders its tests ({@code @TestMethodOrder}, {@code @TestClassOrder}) or shares an instance between
     * them ({@code @TestInstance(PER_CLASS)}, or that lifecycle as the default), on itself or any of its
     * {@code @Nested} classes.
     */
    public static final String SPLIT_PROPERTY_NAME = "xdist.split";

    /** Default of {@value #SPLIT_PROPERTY_NAME}: {@value}. */
    public static final String SPLIT_DEFAULT = "true";

    /**
     * The directory a forked run writes {@code xdist-report.json} and {@code xdist-report.html} to: {@value}. A path,
     * relative to the working directory. Default: the root of the launcher's output directories (Maven's
     * {@code target}, Gradle's {@code build}, the ConsoleLauncher's {@code --reports-dir}); where the launcher has none
     * (EngineTestKit), {@code target} if the working directory has one, else {@code .xdist}. A report that cannot be
     * written is a warning, never a failure of the run.
     */
    public static final String REPORT_DIR_PROPERTY_NAME = "xdist.report.dir";

    /**
     * Replays the order one worker of an earlier run executed its units in: {@value}. The value is the
     * {@code xdist-report.json} of that run, relative to the working directory, optionally followed by {@code #gwN} for
     * the worker; without it, the worker that ran the first failed unit. Exactly those units run, in that order, on one
     * worker; the other selected tests are skipped. Unset by default. A missing file, a file that is not such a report or
     * a worker it does not have fails the run with one message naming the key and the value.
     */
    public static final String REPLAY_PROPERTY_NAME = "xdist.replay";

    /**
     * Runs one shard of the suite, for splitting it over several machines: {@value}. Legal values: {@code i/n}, with
     * {@code n} a positive integer and {@code i} from 1 to {@code n}. Unset by default: the whole suite runs. The
     * top-level classes are split into {@code n} shards of about equal expected work (from the duration history, else
     * from their number of tests), the same way on every machine given the same tests and history; {@code @Serial}
     * classes, classes of one {@link XdistGroup @XdistGroup} name and classes sharing a {@code READ_WRITE} resource
     * lock stay in one shard. The other classes are left out of the run, not reported.
     */
    public static final String SHARD_PROPERTY_NAME = "xdist.shard";

    /** Environment variable that overrides {@value #SHARD_PROPERTY_NAME}, with the same legal values: {@value}. */
    public static final String SHARD_ENVIRONMENT_VARIABLE = "XDIST_SHARD";

    /**
     * Runs each test that failed in a forked run again, alone on a fresh worker, after the run: {@value}. Legal values:
     * {@code off} (the default) or {@code failures}. The outcomes reported to the launcher do not change; the summary
     * and the report say per test whether it fails alone too or passes alone, and for a test that passes alone, which
     * units its worker ran before it make it fail again: the smallest such prefix of the worker's order, found by
     * bisection within {@value #ISOLATE_MAX_RUNS_PROPERTY_NAME} runs.
     */
    public static final String ISOLATE_PROPERTY_NAME = "xdist.isolate";

    /** Default of {@value #ISOLATE_PROPERTY_NAME}: {@value}. */
    public static final String ISOLATE_DEFAULT = "off";

    /**
     * How many worker JVMs the isolation check of one failed test may run, the run alone included: {@value}. Legal
     * values: a positive integer. Default: {@value #ISOLATE_MAX_RUNS_DEFAULT}, which bisects an order of up to 256
     * units before the test down to one unit.
     */
    public static final String ISOLATE_MAX_RUNS_PROPERTY_NAME = "xdist.isolate.maxRuns";

    /** Default of {@value #ISOLATE_MAX_RUNS_PROPERTY_NAME}: {@value}. */
    public static final int ISOLATE_MAX_RUNS_DEFAULT = 10;

    /**
     * System property naming the worker a test runs in: {@value}. {@code gw0}, {@code gw1}, ... numbered densely from 0;
     * {@value #IN_PROCESS_WORKER} when the tests run in the calling JVM.
     */
    public static final String WORKER_SYSTEM_PROPERTY = "xdist.worker";

    /** System property holding the number of workers of the run: {@value}; {@code 1} in the calling JVM. */
    public static final String WORKER_COUNT_SYSTEM_PROPERTY = "xdist.workerCount";

    /** System property holding one random id per run, the same in every worker of that run: {@value}. */
    public static final String TEST_RUN_UID_SYSTEM_PROPERTY = "xdist.testrunuid";

    /** Environment variable with the value of {@value #WORKER_SYSTEM_PROPERTY} in each worker: {@value}. */
    public static final String WORKER_ENVIRONMENT_VARIABLE = "XDIST_WORKER";

    /** Environment variable with the value of {@value #WORKER_COUNT_SYSTEM_PROPERTY} in each worker: {@value}. */
    public static final String WORKER_COUNT_ENVIRONMENT_VARIABLE = "XDIST_WORKER_COUNT";

    /** Environment variable with the value of {@value #TEST_RUN_UID_SYSTEM_PROPERTY} in each worker: {@value}. */
    public static final String TEST_RUN_UID_ENVIRONMENT_VARIABLE = "XDIST_TESTRUNUID";

    /** The worker id tests see when they run in the calling JVM: {@value}. */
    public static final String IN_PROCESS_WORKER = "main";

    private Constants() {}
}
