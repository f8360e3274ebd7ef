package org.investflow.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;

/** What the figures were measured on: cores, memory, JVM, OS, load, and the source revision. */
final class Machine {

    private Machine() {
    }

    static void describe(Report report, Path workTree) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        report.figure("revision.commit", git(workTree, "rev-parse", "HEAD"), "git rev-parse HEAD");
        report.figure("revision.uncommittedChanges", !git(workTree, "status", "--porcelain").isEmpty(), "work tree differs from the commit");
        report.figure("machine.cores", Runtime.getRuntime().availableProcessors(), "available processors");
        report.figure("machine.memoryMb", os.getTotalMemorySize() >> 20, "MB physical memory");
        report.figure("machine.os", System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"));
        report.figure("machine.jvm", System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"));
        report.figure("machine.jvmArguments", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()), "this JVM (services, server, load)");
        report.figure("machine.garbageCollectors", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList().toString(), "collectors this JVM runs");
        report.figure("machine.jitCompiler", ManagementFactory.getCompilationMXBean().getName(),
                "C2 runs unless -XX:TieredStopAtLevel < 4 is among the arguments");
        report.fact("machine.maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
        report.figure("machine.loadAverageAtStart", os.getSystemLoadAverage(), "1-min load average: other work on the machine skews every figure");
    }

    /** Heap in use after a full collection: what the data of a phase really takes. */
    static long usedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Garbage collections of this JVM so far, every collector. */
    static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    /** Milliseconds this JVM spent collecting so far, every collector. */
    static long collectionMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /**
     * Milliseconds of CPU this JVM's JIT compiler threads used so far, read from {@code /proc/self/task} (Linux: each
     * thread's user and system ticks, 100 per second); {@code -1} where there is no such directory. A compiler thread that
     * ended (the JVM adds and removes them with the load) no longer counts, so a difference is a lower bound.
     * {@code CompilationMXBean}'s total compilation time is no substitute: it adds up the compiler threads' elapsed time,
     * which on 2 busy cores includes the time they waited for one.
     */
    static long compilerCpuMillis() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                ticks += compilerTicks(thread);
            }
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
        return ticks * 10;
    }

    /** User and system ticks of {@code thread} if it is a compiler thread ({@code C1 CompilerThre…}, {@code C2 …}), else 0. */
    private static long compilerTicks(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm")).strip();
            if (!name.matches("C[12] CompilerThre.*")) {
                return 0;
            }
            String stat = Files.readString(thread.resolve("stat"));
            // after "pid (comm) ": state is field 3; utime and stime are fields 14 and 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException ended) {
            return 0;
        }
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String git(Path workTree, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", workTree.toString()));
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
