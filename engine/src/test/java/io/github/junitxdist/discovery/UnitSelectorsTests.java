package io.github.junitxdist.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectIteration;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;

/** Which of the original selectors re-select a unit in a worker. */
class UnitSelectorsTests {

    private static final UniqueId ENGINE = UniqueId.forEngine("xdist");
    private static final UniqueId UNIT = ENGINE.append("class", Outer.class.getName());
    private static final String UNIT_SELECTOR = "uid:" + UNIT;

    @Test
    void forwardsSelectorsPointingIntoTheUnitsClassAsTheyAre() {
        var selectors = List.of(
                selectClass(Outer.class),
                selectNestedClass(List.of(Outer.class), Outer.Inner.class),
                selectIteration(selectMethod(Outer.class, "method"), 2),
                selectMethod(Outer.Inner.class, "method"),
                selectUniqueId(UNIT.append("method", "method()")));

        List<String> forwarded = UnitSelectors.forUnit(selectors, UNIT, Outer.class.getName());

        assertThat(forwarded)
                .containsExactly(selectors.stream()
                        .map(selector -> selector.toIdentifier().orElseThrow().toString())
                        .toArray(String[]::new));
    }

    @Test
    void replacesBroadSelectorsWithTheUnitsUniqueId() {
        assertThat(UnitSelectors.forUnit(List.of(selectPackage("io.github")), UNIT, Outer.class.getName()))
                .containsExactly(UNIT_SELECTOR);
        assertThat(UnitSelectors.forUnit(List.of(selectUniqueId(ENGINE)), UNIT, Outer.class.getName()))
                .containsExactly(UNIT_SELECTOR);
    }

    @Test
    void leavesOutSelectorsOfOtherClasses() {
        var selectors = List.of(selectClass(Other.class), selectMethod(Outer.class, "method"));

        assertThat(UnitSelectors.forUnit(selectors, UNIT, Outer.class.getName()))
                .containsExactly("method:" + Outer.class.getName() + "#method()");
    }

    static class Outer {
        void method() {}

        class Inner {
            void method() {}
        }
    }

    static class Other {}
}
