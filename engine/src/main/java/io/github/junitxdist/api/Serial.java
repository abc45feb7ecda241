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
 * Marks a test class whose tests must not overlap with any other serial test class.
 *
 * <p>All serial units run one at a time on a single worker; the other units run on the other workers meanwhile. A class
 * is serial when it carries this annotation, inherits it from a superclass, or carries an annotation that is itself
 * annotated with {@code @Serial} (a composed annotation such as {@code @DatabaseTest}).
 *
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@API(status = EXPERIMENTAL, since = "0.1")
public @interface Serial {}
