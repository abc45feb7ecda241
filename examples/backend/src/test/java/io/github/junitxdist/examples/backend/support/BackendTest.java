package io.github.junitxdist.examples.backend.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on this worker's database, with {@code MockMvc}. Classes that add nothing else share one Spring
 * context (per JVM); a {@code @MockitoBean} or a profile makes a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = WorkerDatabaseInitializer.class)
public @interface BackendTest {}
