package org.investflow.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/**
 * Two instances of a service (each with its own database client, scheduler and lease holder, one shared database)
 * schedule the same job every period, the second half a period after the first: the worst phase, where a lease given
 * back at the end of each run lets both instances run it in every period. Under {@link SchedulerLease#runOncePer}
 * the job runs once per period across the two; each run writes a document, and the documents are counted.
 */
class OncePerPeriodAcrossInstancesTest {

    private static final Logger LOG = LoggerFactory.getLogger(OncePerPeriodAcrossInstancesTest.class);
    private static final Duration PERIOD = Duration.ofMillis(400);
    private static final int RUNS = 10;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final String address = hostAndPort(server);
    private final List<MongoClient> clients = List.of(MongoClients.create("mongodb://" + address),
            MongoClients.create("mongodb://" + address));

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }

    @Test
    void aJobBothInstancesScheduleEveryPeriodRunsOncePerPeriod() {
        AtomicInteger[] ticks = {new AtomicInteger(), new AtomicInteger()};
        PeriodicTask[] tasks = new PeriodicTask[2];
        for (int instance = 0; instance < 2; instance++) {
            tasks[instance] = task(instance, ticks[instance]);
        }
        tasks[0].start();
        tasks[1].start();
        long runsAtStart;
        long runs;
        Duration elapsed;
        try {
            // counted once both instances tick and their connections are open: the first run's set-up is not a period
            await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> ticks[0].get() >= 2 && ticks[1].get() >= 2 && runs() >= 2);
            runsAtStart = runs();
            long started = System.nanoTime();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> runs() >= runsAtStart + RUNS);
            runs = runs() - runsAtStart;
            elapsed = Duration.ofNanos(System.nanoTime() - started);
        } finally {
            tasks[0].stop();
            tasks[1].stop();
        }
        int attempts = ticks[0].get() + ticks[1].get();
        LOG.info("in {} ms at a period of {} ms: {} runs; {} ticks in all (instance 0 ticked {}, instance 1 {}), {} runs in all",
                elapsed.toMillis(), PERIOD.toMillis(), runs, attempts, ticks[0].get(), ticks[1].get(), runs());

        // at most one run per three quarters of a period (the lease's hold), plus one under way when counting began;
        // without the hold, both instances run in every period: twice as many
        assertThat(runs).isLessThanOrEqualTo(elapsed.toMillis() / (PERIOD.toMillis() * 3 / 4) + 1);
        assertThat(attempts - runs()).as("ticks that found the lease taken").isPositive();
    }

    private long runs() {
        return template(0).count(new Query(), "job_runs").block(WAIT);
    }

    /** The job of one instance: on every tick, under the lease, it writes one document naming the instance. */
    private PeriodicTask task(int instance, AtomicInteger ticks) {
        SchedulerLease lease = new SchedulerLease(template(instance), Clock.systemUTC());
        ReactiveMongoTemplate database = template(instance);
        Mono<Document> run = Mono.defer(() -> database.insert(new Document("instance", instance), "job_runs"));
        return new PeriodicTask("job of instance " + instance, PERIOD.dividedBy(2).multipliedBy(instance), PERIOD, () -> {
            ticks.incrementAndGet();
            return lease.runOncePer(PERIOD, "job", Duration.ofMinutes(1), run);
        }, 0);
    }

    private ReactiveMongoTemplate template(int instance) {
        return new ReactiveMongoTemplate(clients.get(instance), "service");
    }

    private static String hostAndPort(MongoServer server) {
        var address = server.bind();
        return address.getHostString() + ":" + address.getPort();
    }
}
