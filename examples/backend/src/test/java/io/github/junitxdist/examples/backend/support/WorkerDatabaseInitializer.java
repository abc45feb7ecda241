package io.github.junitxdist.examples.backend.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test's Spring context at this JVM's {@link WorkerDatabase}, starting it on first use. */
public final class WorkerDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        WorkerDatabase database = WorkerDatabase.get();
        TestPropertyValues.of(
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=")
                .applyTo(context);
    }
}
