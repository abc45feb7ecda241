package io.github.junitxdist.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each worker writes its own copy of a file the calling JVM's options name, never the calling JVM's file. */
class JvmOptionsTests {

    @Test
    void aFlightRecordingGetsTheWorkersNameBeforeItsExtension() {
        assertThat(JvmOptions.forWorker("-XX:StartFlightRecording=filename=rec.jfr", "gw0"))
                .isEqualTo("-XX:StartFlightRecording=filename=rec-gw0.jfr");
        assertThat(JvmOptions.forWorker(
                        "-XX:StartFlightRecording:duration=30s,filename=/tmp/out/rec.jfr,settings=profile", "gw3"))
                .isEqualTo("-XX:StartFlightRecording:duration=30s,filename=/tmp/out/rec-gw3.jfr,settings=profile");
        assertThat(JvmOptions.forWorker("-XX:StartFlightRecording=filename=recording", "gw1"))
                .isEqualTo("-XX:StartFlightRecording=filename=recording-gw1");
    }

    @Test
    void aUnifiedLogFileGetsTheWorkersName() {
        assertThat(JvmOptions.forWorker("-Xlog:gc*:file=gc.log:time,uptime", "gw0"))
                .isEqualTo("-Xlog:gc*:file=gc-gw0.log:time,uptime");
        assertThat(JvmOptions.forWorker("-Xlog:gc:logs/gc.txt", "gw1")).isEqualTo("-Xlog:gc:logs/gc-gw1.txt");
        assertThat(JvmOptions.forWorker("-Xlog:gc:file=\"my gc.log\"", "gw1"))
                .isEqualTo("-Xlog:gc:file=\"my gc-gw1.log\"");
        assertThat(JvmOptions.forWorker("-Xloggc:gc.log", "gw2")).isEqualTo("-Xloggc:gc-gw2.log");
    }

    @Test
    void heapDumpsAndErrorFilesGetTheWorkersName() {
        assertThat(JvmOptions.forWorker("-XX:HeapDumpPath=dump.hprof", "gw0"))
                .isEqualTo("-XX:HeapDumpPath=dump-gw0.hprof");
        assertThat(JvmOptions.forWorker("-XX:ErrorFile=crash.log", "gw1")).isEqualTo("-XX:ErrorFile=crash-gw1.log");
    }

    @Test
    void namesTheJvmMakesUniqueAndDirectoriesStayAsTheyAre(@TempDir Path directory) {
        assertThat(JvmOptions.forWorker("-XX:ErrorFile=hs_err_%p.log", "gw0")).isEqualTo("-XX:ErrorFile=hs_err_%p.log");
        assertThat(JvmOptions.forWorker("-Xlog:gc:file=gc-%p-%t.log", "gw0")).isEqualTo("-Xlog:gc:file=gc-%p-%t.log");
        assertThat(JvmOptions.forWorker("-XX:HeapDumpPath=" + directory, "gw0"))
                .isEqualTo("-XX:HeapDumpPath=" + directory);
        assertThat(JvmOptions.forWorker("-XX:StartFlightRecording=filename=dumps/", "gw0"))
                .isEqualTo("-XX:StartFlightRecording=filename=dumps/");
    }

    @Test
    void optionsThatWriteNoFileAreLeftToTheSharedArguments() {
        for (String option : new String[] {
            "-Xmx512m",
            "-Xlog:gc",
            "-Xlog:gc:stdout",
            "-Xlog:gc*:stderr:time",
            "-XX:StartFlightRecording",
            "-XX:StartFlightRecording=duration=30s",
            "-XX:+HeapDumpOnOutOfMemoryError",
            "-Dfile=x.log"
        }) {
            assertThat(JvmOptions.namesOutputFile(option)).as(option).isFalse();
        }
        for (String option : new String[] {
            "-XX:StartFlightRecording=filename=rec.jfr", "-Xlog:gc:file=gc.log", "-Xlog:gc:gc.log",
            "-XX:HeapDumpPath=d.hprof", "-XX:ErrorFile=e.log", "-Xloggc:gc.log"
        }) {
            assertThat(JvmOptions.namesOutputFile(option)).as(option).isTrue();
        }
    }
}
