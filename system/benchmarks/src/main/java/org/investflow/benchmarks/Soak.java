package org.investflow.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.investflow.devstack.CaseJourney;
import org.investflow.devstack.ConsumerLag;
import org.investflow.devstack.Service;

/**
 * {@code ./investflow soak [--minutes=N]}: the system as the benchmark runs it ({@link Rig}: broker, issuer, mail
 * server and the database server beside the four services in this JVM) under a steady mix of journeys for N minutes
 * (default {@value #DEFAULT_MINUTES}, at most {@value #MAX_MINUTES}): {@value #DRIVERS} investors at a time take
 * their cases from intention to LANDED through every service, every {@value #DECLINE_EVERY}th with the first
 * contract declined and negotiated again, while leadership reads the funnel every {@value #FUNNEL_SECONDS} s. Every
 * minute it prints the heap after a full collection, the open connections (the services' MongoDB pools by their
 * metrics, this JVM's established connections to the broker, and every socket it holds), the consumer lag of every
 * group and the latency of the minute's steps (p50, p99); at the end, what drifted from the first minute to the last. A leak shows as a heap or
 * connection count that keeps climbing; a consumer that cannot keep up, as a lag that does.
 *
 * <p>The database server keeps its data in this JVM's heap, so the heap grows with the cases stored; the summary
 * gives that growth per case beside the total.
 */
public final class Soak {

    static final int DEFAULT_MINUTES = 10;
    static final int MAX_MINUTES = 60;
    private static final int DRIVERS = 2;
    private static final int DECLINE_EVERY = 4;
    private static final int FUNNEL_SECONDS = 2;
    private static final List<String> INVESTORS = List.of("investor-de-1", "investor-us-1");
    /** The state column of an established connection in /proc/net/tcp. */
    private static final String ESTABLISHED = "01";

    /** One minute's figures. */
    record Minute(int minute, long heapMb, long mongoPool, long kafkaConnections, long sockets, long lag, long p50Ms,
                  long p99Ms, int landed, int failed, int casesSoFar, double load) {

        String line() {
            return String.format("minute %2d: heap after GC %4d MB | connections: mongo pool %3d, kafka %3d, sockets %4d | "
                            + "consumer lag %4d | step latency p50 %5d ms, p99 %6d ms | journeys landed %3d, failed %d | load %.1f",
                    minute, heapMb, mongoPool, kafkaConnections, sockets, lag, p50Ms, p99Ms, landed, failed, load);
        }
    }

    private final Rig rig;
    private final Consumer<String> out;
    private final Recorder latency = new Recorder(3);
    private final AtomicInteger landed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger cases = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Soak(Rig rig, Consumer<String> out) {
        this.rig = rig;
        this.out = out;
    }

    public static void main(String[] args) {
        int minutes = Stream.of(args).filter(arg -> arg.startsWith("--minutes="))
                .map(arg -> Integer.parseInt(arg.substring("--minutes=".length()))).findFirst().orElse(DEFAULT_MINUTES);
        if (minutes < 1 || minutes > MAX_MINUTES) {
            System.err.println("--minutes must be between 1 and " + MAX_MINUTES);
            System.exit(2);
        }
        Path target = Path.of(System.getProperty("benchmarks.target", "system/benchmarks/target"));
        Path kafkaClasspath = Path.of(System.getProperty("kafka.classpath.file", "system/kafka-broker/target/kafka-classpath.txt"));
        Path issuerJar = Path.of(System.getProperty("identity.jar", "system/identity/target/platform-identity-0.1.0-SNAPSHOT-exec.jar"));
        System.out.println("starting Kafka, the issuer, the MongoDB-wire server, the mail server and the four services ...");
        try (Rig rig = Rig.start(target.resolve("soak-run"), kafkaClasspath, issuerJar)) {
            Runtime.getRuntime().addShutdownHook(new Thread(rig::close, "soak-stop"));
            System.out.printf("soak of %d min: %d journeys at a time (every %dth declined once), the funnel read every %d s; "
                    + "load average %.2f%n", minutes, DRIVERS, DECLINE_EVERY, FUNNEL_SECONDS, Machine.loadAverage());
            new Soak(rig, System.out::println).run(Duration.ofMinutes(minutes));
        }
        System.exit(0);
    }

    private void run(Duration length) {
        long end = System.nanoTime() + length.toNanos();
        ExecutorService drivers = Executors.newFixedThreadPool(DRIVERS + 1);
        for (int driver = 0; driver < DRIVERS; driver++) {
            String investor = INVESTORS.get(driver % INVESTORS.size());
            drivers.submit(() -> journeys(investor, end));
        }
        drivers.submit(() -> funnelReads(end));
        List<Minute> minutes = new ArrayList<>();
        Histogram interval = null;
        for (int minute = 1; System.nanoTime() < end; minute++) {
            long minuteEnd = Math.min(end, System.nanoTime() + TimeUnit.MINUTES.toNanos(1));
            sleepUntil(minuteEnd);
            interval = latency.getIntervalHistogram(interval);
            Minute figures = sample(minute, interval);
            minutes.add(figures);
            out.accept(figures.line());
        }
        drivers.shutdownNow();
        try {
            drivers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.accept(drift(minutes));
    }

    private void journeys(String investor, long end) {
        for (int i = 0; System.nanoTime() < end && !Thread.currentThread().isInterrupted(); i++) {
            CaseJourney journey = new CaseJourney(rig.services(), rig.tokens(), investor, "officer-li", rig.mailbox(), line -> { });
            if (i % DECLINE_EVERY == DECLINE_EVERY - 1) {
                journey = journey.withFirstContractDeclined();
            }
            try {
                cases.incrementAndGet();
                journey.run();
                landed.incrementAndGet();
            } catch (RuntimeException e) {
                if (System.nanoTime() >= end || Thread.currentThread().isInterrupted()) {
                    return; // cut short by the soak's end, not failed
                }
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, e.toString());
            }
            journey.stepMillis().values().forEach(this::record);
        }
    }

    private void funnelReads(long end) {
        URI funnel = rig.services().get(Service.PROJECT_TRACKING).resolve("/api/pipeline/funnel");
        while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
            long next = System.nanoTime() + TimeUnit.SECONDS.toNanos(FUNNEL_SECONDS);
            long start = System.nanoTime();
            HttpResponse<String> read = send(HttpRequest.newBuilder(funnel).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + rig.token("leader-chen")).GET().build());
            if (read != null && read.statusCode() == 200) {
                record(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
            sleepUntil(next);
        }
    }

    private void record(long millis) {
        latency.recordValue(Math.max(0, millis));
    }

    private Minute sample(int minute, Histogram interval) {
        long heap = heapAfterGc() >> 20;
        long mongoPool = 0;
        for (URI base : rig.services().values()) {
            HttpResponse<String> scrape = send(HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(30)).GET().build());
            String metrics = scrape == null ? "" : scrape.body();
            mongoPool += sum(metrics, "mongodb_driver_pool_size");
        }
        long kafka = connectionsTo(URI.create("kafka://" + rig.bootstrapServers()).getPort());
        long lag;
        try {
            lag = ConsumerLag.total(rig.bootstrapServers());
        } catch (Exception e) {
            lag = -1;
        }
        Minute figures = new Minute(minute, heap, mongoPool, kafka, sockets(), lag,
                interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(50),
                interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99), landed.getAndSet(0), failed.getAndSet(0),
                cases.get(), Machine.loadAverage());
        return figures;
    }

    /** What changed from the first minute to the last, and the heap's trend over the minutes after the first. */
    private String drift(List<Minute> minutes) {
        if (minutes.isEmpty()) {
            return "no full minute ran";
        }
        Minute first = minutes.get(0);
        Minute last = minutes.get(minutes.size() - 1);
        int landedTotal = minutes.stream().mapToInt(Minute::landed).sum();
        int failedTotal = minutes.stream().mapToInt(Minute::failed).sum();
        long maxLag = minutes.stream().mapToLong(Minute::lag).max().orElse(0);
        List<Minute> settled = minutes.size() > 2 ? minutes.subList(1, minutes.size()) : minutes;
        double slope = slopeMbPerMinute(settled);
        int casesGrown = last.casesSoFar() - settled.get(0).casesSoFar();
        String perCase = casesGrown <= 0 ? "n/a" : String.format("%.1f KB", (last.heapMb() - settled.get(0).heapMb()) * 1024.0 / casesGrown);
        return String.format("drift over %d min: heap after GC %d → %d MB (trend %+.1f MB/min from minute %d; per case stored %s, "
                        + "the database's data included) | mongo pool %d → %d, kafka connections %d → %d, sockets %d → %d | consumer "
                        + "lag max %d, last %d | step p50 %d → %d ms, p99 %d → %d ms | journeys landed %d, failed %d%s",
                minutes.size(), first.heapMb(), last.heapMb(), slope, settled.get(0).minute(), perCase, first.mongoPool(),
                last.mongoPool(), first.kafkaConnections(), last.kafkaConnections(), first.sockets(), last.sockets(), maxLag,
                last.lag(), first.p50Ms(), last.p50Ms(), first.p99Ms(), last.p99Ms(), landedTotal, failedTotal,
                firstFailure.get() == null ? "" : " (first failure: " + firstFailure.get() + ")");
    }

    /** The least-squares slope of heap after GC over the minutes. */
    static double slopeMbPerMinute(List<Minute> minutes) {
        int n = minutes.size();
        if (n < 2) {
            return 0;
        }
        double meanX = minutes.stream().mapToInt(Minute::minute).average().orElse(0);
        double meanY = minutes.stream().mapToLong(Minute::heapMb).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Minute minute : minutes) {
            covariance += (minute.minute() - meanX) * (minute.heapMb() - meanY);
            variance += (minute.minute() - meanX) * (minute.minute() - meanX);
        }
        return covariance / variance;
    }

    /** The sum of every sample of {@code metric} (all its label sets) in a Prometheus text exposition. */
    static long sum(String exposition, String metric) {
        double total = 0;
        for (String line : exposition.lines().toList()) {
            if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(total);
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** This JVM's established TCP connections to {@code port} on any address (Linux: /proc/self/net/tcp{,6}); -1 elsewhere. */
    static long connectionsTo(int port) {
        long connections = 0;
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            try (Stream<String> lines = Files.lines(Path.of(table))) {
                connections += lines.skip(1).map(line -> line.trim().split("\\s+"))
                        .filter(columns -> columns.length > 3 && ESTABLISHED.equals(columns[3])
                                && Integer.parseInt(columns[2].substring(columns[2].indexOf(':') + 1), 16) == port)
                        .count();
            } catch (IOException e) {
                return -1;
            }
        }
        return connections;
    }

    /** Sockets this JVM holds open (Linux: its file descriptors that are sockets); -1 elsewhere. */
    private static long sockets() {
        Path descriptors = Path.of("/proc/self/fd");
        if (!Files.isDirectory(descriptors)) {
            return -1;
        }
        try (Stream<Path> open = Files.list(descriptors)) {
            return open.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException closedMeanwhile) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The answer, or null when there was none. */
    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
