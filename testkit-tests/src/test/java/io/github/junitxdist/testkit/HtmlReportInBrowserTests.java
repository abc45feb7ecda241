package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of a known fixture run, opened in a real headless Chromium: it renders without script errors and
 * without network requests, has one row per worker and one bar per unit, and hovering a bar shows that unit's name and
 * duration. Fails, saying how to install it, when Chromium is missing.
 */
class HtmlReportInBrowserTests {

    @TempDir
    Path directory;

    @Test
    void theReportRendersOfflineWithARowPerWorkerABarPerUnitAndTheUnitOnHover() throws Exception {
        HeadlessChromium.executable();
        Path reports = directory.resolve("reports");
        ReportTests.run(directory, Map.of("xdist.report.dir", reports.toString()));
        Path html = reports.resolve("xdist-report.html");
        List<Map<String, Object>> units = ReportTests.objects(
                JsonReader.object(JsonReader.parse(Files.readString(reports.resolve("xdist-report.json"))))
                        .get("units"));
        String url = html.toUri().toString();

        try (HeadlessChromium browser = HeadlessChromium.start(directory.resolve("profile"))) {
            for (String domain : List.of("Page", "Runtime", "Network", "Log")) {
                browser.call(domain + ".enable", "{}");
            }
            browser.call("Page.navigate", "{\"url\":%s}".formatted(io.github.junitxdist.report.Json.quote(url)));
            browser.awaitEvent("Page.loadEventFired");

            assertThat(browser.evaluate("document.querySelectorAll('.timeline .row').length"))
                    .isEqualTo(2L);
            assertThat(browser.evaluate("document.querySelectorAll('.timeline .bar').length"))
                    .isEqualTo((long) units.size());
            for (Map<String, Object> unit : units) {
                hoverAndExpectTip(browser, unit);
            }
            browser.evaluate("1"); // every event sent before this answer has been read

            assertThat(browser.events())
                    .filteredOn(event -> event.get("method").equals("Runtime.exceptionThrown"))
                    .isEmpty();
            assertThat(browser.events())
                    .filteredOn(event -> event.get("method").equals("Runtime.consoleAPICalled"))
                    .extracting(event -> JsonReader.object(event.get("params")).get("type"))
                    .doesNotContain("error", "assert");
            assertThat(browser.events())
                    .filteredOn(event -> event.get("method").equals("Log.entryAdded"))
                    .extracting(event -> JsonReader.object(
                            JsonReader.object(event.get("params")).get("entry")))
                    .noneMatch(entry -> entry.get("level").equals("error"));
            assertThat(browser.events())
                    .filteredOn(event -> event.get("method").equals("Network.requestWillBeSent"))
                    .extracting(event -> JsonReader.object(
                                    JsonReader.object(event.get("params")).get("request"))
                            .get("url"))
                    .containsExactly(url);
        }
    }

    /** Moves the mouse onto a point of the unit's bar that no other bar covers; the tip then names the unit. */
    private static void hoverAndExpectTip(HeadlessChromium browser, Map<String, Object> unit) throws Exception {
        String find = """
                (function () {
                  var bar = Array.from(document.querySelectorAll('.timeline .bar'))
                      .find(function (b) { return b.dataset.unit === %s; });
                  if (!bar) { return 'no bar'; }
                  var r = bar.getBoundingClientRect();
                  var y = r.top + r.height / 2;
                  for (var x = r.left + 0.25; x < r.right; x += 0.25) {
                    if (document.elementFromPoint(x, y) === bar) { return [x, y]; }
                  }
                  return 'covered';
                })()""".formatted(io.github.junitxdist.report.Json.quote((String) unit.get("unit")));
        Object point = browser.evaluate(find);
        assertThat(point)
                .as("a visible point of the bar of %s", unit.get("name"))
                .isInstanceOf(List.class);
        List<Object> xy = JsonReader.array(point);
        browser.call(
                "Input.dispatchMouseEvent",
                "{\"type\":\"mouseMoved\",\"x\":%s,\"y\":%s}".formatted(xy.get(0), xy.get(1)));
        assertThat(browser.evaluate("document.getElementById('tip').hidden")).isEqualTo(false);
        String tip = (String) browser.evaluate("document.getElementById('tip').innerText");
        assertThat(tip)
                .as("the tip over %s", unit.get("name"))
                .contains((String) unit.get("name"))
                .contains(ReportTests.seconds(unit.get("durationMillis")))
                .contains(unit.get("tests") + " tests");
    }
}
