package org.investflow.signing.seal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.investflow.signing.contract.ContractTemplate;
import org.investflow.signing.contract.Particulars;

/**
 * How long sealing an executed contract takes, run by hand (not a test): renders the executed contract, seals it and
 * has it time-stamped by a local TSA over HTTP on loopback, {@code n} times after a warm-up, and prints p50 / p99 of
 * rendering + sealing + time-stamp and of sealing + time-stamp alone, with the sealed file's size. Storing in GridFS
 * is not included. Run from the repository root after {@code ./mvnw -pl services/e-signature/e-signature-service test-compile}:
 * <pre>
 * ./mvnw -q -pl services/e-signature/e-signature-service dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp services/e-signature/e-signature-service/target/test-classes:services/e-signature/e-signature-service/target/classes:$(cat /tmp/cp.txt) \
 *      org.investflow.signing.seal.SealingBenchmark 200
 * </pre>
 */
public final class SealingBenchmark {

    private SealingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Instant now = Instant.now();
        CommissionSeal root = CommissionSeal.authority("CN=Benchmark Root CA,C=CN", now, Duration.ofDays(3650));
        CommissionSeal seal = root.issue("CN=Benchmark Seal,C=CN", now, Duration.ofDays(365));
        LocalTimestampAuthority tsa = new LocalTimestampAuthority(root.issueTimestampAuthority("CN=Benchmark TSA,C=CN", now, Duration.ofDays(365)),
                Clock.systemUTC());
        try (LocalTimestampAuthority.Served served = tsa.serve("127.0.0.1", 0)) {
            RemoteTimestampAuthority remote = new RemoteTimestampAuthority(served.url(), Duration.ofSeconds(10));
            SealVerifier verifier = new SealVerifier(root.certificate());
            for (int i = 0; i < Math.max(20, n / 10); i++) {
                sealOnce(seal, remote);
            }
            long[] total = new long[n];
            long[] sealing = new long[n];
            int size = 0;
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                byte[] contract = ContractTemplate.executed(Particulars.agreed(), "a".repeat(64), Particulars.signatures()).bytes();
                long rendered = System.nanoTime();
                byte[] sealed = ContractSealer.seal(contract, seal, Instant.now(), "Chongqing, CN", remote);
                long end = System.nanoTime();
                total[i] = end - start;
                sealing[i] = end - rendered;
                size = sealed.length;
                if (i == 0 && !verifier.verify(sealed).valid()) {
                    throw new IllegalStateException("the benchmark's seal does not verify");
                }
            }
            System.out.printf("%d seals, %d cores, 1-minute load average at the end %s%n", n, Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("render + seal + time-stamp: p50 %.1f ms, p99 %.1f ms, mean %.1f ms%n", percentile(total, 50), percentile(total, 99),
                    Arrays.stream(total).average().orElse(0) / 1e6);
            System.out.printf("seal + time-stamp:          p50 %.1f ms, p99 %.1f ms, mean %.1f ms%n", percentile(sealing, 50),
                    percentile(sealing, 99), Arrays.stream(sealing).average().orElse(0) / 1e6);
            System.out.printf("executed PDF size: %d bytes (the tests' particulars)%n", size);
        }
    }

    private static void sealOnce(CommissionSeal seal, SignatureTimestamper tsa) {
        ContractSealer.seal(ContractTemplate.executed(Particulars.agreed(), "a".repeat(64), Particulars.signatures()).bytes(), seal, Instant.now(),
                "Chongqing, CN", tsa);
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
