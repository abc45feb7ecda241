package io.github.junitxdist.process;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a worker inherits from the calling JVM: its JVM options and its non-JDK system properties.
 *
 * <p>Options from {@code JAVA_TOOL_OPTIONS} and {@code JDK_JAVA_OPTIONS} are left out (the worker inherits the
 * environment, so an agent would otherwise load twice), as are debugger options and {@code -Djava.class.path}.
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
