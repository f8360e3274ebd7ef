package org.investflow.benchmarks;

import java.time.Duration;

/**
 * CPU time used so far by the whole rig: this JVM (services, database server, load driver) and its child
 * processes (the Kafka broker, the issuer). Other work on the machine is not counted, so the CPU time per
 * unit of work stays comparable when the load average is not.
 */
record CpuTime(Duration used) {

    static CpuTime now() {
        ProcessHandle self = ProcessHandle.current();
        Duration children = self.descendants().map(child -> child.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
        return new CpuTime(self.info().totalCpuDuration().orElse(Duration.ZERO).plus(children));
    }

    /** Seconds of CPU used since {@code earlier}. */
    double secondsSince(CpuTime earlier) {
        return (used.toNanos() - earlier.used.toNanos()) / 1e9;
    }
}
