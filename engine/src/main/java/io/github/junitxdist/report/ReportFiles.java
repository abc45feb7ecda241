package io.github.junitxdist.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.api.Constants;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.ExecutionRequest;

/**
 * Where the report files go, and writing them. The directory is {@code xdist.report.dir} when set; else the root of the
 * launcher's output directories when it has one (Surefire's and Gradle's build folder, the ConsoleLauncher's
 * {@code --reports-dir}, {@code junit.platform.reporting.output.dir}); else {@code target} when the working directory
 * has one, else {@code .xdist}. A report that cannot be written costs one line on stderr naming the key and the
 * directory, never the run. Stateless.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class ReportFiles {

    /** The JSON report's file name: {@value}. */
    public static final String JSON = "xdist-report.json";

    /** The HTML report's file name: {@value}. */
    public static final String HTML = "xdist-report.html";

    private ReportFiles() {}

    /** The directory the report goes to: see above. */
    public static Path directory(Optional<Path> configured, ExecutionRequest request, Path workingDirectory) {
        return configured
                .or(() -> launcherRoot(request))
                .orElseGet(() -> Files.isDirectory(workingDirectory.resolve("target"))
                        ? workingDirectory.resolve("target")
                        : workingDirectory.resolve(".xdist"));
    }

    /**
     * Writes both files into {@code directory}.
     *
     * @return the HTML file, or empty when the report could not be written (then a warning says why)
     */
    public static Optional<Path> write(RunReport report, Path directory, boolean configured) {
        try {
            Files.createDirectories(directory);
            writeFile(directory.resolve(JSON), Json.of(report));
            Path html = directory.resolve(HTML);
            writeFile(html, Html.of(report));
            return Optional.of(html);
        } catch (IOException | RuntimeException e) {
            System.err.println("junit-xdist: could not write its report to %s (%s): %s; the run is not affected"
                    .formatted(
                            directory,
                            configured
                                    ? Constants.REPORT_DIR_PROPERTY_NAME + "=" + directory
                                    : "the default of " + Constants.REPORT_DIR_PROPERTY_NAME
                                            + "; set it to a directory that can be written",
                            e));
            return Optional.empty();
        }
    }

    /** Writes next to the file, then moves it in place, so a reader never sees half a report. */
    private static void writeFile(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The root of the launcher's output directories: {@code getOutputDirectoryCreator()} on Platform 1.14 and later,
     * {@code getOutputDirectoryProvider()} on 1.12 and 1.13 (reached reflectively, it is deprecated later); empty when
     * there is none (EngineTestKit's throws).
     */
    static Optional<Path> launcherRoot(ExecutionRequest request) {
        try {
            return Optional.of(request.getOutputDirectoryCreator().getRootDirectory());
        } catch (NoSuchMethodError e) {
            return olderLauncherRoot(request);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> olderLauncherRoot(ExecutionRequest request) {
        try {
            Method provider = ExecutionRequest.class.getMethod("getOutputDirectoryProvider");
            Object instance = provider.invoke(request);
            Object root = provider.getReturnType().getMethod("getRootDirectory").invoke(instance);
            return root instanceof Path path ? Optional.of(path) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
