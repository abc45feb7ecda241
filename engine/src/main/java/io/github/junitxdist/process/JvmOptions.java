package io.github.junitxdist.process;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a worker inherits from the calling JVM: its JVM options and its non-JDK system properties.
 *
 * <p>Options from {@code JAVA_TOOL_OPTIONS} and {@code JDK_JAVA_OPTIONS} are left out (the worker inherits the
 * environment, so an agent would otherwise load twice), as are debugger options and {@code -Djava.class.path}.
 *
 * <p>Options that name a file the JVM writes (a flight recording, a unified log, a heap dump, a fatal error log) would
 * make every worker write the calling JVM's file at once, leaving a corrupt recording or a log of whichever wrote last;
 * each worker gets its own file instead, named after it: {@code rec.jfr} becomes {@code rec-gw0.jfr}. A name the JVM
 * makes unique itself ({@code %p}, {@code %t}) or a directory, where the JVM picks a name, is left as it is.
 */
final class JvmOptions {

    private static final List<String> JDK_PROPERTY_PREFIXES = List.of(
            "java.", "jdk.", "sun.", "os.", "user.", "file.", "awt.", "native.", "stdout.", "stderr.", "line.",
            "path.");
    private static final Set<String> JDK_PROPERTIES =
            Set.of("socksNonProxyHosts", "http.nonProxyHosts", "ftp.nonProxyHosts");

    private JvmOptions() {}

    static List<String> inputArguments() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    static boolean debuggerAttached() {
        return inputArguments().stream().anyMatch(JvmOptions::isDebugOption);
    }

    /** The calling JVM's options that a worker should start with. */
    static List<String> inherited(Map<String, String> environment) {
        List<String> options = new ArrayList<>(inputArguments());
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            String value = environment.get(variable);
            if (value != null) {
                Arrays.stream(value.trim().split("\\s+")).forEach(options::remove);
            }
        }
        options.removeIf(option -> isDebugOption(option)
                || option.startsWith("-Djava.class.path=")
                || option.startsWith("-Dxdist.worker"));
        return options;
    }

    /** {@code -XX:StartFlightRecording[=:]...filename=PATH...}: the path ends at a comma or the end. */
    private static final Pattern FLIGHT_RECORDING =
            Pattern.compile("^(-XX:StartFlightRecording[=:](?:.*,)?filename=)([^,]+)(.*)$");

    /** {@code -Xlog:what:[file=]PATH[:decorators...]} (the path may be quoted), not to {@code stdout} or {@code stderr}. */
    private static final Pattern UNIFIED_LOG =
            Pattern.compile("^(-Xlog:[^:]*:(?:file=)?)(?!(?:stdout|stderr)(?::|$))(\"[^\"]+\"|[^:]+)(.*)$");

    /** Options whose whole value is a file the JVM writes. */
    private static final List<String> FILE_OPTIONS = List.of("-XX:HeapDumpPath=", "-XX:ErrorFile=", "-Xloggc:");

    /** Whether a worker needs its own version of this option: see {@link #forWorker}. */
    static boolean namesOutputFile(String option) {
        return FLIGHT_RECORDING.matcher(option).matches()
                || UNIFIED_LOG.matcher(option).matches()
                || FILE_OPTIONS.stream().anyMatch(option::startsWith);
    }

    /** The option as the named worker should have it: the file it names, with the worker's name before the extension. */
    static String forWorker(String option, String worker) {
        for (Pattern pattern : List.of(FLIGHT_RECORDING, UNIFIED_LOG)) {
            Matcher matcher = pattern.matcher(option);
            if (matcher.matches()) {
                return matcher.group(1) + ownFile(matcher.group(2), worker) + matcher.group(3);
            }
        }
        for (String prefix : FILE_OPTIONS) {
            if (option.startsWith(prefix)) {
                return prefix + ownFile(option.substring(prefix.length()), worker);
            }
        }
        return option;
    }

    private static String ownFile(String path, String worker) {
        boolean quoted = path.length() > 1 && path.startsWith("\"") && path.endsWith("\"");
        String bare = quoted ? path.substring(1, path.length() - 1) : path;
        if (bare.isEmpty()
                || bare.contains("%p")
                || bare.contains("%t")
                || bare.endsWith("/")
                || bare.endsWith(File.separator)
                || Files.isDirectory(Path.of(bare))) {
            return path;
        }
        int name = Math.max(bare.lastIndexOf('/'), bare.lastIndexOf(File.separatorChar)) + 1;
        int dot = bare.lastIndexOf('.');
        String own = dot > name ? bare.substring(0, dot) + "-" + worker + bare.substring(dot) : bare + "-" + worker;
        return quoted ? '"' + own + '"' : own;
    }

    /** System properties that Surefire, IDEs and users set in code or on the command line, for the worker to set too. */
    static Map<String, String> forwardedSystemProperties(Set<String> exclusions) {
        Map<String, String> forwarded = new TreeMap<>();
        Properties properties = System.getProperties();
        for (String key : properties.stringPropertyNames()) {
            boolean jdk = JDK_PROPERTIES.contains(key)
                    || JDK_PROPERTY_PREFIXES.stream().anyMatch(key::startsWith);
            if (!jdk && !exclusions.contains(key)) {
                forwarded.put(key, properties.getProperty(key));
            }
        }
        return forwarded;
    }

    private static boolean isDebugOption(String option) {
        return option.contains("jdwp") || option.equals("-Xdebug") || option.startsWith("-Xrunjdwp");
    }
}
