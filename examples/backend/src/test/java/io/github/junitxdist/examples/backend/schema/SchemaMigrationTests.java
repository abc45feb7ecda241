package io.github.junitxdist.examples.backend.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.api.Serial;
import io.github.junitxdist.examples.backend.account.AccountService;
import io.github.junitxdist.examples.backend.support.BackendTest;
import io.github.junitxdist.examples.backend.support.TestAccounts;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migrations from an empty schema, as a fresh production database gets them. Dropping every table pulls the floor
 * from under any test that uses the database at the same time. Here no test can: each worker has a database of its own
 * and runs one class at a time. The class is {@code @Serial} as it must be where the workers share one database (a CI
 * service, say): serial classes run one after another, on worker {@code gw0}.
 */
@Serial
@BackendTest
class SchemaMigrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @Test
    void migratesAnEmptySchemaToTheLatestVersion() {
        Flyway flyway = flyway();
        flyway.clean();

        MigrateResult result = flyway.migrate();

        assertThat(result.migrationsExecuted).isEqualTo(3);
        assertThat(result.targetSchemaVersion).isEqualTo("3");
        assertThat(jdbc.sql("select count(*) from account").query(Long.class).single())
                .isZero();
        // The service works on the schema it just got.
        assertThat(accounts.open(TestAccounts.owner("ada"), TestAccounts.number(), "EUR", 1)
                        .id())
                .isPositive();
    }

    @Test
    void migratingAgainChangesNothing() {
        Flyway flyway = flyway();
        flyway.migrate();

        assertThat(flyway.migrate().migrationsExecuted).isZero();
        assertThat(flyway.info().pending()).isEmpty();
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(dataSource).cleanDisabled(false).load();
    }
}
