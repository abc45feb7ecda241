package io.github.junitxdist.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectIteration;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The top-level classes a request selects, read from its selectors before anything is discovered. */
class SelectedClassesTests {

    @Test
    void methodsNestedClassesAndIterationsPointIntoTheirTopLevelClass() {
        var selected = SelectedClasses.topLevel(List.of(
                selectMethod("a.BTests#adds"),
                selectClass("a.BTests$Inner"),
                selectNestedClass(List.of("a.BTests"), "a.BTests$Other"),
                selectNestedMethod(List.of("a.BTests", "a.BTests$Other"), "a.BTests$Other", "subtracts"),
                selectIteration(selectMethod("a.BTests#repeats"), 2)));

        assertThat(selected).hasValueSatisfying(classes -> assertThat(classes).containsExactly("a.BTests"));
    }

    @Test
    void severalClassesAreAllNamed() {
        assertThat(SelectedClasses.topLevel(List.of(selectClass("a.BTests"), selectMethod("c.DTests#x"))))
                .hasValueSatisfying(classes -> assertThat(classes).containsExactly("a.BTests", "c.DTests"));
    }

    @Test
    void aBroadSelectorOrAJunitXdistUniqueIdCannotBeReadBeforeDiscovery() {
        assertThat(SelectedClasses.topLevel(List.of(selectClass("a.BTests"), selectPackage("a"))))
                .isEmpty();
        assertThat(SelectedClasses.topLevel(List.of(selectUniqueId("[engine:xdist]/[class:a.BTests]"))))
                .isEmpty();
    }

    @Test
    void anotherEnginesUniqueIdIsThatEnginesToResolve() {
        assertThat(SelectedClasses.topLevel(
                        List.of(selectUniqueId("[engine:junit-jupiter]/[class:c.DTests]"), selectClass("a.BTests"))))
                .hasValueSatisfying(classes -> assertThat(classes).containsExactly("a.BTests"));
    }
}
