package io.github.junitxdist.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A description of the machine the benchmark ran on, for the report: processors, memory, the JDK and the CPU model.
 *
 * @param text several lines, ready for a code block
 */
record Machine(String text) {

    /** Collects {@code nproc}, {@code free -g}, {@code java -version} and the CPU model from {@code /proc/cpuinfo}. */
    static Machine describe(Toolchain toolchain) throws IOException, InterruptedException {
        StringBuilder text = new StringBuilder();
        text.append("$ nproc\n").append(output(List.of("nproc")));
        text.append("$ free -g\n").append(output(List.of("free", "-g")));
        text.append("$ java -version\n").append(output(List.of(toolchain.java().toString(), "-version")));
        text.append("CPU: ").append(cpuModel()).append('\n');
        return new Machine(text.toString());
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "unknown";
        }
        return Files.readAllLines(cpuinfo).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("unknown");
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output.endsWith("\n") ? output : output + "\n";
    }
}
