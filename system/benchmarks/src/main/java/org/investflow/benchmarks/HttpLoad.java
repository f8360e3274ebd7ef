package org.investflow.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import io.netty.buffer.Unpooled;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A closed-loop HTTP load: {@code concurrency} requests in flight at all times over as many
 * keep-alive connections (Reactor Netty, non-blocking, so the load generator spends little of the
 * two cores), bounded by a request count and a time limit; every response time goes into an
 * HdrHistogram (successful responses only; failures, timeouts included as status -1, are counted by
 * status). Warm-up requests run first and are not recorded.
 */
final class HttpLoad implements AutoCloseable {

    /** One request to send: method POST with {@code body}, or GET when the body is null. */
    record Call(String path, Map<String, String> headers, String body) {
    }

    /** What one measurement saw. */
    record Outcome(long ok, long failed, Map<Integer, Long> statuses, double seconds, Histogram micros, long warmupOk) {

        double perSecond() {
            return ok / seconds;
        }

        double millis(double percentile) {
            return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final ConnectionProvider connections;
    private final HttpClient client;
    private final int concurrency;
    private final Duration responseTimeout;

    HttpLoad(URI base, int concurrency) {
        this(base, concurrency, Duration.ofSeconds(30));
    }

    HttpLoad(URI base, int concurrency, Duration responseTimeout) {
        this.concurrency = concurrency;
        this.responseTimeout = responseTimeout;
        this.connections = ConnectionProvider.builder("bench-" + base.getPort()).maxConnections(concurrency)
                .pendingAcquireMaxCount(-1).build();
        this.client = HttpClient.create(connections).baseUrl(base.toString()).responseTimeout(responseTimeout);
    }

    /** Sends {@code warmup} unrecorded calls, then up to {@code requests} recorded ones within {@code limit}. */
    Outcome run(int warmup, int requests, Duration limit, IntFunction<Call> calls) {
        return run(warmup, limit, requests, limit, calls);
    }

    /**
     * Sends up to {@code warmup} unrecorded calls within {@code warmupLimit}, then up to {@code requests} recorded ones
     * within {@code limit}.
     */
    Outcome run(int warmup, Duration warmupLimit, int requests, Duration limit, IntFunction<Call> calls) {
        Histogram warmupMicros = new ConcurrentHistogram(3);
        AtomicLong warmupFailed = new AtomicLong();
        drive(warmup, warmupLimit, calls, warmupMicros, warmupFailed, new ConcurrentHashMap<>(), 0);
        Histogram micros = new ConcurrentHistogram(3);
        AtomicLong failed = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        drive(requests, limit, calls, micros, failed, statuses, warmup);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(micros.getTotalCount(), failed.get(), Map.copyOf(statuses), seconds, micros,
                warmupMicros.getTotalCount());
    }

    private void drive(int count, Duration limit, IntFunction<Call> calls, Histogram micros, AtomicLong failed,
                       Map<Integer, Long> statuses, int offset) {
        Flux.range(offset, count)
                .take(limit)
                .flatMap(i -> timed(calls.apply(i), micros, failed, statuses), concurrency)
                .then()
                .block(limit.plus(responseTimeout));
    }

    private Mono<Integer> timed(Call call, Histogram micros, AtomicLong failed, Map<Integer, Long> statuses) {
        long start = System.nanoTime();
        return send(call)
                .onErrorReturn(-1)
                .doOnNext(status -> {
                    statuses.merge(status, 1L, Long::sum);
                    if (status / 100 == 2) {
                        micros.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                    } else {
                        failed.incrementAndGet();
                    }
                });
    }

    private Mono<Integer> send(Call call) {
        HttpClient withHeaders = client.headers(headers -> call.headers().forEach(headers::set));
        HttpClient.ResponseReceiver<?> request = call.body() == null
                ? withHeaders.get().uri(call.path())
                : withHeaders.post().uri(call.path())
                        .send(ByteBufFlux.fromInbound(Mono.just(Unpooled.wrappedBuffer(call.body().getBytes(StandardCharsets.UTF_8)))));
        return request.responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                .map(ignored -> response.status().code()));
    }

    static Map<String, String> json(String token) {
        return token == null
                ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token);
    }

    @Override
    public void close() {
        connections.dispose();
    }
}
