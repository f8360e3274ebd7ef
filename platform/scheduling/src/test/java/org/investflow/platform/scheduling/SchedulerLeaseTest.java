package org.investflow.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The lease against a real MongoDB-wire server: taken once, given back however the job ends. */
class SchedulerLeaseTest {

    private static final Duration HOLD = Duration.ofHours(2);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static MongoServer server;
    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T08:00:00Z"));
    private final SchedulerLease instanceA = new SchedulerLease(mongo, clock);
    private final SchedulerLease instanceB = new SchedulerLease(mongo, clock);

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + hostAndPort(server));
        mongo = new ReactiveMongoTemplate(client, "leases");
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void forgetLeases() {
        mongo.dropCollection("scheduler_locks").block(WAIT);
    }

    @Test
    void aSuccessfulJobGivesTheLeaseBack() {
        assertThat(instanceA.runExclusively("rebuild", HOLD, Mono.just(1)).block(WAIT)).isEqualTo(1);
        assertThat(instanceB.runExclusively("rebuild", HOLD, Mono.just(2)).block(WAIT)).isEqualTo(2);
    }

    @Test
    void aHeldLeaseSkipsTheJobOfAnotherInstance() {
        Sinks.One<Integer> firstRun = Sinks.one();
        Disposable running = instanceA.runExclusively("rebuild", HOLD, firstRun.asMono()).subscribe();
        try {
            await().atMost(WAIT).until(() -> leaseHolderToken("rebuild") != null);
            assertThat(instanceB.runExclusively("rebuild", HOLD, Mono.just(2)).block(WAIT)).isNull();
        } finally {
            running.dispose();
        }
    }

    @Test
    void aFailedJobGivesTheLeaseBack() {
        Mono<Integer> failing = Mono.error(new IllegalStateException("rebuild failed"));
        assertThatThrownBy(() -> instanceA.runExclusively("rebuild", HOLD, failing).block(WAIT))
                .hasMessageContaining("rebuild failed");

        assertThat(instanceB.runExclusively("rebuild", HOLD, Mono.just(2)).block(WAIT)).isEqualTo(2);
    }

    @Test
    void aCancelledJobGivesTheLeaseBack() {
        Disposable running = instanceA.runExclusively("rebuild", HOLD, Mono.<Integer>never()).subscribe();
        await().atMost(WAIT).until(() -> leaseHolderToken("rebuild") != null);

        running.dispose();

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(instanceB.runExclusively("rebuild", HOLD, Mono.just(2)).block(WAIT)).isEqualTo(2));
    }

    @Test
    void aJobThatOutlivedItsLeaseDoesNotFreeTheLeaseTakenSince() {
        Sinks.One<Integer> overrunning = Sinks.one();
        Disposable late = instanceA.runExclusively("rebuild", Duration.ofMinutes(1), overrunning.asMono()).subscribe();
        String overrunToken = awaitNewToken("rebuild", null);
        clock.advance(Duration.ofMinutes(2));
        Sinks.One<Integer> successor = Sinks.one();
        Disposable current = instanceA.runExclusively("rebuild", HOLD, successor.asMono()).subscribe();
        try {
            String successorToken = awaitNewToken("rebuild", overrunToken);

            overrunning.tryEmitError(new IllegalStateException("late failure"));
            await().atMost(WAIT).until(late::isDisposed);

            assertThat(leaseHolderToken("rebuild")).isEqualTo(successorToken);
            assertThat(instanceB.runExclusively("rebuild", HOLD, Mono.just(3)).block(WAIT)).isNull();
        } finally {
            current.dispose();
        }
    }

    @Test
    void aRunningJobKeepsItsLeaseAliveBeyondAtMostFor() {
        Duration atMostFor = Duration.ofMillis(600);
        Disposable running = instanceA.runExclusively("rebuild", atMostFor, Mono.<Integer>never()).subscribe();
        try {
            await().atMost(WAIT).until(() -> leaseHolderToken("rebuild") != null);
            clock.advance(Duration.ofMinutes(1));

            // lapsed by the clock unless the running job renews it: awaited, then it is held past the moved clock
            await().atMost(WAIT).until(() -> lockUntil("rebuild").isAfter(clock.instant()));
            assertThat(instanceB.runExclusively("rebuild", atMostFor, Mono.just(2)).block(WAIT)).isNull();
        } finally {
            running.dispose();
        }
    }

    @Test
    void aLeaseOfAHolderThatStoppedRenewingLapsesAfterAtMostFor() {
        Duration atMostFor = Duration.ofSeconds(30);
        Sinks.One<Integer> stuck = Sinks.one();
        Disposable running = instanceA.runExclusively("rebuild", atMostFor, stuck.asMono()).subscribe();
        try {
            await().atMost(WAIT).until(() -> leaseHolderToken("rebuild") != null);
            assertThat(lockUntil("rebuild")).isEqualTo(clock.instant().plus(atMostFor));

            // a dead holder renews nothing: its lease is free once atMostFor has passed by the clock
            clock.advance(atMostFor);
            assertThat(instanceB.runExclusively("rebuild", atMostFor, Mono.just(2)).block(WAIT)).isEqualTo(2);
        } finally {
            running.dispose();
        }
    }

    @Test
    void aJobWhoseLeaseWasTakenByAnotherRunIsCancelledAtItsNextRenewal() {
        Disposable running = instanceA.runExclusively("rebuild", Duration.ofMillis(600), Mono.<Integer>never()).subscribe();
        await().atMost(WAIT).until(() -> leaseHolderToken("rebuild") != null);

        mongo.updateFirst(Query.query(Criteria.where("_id").is("rebuild")), new Update().set("token", "taken-since"),
                "scheduler_locks").block(WAIT);

        await().atMost(WAIT).until(running::isDisposed);
        assertThat(leaseHolderToken("rebuild")).isEqualTo("taken-since");
    }

    @Test
    void aLeaseTakenOncePerPeriodStaysTakenForThreeQuartersOfThePeriod() {
        Duration period = Duration.ofMinutes(4);
        assertThat(instanceA.runOncePer(period, "watch", Duration.ofMinutes(1), Mono.just(1)).block(WAIT)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(instanceB.runOncePer(period, "watch", Duration.ofMinutes(1), Mono.just(2)).block(WAIT)).isNull();
        assertThat(instanceB.runExclusively("watch", HOLD, Mono.just(2)).block(WAIT)).isNull();

        clock.advance(Duration.ofMinutes(1));
        assertThat(instanceB.runOncePer(period, "watch", Duration.ofMinutes(1), Mono.just(3)).block(WAIT)).isEqualTo(3);
    }

    @Test
    void aJobLongerThanThreeQuartersOfItsPeriodGivesTheLeaseBackWhenItEnds() {
        Duration period = Duration.ofMinutes(4);
        Mono<Integer> overrunning = Mono.fromSupplier(() -> {
            clock.advance(Duration.ofMinutes(5));
            return 1;
        });
        assertThat(instanceA.runOncePer(period, "watch", Duration.ofMinutes(10), overrunning).block(WAIT)).isEqualTo(1);

        assertThat(instanceB.runOncePer(period, "watch", Duration.ofMinutes(10), Mono.just(2)).block(WAIT)).isEqualTo(2);
    }

    private String awaitNewToken(String name, String previous) {
        await().atMost(WAIT).until(() -> {
            String token = leaseHolderToken(name);
            return token != null && !token.equals(previous);
        });
        return leaseHolderToken(name);
    }

    private static Instant lockUntil(String name) {
        org.bson.Document lease = mongo.findById(name, org.bson.Document.class, "scheduler_locks").block(WAIT);
        return lease.getDate("lockUntil").toInstant();
    }

    private static String leaseHolderToken(String name) {
        org.bson.Document lease = mongo.findById(name, org.bson.Document.class, "scheduler_locks").block(WAIT);
        return lease == null ? null : lease.getString("token");
    }

    private static String hostAndPort(MongoServer server) {
        var address = server.bind();
        return address.getHostString() + ":" + address.getPort();
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
