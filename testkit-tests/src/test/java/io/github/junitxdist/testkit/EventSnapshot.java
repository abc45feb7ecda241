package io.github.junitxdist.testkit;

import static java.util.stream.Collectors.joining;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.ValueWrapper;

/**
 * An engine-independent picture of an event stream, so that the events of {@code xdist} and of plain Jupiter can be
 * compared.
 *
 * <p>Every event becomes one line: its type, the unique id with the engine segment stripped, and what the event says
 * (descriptor type, display names, source and tags; skip reason; status and throwables; report entry key/values; file
 * entry file name and media type). Throwables are described through {@code toString()} and {@code getMessage()},
 * recursively for causes and suppressed, plus the expected/actual string forms of an {@code AssertionFailedError};
 * never through their class, which need not survive a process boundary. Timestamps, stack traces and file locations
 * are left out because they legitimately differ between engines.
 *
 * <p>Worker events arrive concurrently, so comparisons are either order-free ({@link #lines()}, a multiset) or
 * per unique id ({@link #linesById()}, where the order of one node's own events is deterministic).
 */
final class EventSnapshot {

    private final List<Event> events;
    private final List<String> lines;

    private EventSnapshot(List<Event> events) {
        this.events = List.copyOf(events);
        this.lines = this.events.stream().map(EventSnapshot::describe).toList();
    }

    static EventSnapshot of(EngineExecutionResults results) {
        return new EventSnapshot(results.allEvents().list());
    }

    /** Every event as one line, in arrival order; compare as a multiset. */
    List<String> lines() {
        return lines;
    }

    /** The lines of each node, keyed by engine-relative unique id, each list in arrival order. */
    Map<String, List<String>> linesById() {
        Map<String, List<String>> byId = new TreeMap<>();
        for (int i = 0; i < events.size(); i++) {
            byId.computeIfAbsent(relativeId(events.get(i)), id -> new ArrayList<>())
                    .add(lines.get(i));
        }
        return byId;
    }

    /**
     * Only which nodes were registered, skipped, started and finished, with their statuses: what a selection
     * decides.
     */
    List<String> outcomes() {
        List<String> outcomes = new ArrayList<>();
        for (Event event : events) {
            String id = relativeId(event);
            switch (event.getType()) {
                case DYNAMIC_TEST_REGISTERED, STARTED, SKIPPED -> outcomes.add(event.getType() + " " + id);
                case FINISHED ->
                    outcomes.add("FINISHED " + id + " "
                            + event.getRequiredPayload(TestExecutionResult.class)
                                    .getStatus());
                default -> {
                    // report and file entries say nothing about what was selected
                }
            }
        }
        return outcomes;
    }

    /** Engine-relative ids of the tests (not containers) that finished, with their status. */
    List<String> finishedTests() {
        return events.stream()
                .filter(event -> event.getType() == EventType.FINISHED
                        && event.getTestDescriptor().isTest())
                .map(event -> relativeId(event) + " "
                        + event.getRequiredPayload(TestExecutionResult.class).getStatus())
                .sorted()
                .toList();
    }

    List<Event> events() {
        return events;
    }

    /** {@code [engine:xdist]/[class:A]/[method:m()]} becomes {@code /[class:A]/[method:m()]}; the engine itself "". */
    static String relativeId(UniqueId uniqueId) {
        String id = uniqueId.toString();
        int firstSegmentEnd = id.indexOf("]/[");
        return firstSegmentEnd < 0 ? "" : id.substring(firstSegmentEnd + 1);
    }

    static String relativeId(Event event) {
        return relativeId(event.getTestDescriptor().getUniqueId());
    }

    private static String describe(Event event) {
        String head = event.getType() + " " + relativeId(event) + " | ";
        return head
                + switch (event.getType()) {
                    case DYNAMIC_TEST_REGISTERED, STARTED -> describe(event.getTestDescriptor());
                    case SKIPPED -> "reason=" + event.getPayload(String.class).orElse("<none>");
                    case FINISHED -> describe(event.getRequiredPayload(TestExecutionResult.class));
                    case REPORTING_ENTRY_PUBLISHED ->
                        "entry="
                                + new TreeMap<>(event.getRequiredPayload(ReportEntry.class)
                                        .getKeyValuePairs());
                    case FILE_ENTRY_PUBLISHED -> describe(event.getRequiredPayload(FileEntry.class));
                };
    }

    private static String describe(TestDescriptor descriptor) {
        boolean engine = descriptor.getUniqueId().getSegments().size() == 1;
        Set<String> tags = new TreeSet<>();
        for (TestTag tag : descriptor.getTags()) {
            tags.add(tag.getName());
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("type", descriptor.getType());
        // The engine's own name legitimately differs ("JUnit Jupiter" vs ours); everything below it must not.
        parts.put("displayName", engine ? "<engine>" : quote(descriptor.getDisplayName()));
        parts.put("legacyName", engine ? "<engine>" : quote(descriptor.getLegacyReportingName()));
        parts.put(
                "parent",
                descriptor.getParent().map(p -> relativeId(p.getUniqueId())).orElse("<none>"));
        parts.put("source", descriptor.getSource().map(Object::toString).orElse("<none>"));
        parts.put("tags", tags);
        return parts.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(joining(" "));
    }

    private static String describe(TestExecutionResult result) {
        return "status=" + result.getStatus() + " throwable="
                + result.getThrowable().map(EventSnapshot::describe).orElse("<none>");
    }

    private static String describe(FileEntry entry) {
        return "file=" + entry.getPath().getFileName() + " mediaType="
                + entry.getMediaType().orElse("<none>");
    }

    /**
     * Describes a throwable by its string forms, recursively; {@code instanceof AssertionError} is kept because
     * build tools count failures and errors by it.
     */
    static String describe(Throwable throwable) {
        return describe(throwable, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static String describe(Throwable throwable, Set<Throwable> seen) {
        if (!seen.add(throwable)) {
            return "<circular " + throwable + ">";
        }
        StringBuilder text = new StringBuilder("{").append(quote(throwable.toString()));
        text.append(" message=").append(quote(throwable.getMessage()));
        text.append(" assertionError=").append(throwable instanceof AssertionError);
        if (throwable instanceof AssertionFailedError failed) {
            text.append(" expected=")
                    .append(failed.isExpectedDefined() ? stringForm(failed.getExpected()) : "<undefined>");
            text.append(" actual=").append(failed.isActualDefined() ? stringForm(failed.getActual()) : "<undefined>");
        }
        if (throwable.getCause() != null) {
            text.append(" cause=").append(describe(throwable.getCause(), seen));
        }
        for (Throwable suppressed : throwable.getSuppressed()) {
            text.append(" suppressed=").append(describe(suppressed, seen));
        }
        return text.append('}').toString();
    }

    private static String stringForm(ValueWrapper value) {
        return quote(value.getStringRepresentation());
    }

    private static String quote(String text) {
        return text == null ? "<null>" : '"' + text + '"';
    }
}
