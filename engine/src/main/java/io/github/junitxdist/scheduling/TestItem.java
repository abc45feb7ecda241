package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The smallest piece of work a mode can place on its own: a test method, or a whole test template, test factory or
 * class template with its invocations.
 *
 * @param index dense index of the item in the plan
 * @param scope the unique id of its top-level class: the unit {@code loadscope} puts it in
 * @param group the name of the innermost {@code @XdistGroup} on it or an enclosing class, if any
 * @param serial whether it or an enclosing class is {@code @Serial}
 * @param isolated whether it or an enclosing class is {@code @Isolated}
 * @param locks the resource locks it or an enclosing class declares, {@code @Isolated} aside
 * @param tests how many tests (or templates and factories) it holds; at least 1
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public record TestItem(
        int index,
        String scope,
        Optional<String> group,
        boolean serial,
        boolean isolated,
        Set<Lock> locks,
        long tests) {

    public TestItem {
        locks = Set.copyOf(locks);
    }
}
