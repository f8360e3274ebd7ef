package org.investflow.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * JMH benchmarks of the MongoDB-wire server through the reactive driver the services use: a
 * single-document insert into a collection with a unique compound index (intake's intentions have
 * one on investor + idempotency key), and a point read by {@code _id} (how every aggregate is
 * loaded). Each JMH thread waits for its own operation, so the thread count is the concurrency.
 */
@State(Scope.Benchmark)
public class MongoOperations {

    /** mongodb://host:port of the server under test; set by {@link MongoLimits}. */
    @Param("mongodb://127.0.0.1:27017")
    public String uri;

    /** Documents in the collection before the measurement; the point reads pick among them. */
    @Param("10000")
    public int preloaded;

    private MongoClient client;
    private MongoCollection<Document> intentions;
    private List<String> ids;

    @Setup(Level.Trial)
    public void connect() {
        client = MongoClients.create(uri);
        intentions = client.getDatabase("bench_raw").getCollection("intentions_" + UUID.randomUUID().toString().substring(0, 8));
        Mono.from(intentions.createIndex(Indexes.ascending("investorId", "idempotencyKey"), new IndexOptions().unique(true))).block();
        ids = new ArrayList<>(preloaded);
        Flux.range(0, Math.max(1, preloaded / 500))
                .concatMap(batch -> Mono.from(intentions.insertMany(batch(500))))
                .blockLast();
    }

    @TearDown(Level.Trial)
    public void disconnect() {
        Mono.from(intentions.drop()).block();
        client.close();
    }

    @Benchmark
    public Object insert() {
        return Mono.from(intentions.insertOne(intention(UUID.randomUUID().toString()))).block();
    }

    @Benchmark
    public Object pointRead() {
        String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        return Mono.from(intentions.find(Filters.eq("_id", id)).first()).block();
    }

    private List<Document> batch(int size) {
        List<Document> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            batch.add(intention(id));
        }
        return batch;
    }

    /** About the size and shape of one intake intention document with its outbox entry. */
    static Document intention(String id) {
        Instant now = java.time.Clock.systemUTC().instant();
        return new Document("_id", id)
                .append("investorId", "investor-de-1")
                .append("idempotencyKey", id)
                .append("companyName", "Rheinmetall Präzision GmbH 重庆分公司")
                .append("country", "DE").append("industryCode", "C29")
                .append("plannedAmount", new Decimal128(new BigDecimal("120000000.00"))).append("currency", "EUR")
                .append("plannedJobs", 350).append("district", "Liangjiang New Area")
                .append("description", "Electric drivetrain plant")
                .append("status", "SUBMITTED").append("submittedAt", java.util.Date.from(now)).append("version", 0L)
                .append("outbox", List.of(new Document("id", UUID.randomUUID().toString())
                        .append("type", "org.investflow.intake.intention-submitted.v1").append("caseId", id)
                        .append("occurredAt", java.util.Date.from(now)).append("payload", "{\"caseId\":\"" + id + "\"}")))
                .append("handledEvents", List.of()).append("history", List.of());
    }
}
