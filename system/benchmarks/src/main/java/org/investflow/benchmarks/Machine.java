package org.investflow.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    /** Milliseconds this JVM's JIT compiler threads spent compiling so far. */
    static long compilationMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
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
