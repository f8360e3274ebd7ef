package org.investflow.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a window's CPU went: this JVM's Java threads by name (digits folded, so a pool is one line), its JIT compiler
 * threads, the rest of it (garbage collection and the VM's own threads), and its child processes (the Kafka broker, the
 * issuer). JFR's samples cannot say it on an oversubscribed machine: they count a thread that waits for a core as
 * running Java code, so their shares follow wall time. A thread that ended inside the window is not counted (its line
 * is a lower bound) and the VM's line takes the difference.
 */
final class ThreadCpu {

    static final String COMPILER = "JIT compiler threads";
    static final String VM = "GC and other VM threads";
    static final String CHILDREN = "broker and issuer (child processes)";

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** CPU used so far: by Java thread id (with its folded name), by the compiler, by the process and by its children. */
    record Snapshot(Map<Long, Long> nanosById, Map<Long, String> groupById, long compilerMillis, Duration process, Duration children) {
    }

    static Snapshot now() {
        Map<Long, String> groups = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            groups.put(thread.getId(), thread.getName().replaceAll("\\d+", "N"));
        }
        long[] ids = groups.keySet().stream().mapToLong(Long::longValue).toArray();
        long[] nanos = THREADS.getThreadCpuTime(ids);
        Map<Long, Long> byId = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (nanos[i] >= 0) {
                byId.put(ids[i], nanos[i]);
            }
        }
        ProcessHandle self = ProcessHandle.current();
        Duration children = self.descendants().map(child -> child.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
        return new Snapshot(byId, groups, Machine.compilerCpuMillis(), self.info().totalCpuDuration().orElse(Duration.ZERO), children);
    }

    /** Milliseconds of CPU by group since {@code before}, the largest first. */
    static Map<String, Double> since(Snapshot before) {
        Snapshot after = now();
        Map<String, Double> millis = new HashMap<>();
        double javaMillis = 0;
        for (Map.Entry<Long, Long> thread : after.nanosById().entrySet()) {
            double used = (thread.getValue() - before.nanosById().getOrDefault(thread.getKey(), 0L)) / 1e6;
            millis.merge(after.groupById().get(thread.getKey()), used, Double::sum);
            javaMillis += used;
        }
        double compiler = Math.max(0, after.compilerMillis() - before.compilerMillis());
        double process = after.process().minus(before.process()).toNanos() / 1e6;
        millis.put(COMPILER, compiler);
        millis.put(VM, Math.max(0, process - javaMillis - compiler));
        millis.put(CHILDREN, Math.max(0, after.children().minus(before.children()).toNanos() / 1e6));
        return millis.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** The milliseconds of CPU of every group together: the whole rig's. */
    static double total(Map<String, Double> millis) {
        return millis.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The {@code limit} largest groups as "name 0.123 ms", each divided by {@code units} (records, submissions). */
    static String perUnit(Map<String, Double> millis, long units, int limit) {
        return millis.entrySet().stream().limit(limit)
                .map(group -> String.format(java.util.Locale.ROOT, "%s %.3f ms", group.getKey(), group.getValue() / Math.max(1, units)))
                .collect(Collectors.joining(", "));
    }
}
