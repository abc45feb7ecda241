package io.github.junitxdist.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks tests that must not overlap with any other serial test: a test class, a {@code @Nested} class or a test method.
 *
 * <p>All serial units run one at a time on a single worker (the first, {@code gw0}); the other units run on the other
 * workers meanwhile, and that worker takes regular units once no serial unit is left. An element is serial when it
 * carries this annotation, carries an annotation that is itself annotated with {@code @Serial} (a composed annotation
 * such as {@code @DatabaseTest}), or, for a class, inherits it from a superclass; a test is serial when it or any class
 * enclosing it is.
 *
 * <p>How much runs serially follows {@code xdist.dist}: under {@code loadscope}, {@code loadgroup} and
 * {@code worksteal} a unit that holds any serial test is serial as a whole; under {@code load} only the serial tests
 * are. On anything else than a test class, a {@code @Nested} class or a test method (a {@code @BeforeEach} method, a
 * helper, an inner class that is not {@code @Nested}) the annotation is a discovery error.
 *
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@API(status = EXPERIMENTAL, since = "0.1")
public @interface Serial {}
