package org.investflow.intake.intention;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.investflow.intake.IntakeTest;
import org.investflow.platform.testkit.TestIssuer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake under a real HTTP load of {@value #RATE} submissions per second, ten times the benchmark's intake rate
 * (about 50/s, BENCHMARKS.md), offered open loop (each request leaves on its schedule, whether or not earlier ones
 * were answered) for {@value #SECONDS} s: every request is answered within the latency budget, either 201 or at
 * 503/429 with Retry-After (the overload shedding of platform/web, at intake's 16 requests in flight); no request times
 * out; every submission answered 201 is there afterwards; the heap after a full collection stays bounded.
 */
@IntakeTest
class OverloadUnderHttpLoadTest {

    private static final Logger LOG = LoggerFactory.getLogger(OverloadUnderHttpLoadTest.class);
    private static final int RATE = 500;
    private static final int SECONDS = 2;
    /** The longest any request may wait for its answer, shed or served, on this shared machine. */
    private static final Duration LATENCY_BUDGET = Duration.ofSeconds(10);
    /** What the heap after a full collection may have grown by over the load (the requests' state must not pile up). */
    private static final long HEAP_GROWTH_BOUND = 64L << 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> INVESTORS = List.of("investor-load-1", "investor-load-2", "investor-load-3",
            "investor-load-4");

    @LocalServerPort
    int port;

    /** One answer: its status, Retry-After header, the case id of a 201, and how long it took. */
    private record Answer(int status, String retryAfter, String caseId, long millis) {
    }

    @Test
    void aLoadOfTenTimesTheBenchmarkRateIsAnsweredWithinBudgetAndNothingAcknowledgedIsLost() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(LATENCY_BUDGET).build();
        Intentions api = new Intentions(port);
        api.submit("investor-load-warm-up");
        long heapBefore = heapAfterGc();

        // tokens and bodies made beforehand: the requests leave on their schedule, not after their making
        List<HttpRequest> submissions = new ArrayList<>();
        List<String> tokens = INVESTORS.stream().map(investor -> TestIssuer.token(investor, "INVESTOR")).toList();
        for (int i = 0; i < RATE * SECONDS; i++) {
            submissions.add(submission(tokens.get(i % tokens.size())));
        }
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        Map<Integer, Long> timeouts = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        long gap = TimeUnit.SECONDS.toNanos(1) / RATE;
        for (int i = 0; i < submissions.size(); i++) {
            LockSupport.parkNanos(started + i * gap - System.nanoTime());
            int request = i;
            long sent = System.nanoTime();
            answers.add(http.sendAsync(submissions.get(i), HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> answer(response, sent))
                    .exceptionally(error -> {
                        timeouts.put(request, System.nanoTime() - sent);
                        return null;
                    }));
        }
        double offered = RATE * SECONDS / (double) Duration.ofNanos(System.nanoTime() - started).toMillis() * 1000;
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(2 * LATENCY_BUDGET.toSeconds(), TimeUnit.SECONDS);
        List<Answer> answered = answers.stream().map(CompletableFuture::join).filter(answer -> answer != null).toList();
        long heapAfter = heapAfterGc();

        List<Answer> created = answered.stream().filter(answer -> answer.status() == 201).toList();
        List<Answer> refused = answered.stream().filter(answer -> answer.status() == 503 || answer.status() == 429).toList();
        List<Long> millis = sorted(answered);
        LOG.info("offered {} req/s for {} s ({} requests): {} created (p50 {} ms, p99 {} ms), {} shed with 503/429 (p50 {} ms, "
                        + "p99 {} ms), {} other, {} unanswered; slowest answer {} ms; heap after GC {} MB before, {} MB after",
                Math.round(offered), SECONDS, answers.size(), created.size(), percentile(sorted(created), 50),
                percentile(sorted(created), 99), refused.size(), percentile(sorted(refused), 50), percentile(sorted(refused), 99),
                answered.size() - created.size() - refused.size(), timeouts.size(), millis.get(millis.size() - 1),
                heapBefore >> 20, heapAfter >> 20);

        assertThat(timeouts).as("requests that timed out or failed without an answer").isEmpty();
        assertThat(created.size() + refused.size()).as("answers other than 201, 503 and 429").isEqualTo(answers.size());
        assertThat(refused).as("refused requests carry Retry-After").allSatisfy(answer -> assertThat(answer.retryAfter()).isNotBlank());
        assertThat(refused).as("the load was over capacity: some requests shed").isNotEmpty();
        assertThat(created).as("the load was served too").isNotEmpty();
        assertThat(millis.get(millis.size() - 1)).as("slowest answer, ms").isLessThanOrEqualTo(LATENCY_BUDGET.toMillis());
        assertThat(created).as("acknowledged submissions still there").allSatisfy(answer ->
                api.as("leader-chen", "LEADER", HttpMethod.GET, "/api/intentions/" + answer.caseId()).exchange()
                        .expectStatus().isOk());
        assertThat(heapAfter - heapBefore).as("growth of the heap after GC, bytes").isLessThan(HEAP_GROWTH_BOUND);
    }

    private HttpRequest submission(String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/intentions")).timeout(LATENCY_BUDGET)
                .header("Content-Type", "application/json").header("Idempotency-Key", "load-" + UUID.randomUUID())
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Intentions.form()))).build();
    }

    private static Answer answer(HttpResponse<String> response, long sent) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
        String caseId = null;
        if (response.statusCode() == 201) {
            JsonNode body = JSON.readTree(response.body());
            caseId = body.path("caseId").asText();
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), caseId, millis);
    }

    /** Heap in use after a full collection (the serial and G1 collectors honour System.gc() unless disabled). */
    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static List<Long> sorted(List<Answer> answers) {
        List<Long> millis = new ArrayList<>(answers.stream().map(Answer::millis).toList());
        Collections.sort(millis);
        return millis;
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }
}
