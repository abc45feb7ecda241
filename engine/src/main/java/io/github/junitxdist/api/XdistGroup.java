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
 * Pins tests into a named group that runs as one unit on one worker, under {@code xdist.dist=loadgroup}.
 *
 * <p>On a test class or {@code @Nested} class the whole class joins the group; on a test method just that test does,
 * and the rest of its class stays in the class's own unit. All members of a group, from any number of classes, run on
 * the same worker one after another. The innermost annotation wins: a method may name another group than its class.
 * Composed annotations and, for classes, inheritance work as for {@link Serial}. Other modes ignore the annotation.
 *
 * <p>A blank name is a discovery error.
 *
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@API(status = EXPERIMENTAL, since = "0.1")
public @interface XdistGroup {

    /** The group's name; tests with the same name run together. Must not be blank. */
    String value();
}
