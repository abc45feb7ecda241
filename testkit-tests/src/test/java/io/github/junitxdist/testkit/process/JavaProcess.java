package io.github.junitxdist.testkit.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the command line of a fresh JVM, running either a main class or an executable jar with this JVM's
 * {@code java}, and starts it as a {@link ChildProcess}.
 */
public final class JavaProcess {

    private final List<String> jvmArguments = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> target = new ArrayList<>();

    private JavaProcess() {}

    /** A JVM running {@code mainClass} from {@code classpath}. */
    public static JavaProcess mainClass(List<Path> classpath, String mainClass) {
        JavaProcess java = new JavaProcess();
        java.target.addAll(List.of("-cp", TestPaths.joinPaths(classpath), mainClass));
        return java;
    }

    /**
     * A JVM running {@code mainClass} with its class path from an options file: {@code java @file mainClass}, the file
     * holding {@code -cp <class path>}, as Gradle starts its test workers.
     */
    public static JavaProcess optionsFile(Path file, String mainClass) {
        JavaProcess java = new JavaProcess();
        java.target.addAll(List.of("@" + file, mainClass));
        return java;
    }

    /** A JVM running {@code java -jar jar}. */
    public static JavaProcess jar(Path jar) {
        JavaProcess java = new JavaProcess();
        java.target.addAll(List.of("-jar", jar.toString()));
        return java;
    }

    /** JVM options such as {@code -Xmx96m} or {@code -agentlib:...}, before the main class or jar. */
    public JavaProcess jvmArguments(String... values) {
        jvmArguments.addAll(List.of(values));
        return this;
    }

    public JavaProcess systemProperty(String key, Object value) {
        jvmArguments.add("-D" + key + "=" + value);
        return this;
    }

    public JavaProcess arguments(String... values) {
        arguments.addAll(List.of(values));
        return this;
    }

    public JavaProcess arguments(List<String> values) {
        arguments.addAll(values);
        return this;
    }

    JavaProcess environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    JavaProcess environment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** Starts the JVM in this JVM's working directory; output goes to files in {@code outputDirectory}. */
    public ChildProcess start(Path outputDirectory) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArguments);
        command.addAll(target);
        command.addAll(arguments);
        return ChildProcess.start(command, Path.of(System.getProperty("user.dir")), environment, outputDirectory);
    }
}
