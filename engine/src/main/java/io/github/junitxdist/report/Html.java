package io.github.junitxdist.report;

import static io.github.junitxdist.report.Summary.percent;
import static io.github.junitxdist.report.Summary.seconds;
import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.report.RunReport.UnitRun;
import io.github.junitxdist.report.RunReport.WorkerRow;
import io.github.junitxdist.report.RunReport.WorkerStart;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code xdist-report.html}: one self-contained page (inline CSS and script, no fonts, images or requests) with the
 * run's timeline, a row per worker and a bar per run of a unit, coloured by outcome, serial units outlined, worker
 * start-up hatched grey, the time a unit was held back by a resource lock while a worker waited for it as an amber
 * hatched strip along the bottom of its worker's row, up to the unit's bar; idle time left blank; hovering a bar shows the unit, its worker, tests and duration in the
 * {@code #tip} element. The summary table, what the isolation check found (if it ran) and every unit follow. The bars are laid out here, so the page shows them
 * without its script; the script only fills the tip. Pure.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Html {

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
            h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.5em}
            .timeline{position:relative;margin:1em 0 0.5em 4em}
            .row{position:relative;height:26px;margin:3px 0;background:#f3f3f3}
            .row .label{position:absolute;left:-4em;width:3.6em;text-align:right;top:4px;font-family:monospace}
            .bar{position:absolute;top:2px;bottom:2px;min-width:2px;box-sizing:border-box;border-right:1px solid #fff;cursor:default}
            .bar.passed{background:#3a9d5d}.bar.failed{background:#d33c3c}.bar.lost{background:#7a1f1f}
            .bar.aborted{background:#e0a030}.bar.skipped{background:#9aa0a6}
            .bar.serial{outline:2px solid #1f4fbf;outline-offset:-2px}
            .bar:hover{filter:brightness(1.2)}
            .startup{position:absolute;top:8px;bottom:8px;background:repeating-linear-gradient(45deg,#bbb 0 3px,#eee 3px 6px)}
            .wait{position:absolute;top:18px;bottom:0;z-index:1;background:repeating-linear-gradient(-45deg,#e0a030 0 3px,#fff3dc 3px 6px)}
            .axis{position:relative;height:1.4em;color:#666;font-size:12px}
            .axis span{position:absolute}
            #tip{position:fixed;pointer-events:none;background:#222;color:#fff;padding:6px 8px;border-radius:4px;font-size:13px;max-width:40em;z-index:9}
            #tip[hidden]{display:none}
            table{border-collapse:collapse;margin-top:0.5em}
            td,th{padding:2px 10px;text-align:right;border-bottom:1px solid #ddd}
            td:first-child,th:first-child,td.name,th.name{text-align:left}
            td.verdict{white-space:nowrap}
            .legend span{display:inline-block;width:1em;height:1em;vertical-align:middle;margin:0 4px 0 12px}
            """;

    private static final String SCRIPT = """
            (function () {
              var tip = document.getElementById('tip');
              function show(event) {
                var bar = event.target.closest('.bar');
                if (!bar) { return; }
                var d = bar.dataset;
                tip.textContent = '';
                var title = document.createElement('b');
                title.className = 'tip-name';
                title.textContent = d.name;
                tip.appendChild(title);
                var lines = [d.worker + ', ' + d.start + ' to ' + d.end + ', ' + d.duration, d.tests];
                if (d.serial === 'true') { lines.push('serial'); }
                if (d.lockWait) { lines.push('waited ' + d.lockWait + ' for a lock before it'); }
                if (d.failures) { lines.push('failed: ' + d.failures); }
                lines.forEach(function (text) {
                  var line = document.createElement('div');
                  line.textContent = text;
                  tip.appendChild(line);
                });
                tip.hidden = false;
                move(event);
              }
              function move(event) {
                tip.style.left = Math.min(event.clientX + 12, window.innerWidth - tip.offsetWidth - 4) + 'px';
                tip.style.top = (event.clientY + 16) + 'px';
              }
              document.querySelectorAll('.bar').forEach(function (bar) {
                bar.addEventListener('mouseover', show);
                bar.addEventListener('mousemove', move);
                bar.addEventListener('mouseout', function () { tip.hidden = true; });
              });
            })();
            """;

    private Html() {}

    /** The report as a page. */
    public static String of(RunReport report) {
        Figures figures = report.figures();
        StringBuilder html = new StringBuilder(4096 + 512 * report.runs().size());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>junit-xdist report</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(Summary.lines(report, null).get(0))).append("</h1>\n");
        html.append("<p class=\"figures\">wall ")
                .append(seconds(figures.wallMillis()))
                .append(", work ")
                .append(seconds(figures.workMillis()))
                .append(", lower bound ")
                .append(seconds(figures.lowerBoundMillis()))
                .append(" (")
                .append(escape(Summary.bindingTerm(figures)))
                .append("), efficiency ")
                .append(percent(figures.efficiency()))
                .append(". Workers: ")
                .append(escape(report.reason().replaceFirst("^junit-xdist: ", "")))
                .append("</p>\n");
        legend(html);
        timeline(html, report);
        html.append("<div id=\"tip\" role=\"tooltip\" hidden></div>\n");
        workers(html, report);
        isolation(html, report);
        units(html, report);
        return html.append("<script>\n")
                .append(SCRIPT)
                .append("</script>\n</body>\n</html>\n")
                .toString();
    }

    private static void legend(StringBuilder html) {
        html.append("<p class=\"legend\">");
        for (var outcome : RunReport.Outcome.values()) {
            html.append("<span class=\"bar-key ")
                    .append(outcome.key())
                    .append("\" style=\"background:")
                    .append(colour(outcome))
                    .append("\"></span>")
                    .append(outcome.key());
        }
        html.append("<span style=\"outline:2px solid #1f4fbf\"></span>serial")
                .append("<span style=\"background:repeating-linear-gradient(45deg,#bbb 0 3px,#eee 3px 6px)\"></span>")
                .append("worker start-up")
                .append("<span style=\"background:repeating-linear-gradient(-45deg,#e0a030 0 3px,#fff3dc 3px 6px)\">")
                .append("</span>lock wait; blank: idle</p>\n");
    }

    private static void timeline(StringBuilder html, RunReport report) {
        long span = Math.max(1, report.wallMillis());
        html.append("<div class=\"timeline\">\n<div class=\"axis\">");
        for (int tick = 0; tick <= 4; tick++) {
            // The first label starts at the left edge, the last ends at the right one, the others are centred.
            String shift = tick == 0 ? "0" : tick == 4 ? "-100%" : "-50%";
            html.append("<span style=\"left:%d%%;transform:translateX(%s)\">%s</span>"
                    .formatted(tick * 25, shift, seconds(span * tick / 4)));
        }
        html.append("</div>\n");
        for (Map.Entry<String, List<UnitRun>> worker : report.byWorker().entrySet()) {
            html.append("<div class=\"row\" data-worker=\"")
                    .append(escape(worker.getKey()))
                    .append("\"><span class=\"label\">")
                    .append(escape(worker.getKey()))
                    .append("</span>");
            for (WorkerStart start : report.starts()) {
                if (start.worker().equals(worker.getKey())) {
                    long from = Math.max(0, start.atMillis());
                    long to = Math.max(from, start.readyMillis());
                    html.append("<div class=\"startup\" style=\"%s\"></div>".formatted(position(from, to, span)));
                }
            }
            for (UnitRun run : worker.getValue()) {
                if (run.lockWaitMillis() > 0) {
                    html.append("<div class=\"wait\" style=\"%s\" title=\"waited %s for a lock\"></div>"
                            .formatted(
                                    position(run.startMillis() - run.lockWaitMillis(), run.startMillis(), span),
                                    seconds(run.lockWaitMillis())));
                }
                bar(html, run, span);
            }
            html.append("</div>\n");
        }
        html.append("</div>\n");
    }

    private static void bar(StringBuilder html, UnitRun run, long span) {
        html.append("<div class=\"bar ")
                .append(run.outcome().key())
                .append(run.serial() ? " serial" : "")
                .append("\" style=\"")
                .append(position(run.startMillis(), run.endMillis(), span))
                .append("\" data-name=\"")
                .append(escape(run.name()))
                .append("\" data-unit=\"")
                .append(escape(run.uniqueId()))
                .append("\" data-worker=\"")
                .append(escape(String.valueOf(run.worker())))
                .append("\" data-start=\"")
                .append(seconds(run.startMillis()))
                .append("\" data-end=\"")
                .append(seconds(run.endMillis()))
                .append("\" data-duration=\"")
                .append(seconds(run.durationMillis()))
                .append("\" data-duration-millis=\"")
                .append(run.durationMillis())
                .append("\" data-tests=\"")
                .append(escape(tests(run)))
                .append("\" data-serial=\"")
                .append(run.serial())
                .append("\" data-lock-wait=\"")
                .append(run.lockWaitMillis() > 0 ? seconds(run.lockWaitMillis()) : "")
                .append("\" data-failures=\"")
                .append(escape(String.join(", ", run.failures())))
                .append("\"></div>");
    }

    private static void workers(StringBuilder html, RunReport report) {
        html.append("<h2>Workers</h2>\n<table class=\"workers\">\n<tr><th>worker</th><th>units</th><th>tests</th>")
                .append("<th>busy</th><th>idle</th><th>utilisation</th><th>start-up</th></tr>\n");
        for (WorkerRow row : report.workerRows()) {
            html.append("<tr><td>%s</td><td>%d</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n"
                    .formatted(
                            escape(row.worker()),
                            row.units(),
                            row.tests(),
                            seconds(row.busyMillis()),
                            seconds(row.idleMillis()),
                            percent(row.utilisation(report.wallMillis())),
                            seconds(row.startupMillis())));
        }
        html.append("</table>\n");
    }

    private static void isolation(StringBuilder html, RunReport report) {
        if (report.isolation().isEmpty()) {
            return;
        }
        html.append("<h2>Failed tests run alone</h2>\n<p>With xdist.isolate=failures each test that failed ran again")
                .append(" alone on a fresh worker after the run; for one that passes alone, its worker's order was")
                .append(" bisected for the units that make it fail. The outcomes reported stay those of the run.</p>\n")
                .append("<table class=\"isolation\">\n<tr><th>test</th><th>worker</th><th>verdict</th>")
                .append("<th class=\"name\">found</th><th>runs</th></tr>\n");
        for (IsolationCheck check : report.isolation()) {
            html.append(
                    "<tr><td class=\"name\">%s</td><td>%s</td><td class=\"verdict\">%s</td><td class=\"name\">%s</td><td>%d</td></tr>\n"
                            .formatted(
                                    escape(check.name()),
                                    check.worker() == null ? "" : escape(check.worker()),
                                    escape(check.verdict().key()),
                                    escape(check.describe()),
                                    check.runs()));
        }
        html.append("</table>\n");
    }

    private static void units(StringBuilder html, RunReport report) {
        html.append("<h2>Units</h2>\n<table class=\"units\">\n<tr><th>unit</th><th>worker</th><th>start</th>")
                .append("<th>lock wait</th><th>duration</th><th>tests</th><th>outcome</th></tr>\n");
        for (UnitRun run : report.runs()) {
            html.append(("<tr><td class=\"name\">%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%d</td>"
                            + "<td>%s</td></tr>\n")
                    .formatted(
                            escape(run.name()),
                            run.worker() == null ? "not run" : escape(run.worker()),
                            run.worker() == null ? "" : seconds(run.startMillis()),
                            run.lockWaitMillis() > 0 ? seconds(run.lockWaitMillis()) : "",
                            seconds(run.durationMillis()),
                            run.tests(),
                            run.outcome().key()));
        }
        html.append("</table>\n");
    }

    private static String tests(UnitRun run) {
        StringBuilder text = new StringBuilder().append(run.tests()).append(run.tests() == 1 ? " test" : " tests");
        String separator = ": ";
        for (var count : List.of(
                Map.entry("passed", run.passed()),
                Map.entry("failed", run.failed()),
                Map.entry("aborted", run.aborted()),
                Map.entry("skipped", run.skipped()))) {
            if (count.getValue() > 0) {
                text.append(separator).append(count.getValue()).append(' ').append(count.getKey());
                separator = ", ";
            }
        }
        return text.toString();
    }

    private static String position(long from, long to, long span) {
        double left = 100.0 * Math.max(0, from) / span;
        double width = 100.0 * Math.max(0, to - Math.max(0, from)) / span;
        return String.format(Locale.ROOT, "left:%.3f%%;width:%.3f%%", left, Math.min(width, 100 - left));
    }

    private static String colour(RunReport.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "#3a9d5d";
            case FAILED -> "#d33c3c";
            case LOST -> "#7a1f1f";
            case ABORTED -> "#e0a030";
            case SKIPPED -> "#9aa0a6";
        };
    }

    /** Text for HTML content and quoted attributes. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
