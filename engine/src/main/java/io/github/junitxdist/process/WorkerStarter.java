package io.github.junitxdist.process;

import static io.github.junitxdist.api.Constants.TEST_RUN_UID_ENVIRONMENT_VARIABLE;
import static io.github.junitxdist.api.Constants.TEST_RUN_UID_SYSTEM_PROPERTY;
import static io.github.junitxdist.api.Constants.WORKER_COUNT_ENVIRONMENT_VARIABLE;
import static io.github.junitxdist.api.Constants.WORKER_COUNT_SYSTEM_PROPERTY;
import static io.github.junitxdist.api.Constants.WORKER_ENVIRONMENT_VARIABLE;
import static io.github.junitxdist.api.Constants.WORKER_SYSTEM_PROPERTY;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Starts worker JVMs for one run: same {@code java}, working directory, JVM options and classpath as the calling JVM,
 * plus the worker's identity.
 *
 * <p>The classpath and inherited options go into one {@code @argfile} (command lines have length limits), deleted by
 * {@link #close()}. Thread-safe.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class WorkerStarter implements AutoCloseable {

    private static final String MAIN_CLASS = "io.github.junitxdist.worker.WorkerMain";

    private final Path argFile;
    private final int port;
    private final String secret;
    private final int workerCount;
    private final String testRunUid;
    private final PrintStream diagnostics;
    /** The options that name a file the JVM writes, given to each worker with a file of its own. */
    private final List<String> ownFiles;

    /**
     * The JVM arguments every worker starts with: the calling JVM's options, the user's extra ones, the classpath.
     *
     * @param anchors classes whose code sources must be on the worker classpath (JUnit's and ours)
     * @param extraJvmArgs the user's {@code xdist.jvmArgs}
     */
    public static List<String> jvmArguments(List<Class<?>> anchors, List<String> extraJvmArgs) {
        List<String> args = new ArrayList<>(JvmOptions.inherited(System.getenv()));
        args.addAll(extraJvmArgs);
        args.add("-cp");
        args.add(String.join(File.pathSeparator, WorkerClasspath.build(anchors)));
        return List.copyOf(args);
    }

    /** @param args from {@link #jvmArguments} */
    public WorkerStarter(List<String> args, int port, String secret, int workerCount, String testRunUid)
            throws IOException {
        this.port = port;
        this.secret = secret;
        this.workerCount = workerCount;
        this.testRunUid = testRunUid;
        this.diagnostics = System.err;
        this.argFile = Files.createTempFile("junit-xdist-", ".argfile");
        argFile.toFile().deleteOnExit();
        this.ownFiles = args.stream().filter(JvmOptions::namesOutputFile).toList();
        try (Writer writer = Files.newBufferedWriter(argFile, StandardCharsets.UTF_8)) {
            for (String arg : args) {
                if (!JvmOptions.namesOutputFile(arg)) {
                    writer.write(quote(arg));
                    writer.write('\n');
                }
            }
        }
    }

    /** Whether a debugger is attached to the calling JVM, in which case tests should run in it. */
    public static boolean debuggerAttached() {
        return JvmOptions.debuggerAttached();
    }

    /** The calling JVM's non-JDK system properties, for the workers to set. */
    public static Map<String, String> forwardedSystemProperties() {
        return JvmOptions.forwardedSystemProperties(
                java.util.Set.of(WORKER_SYSTEM_PROPERTY, WORKER_COUNT_SYSTEM_PROPERTY, TEST_RUN_UID_SYSTEM_PROPERTY));
    }

    /**
     * Starts the worker with the given index; it connects back on its own, presenting the launch number.
     *
     * @param launch unique per start in this run, so a connection from a dead predecessor is never mistaken for its
     *     replacement, which has the same index
     */
    public WorkerProcess start(int index, int launch) throws IOException {
        String name = "gw" + index;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "@" + argFile));
        ownFiles.forEach(option -> command.add(JvmOptions.forWorker(option, name)));
        command.addAll(List.of(
                "-D" + WORKER_SYSTEM_PROPERTY + "=" + name,
                "-D" + WORKER_COUNT_SYSTEM_PROPERTY + "=" + workerCount,
                "-D" + TEST_RUN_UID_SYSTEM_PROPERTY + "=" + testRunUid,
                MAIN_CLASS,
                Integer.toString(port),
                Integer.toString(launch)));
        var builder = new ProcessBuilder(command).directory(new File(System.getProperty("user.dir")));
        Map<String, String> environment = builder.environment();
        environment.put(WORKER_ENVIRONMENT_VARIABLE, name);
        environment.put(WORKER_COUNT_ENVIRONMENT_VARIABLE, Integer.toString(workerCount));
        environment.put(TEST_RUN_UID_ENVIRONMENT_VARIABLE, testRunUid);
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write((secret + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the process died at once; its exit is reported like any other
        }
        return new WorkerProcess(index, launch, process, diagnostics);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(argFile);
        } catch (IOException e) {
            argFile.toFile().deleteOnExit();
        }
    }

    /** Quotes one argument for a java {@code @argfile}, where a backslash inside quotes escapes the next character. */
    static String quote(String arg) {
        return '"'
                + arg.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\n", "\\n")
                        .replace("\r", "\\r")
                + '"';
    }
}
