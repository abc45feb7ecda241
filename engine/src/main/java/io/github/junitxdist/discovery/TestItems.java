package io.github.junitxdist.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.scheduling.Lock;
import io.github.junitxdist.scheduling.TestItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestDescriptor;

/**
 * Finds the items of a tree (tests, and templates and factories as a whole) and what each carries from itself, its
 * descendants and its enclosing classes (see {@link ItemTraits}).
 *
 * <p>Built once and then only read.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class TestItems {

    private final ItemTraits traits;
    private final List<TestDescriptor> descriptors = new ArrayList<>();
    private final List<TestItem> items = new ArrayList<>();

    /** What an element passes on to what it encloses. */
    private record Context(String scope, Optional<String> group, boolean serial, boolean isolated, Set<Lock> locks) {}

    private TestItems(ItemTraits traits) {
        this.traits = traits;
    }

    public static TestItems of(TestDescriptor root, ItemTraits traits) {
        var found = new TestItems(traits);
        for (TestDescriptor top : root.getChildren()) {
            found.visit(top, new Context(top.getUniqueId().toString(), Optional.empty(), false, false, Set.of()));
        }
        return found;
    }

    /** The item descriptors, by item index. */
    public List<TestDescriptor> descriptors() {
        return descriptors;
    }

    public List<TestItem> items() {
        return items;
    }

    private void visit(TestDescriptor descriptor, Context enclosing) {
        Context context = with(enclosing, traits.of(descriptor));
        if (descriptor.isTest() || descriptor.mayRegisterTests()) {
            Set<Lock> locks = new HashSet<>(context.locks());
            boolean[] isolated = {context.isolated()};
            long[] tests = {0};
            descriptor.accept(inside -> {
                tests[0]++;
                if (inside != descriptor) {
                    ItemTraits.Own own = traits.of(inside);
                    locks.addAll(own.locks());
                    isolated[0] |= own.isolated();
                }
            });
            items.add(new TestItem(
                    items.size(), context.scope(), context.group(), context.serial(), isolated[0], locks, tests[0]));
            descriptors.add(descriptor);
            return;
        }
        for (TestDescriptor child : descriptor.getChildren()) {
            visit(child, context);
        }
    }

    private static Context with(Context enclosing, ItemTraits.Own own) {
        Set<Lock> locks = new HashSet<>(enclosing.locks());
        locks.addAll(own.locks());
        return new Context(
                enclosing.scope(),
                own.group().or(enclosing::group),
                enclosing.serial() || own.serial(),
                enclosing.isolated() || own.isolated(),
                locks);
    }
}
