package io.github.junitxdist.testkit.process;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The tests a set of fixture classes declares, as {@code <class name>#<method name>} keys, found by reflection. */
final class ExpectedTests {

    private ExpectedTests() {}

    /** Every {@code @Test} method of the classes and, recursively, of their {@code @Nested} classes. */
    static List<String> of(Class<?>... classes) {
        List<String> keys = new ArrayList<>();
        for (Class<?> type : classes) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Test.class)) {
                    keys.add(type.getName() + "#" + method.getName());
                }
            }
            for (Class<?> inner : type.getDeclaredClasses()) {
                if (inner.isAnnotationPresent(Nested.class)) {
                    keys.addAll(of(inner));
                }
            }
        }
        return keys;
    }
}
