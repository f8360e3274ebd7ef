package org.investflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The local stack's database keeps what it acknowledged: writes answered before a SIGKILL of the database's own
 * process are all there after its restart (the stock H2 backend answered before its background commit, up to a
 * second later). Also measures what that costs: single-document inserts per second, 16 at a time, on the stock
 * backend in this JVM and on the durable one in its own process.
 */
class DatabaseProcessTest {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseProcessTest.class);
    private static final int CONCURRENCY = 16;
    private static final int MEASURED_INSERTS = 2_000;

    @TempDir
    Path dir;

    @Test
    void everyWriteAcknowledgedBeforeTheDatabaseIsKilledIsThereAfterItsRestart() throws IOException {
        int port = freePort();
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        DatabaseProcess database = start(port);
        try (MongoClient client = client(database.address())) {
            Disposable writes = Flux.range(0, Integer.MAX_VALUE)
                    .flatMap(i -> Mono.from(collection(client).insertOne(new Document("_id", i))).thenReturn(i), CONCURRENCY)
                    .subscribe(acknowledged::add, failure -> { });
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 500);
            database.kill();
            writes.dispose();
        }
        Set<Integer> answered = Set.copyOf(acknowledged);
        try (DatabaseProcess restarted = start(port); MongoClient client = client(restarted.address())) {
            Set<Integer> stored = new HashSet<>(Flux.from(collection(client).find())
                    .map(document -> document.getInteger("_id")).collectList().block(Duration.ofSeconds(30)));
            LOG.info("database killed after {} acknowledged inserts; {} documents after the restart", answered.size(), stored.size());
            assertThat(stored).containsAll(answered);
        }
    }

    @Test
    void theInsertRateOfTheStockAndTheDurableBackendIsMeasured() throws IOException {
        MongoServer stock = new MongoServer(new H2Backend(dir.resolve("stock.mv").toString()));
        double stockRate;
        try (MongoClient client = client(addressOf(stock.bind()))) {
            stockRate = insertRate(client);
        } finally {
            stock.shutdownNow();
        }
        double durableRate;
        try (DatabaseProcess database = start(freePort()); MongoClient client = client(database.address())) {
            durableRate = insertRate(client);
        }
        LOG.info("inserts/s, {} concurrent: stock H2 backend in this JVM {}, durable backend in its own process {}",
                CONCURRENCY, Math.round(stockRate), Math.round(durableRate));
        assertThat(List.of(stockRate, durableRate)).allMatch(rate -> rate > 0);
    }

    private static double insertRate(MongoClient client) {
        long started = System.nanoTime();
        Long inserted = Flux.range(0, MEASURED_INSERTS)
                .flatMap(i -> Mono.from(collection(client).insertOne(new Document("_id", i).append("payload", "x".repeat(512)))), CONCURRENCY)
                .count().block(Duration.ofSeconds(120));
        return inserted * 1e9 / (System.nanoTime() - started);
    }

    private DatabaseProcess start(int port) {
        return DatabaseProcess.start(dir.resolve("store.mv"), port, dir.resolve("database.log"));
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("durability").getCollection("writes");
    }

    private static MongoClient client(String address) {
        return MongoClients.create("mongodb://" + address + "/?serverSelectionTimeoutMS=5000&connectTimeoutMS=2000");
    }

    private static String addressOf(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
