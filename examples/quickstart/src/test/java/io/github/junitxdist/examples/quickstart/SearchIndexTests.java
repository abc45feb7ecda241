package io.github.junitxdist.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Tests of full-text search against a (simulated) search index. */
class SearchIndexTests {

    private static final List<String> TITLES = List.of(
            "The Art of Computer Programming", "Structure and Interpretation of Computer Programs", "Refactoring");

    static List<String> search(String term) {
        String needle = term.toLowerCase(Locale.ROOT);
        return TITLES.stream()
                .filter(title -> title.toLowerCase(Locale.ROOT).contains(needle))
                .toList();
    }

    @Test
    void findsTitlesByWord() {
        SimulatedIo.call(this, "POST /index/_refresh, GET /index/_search?q=computer", 900);
        assertEquals(2, search("computer").size());
    }

    @Test
    void ignoresCase() {
        SimulatedIo.call(this, "GET /index/_search?q=REFACTORING", 700);
        assertEquals(List.of("Refactoring"), search("REFACTORING"));
    }
}
