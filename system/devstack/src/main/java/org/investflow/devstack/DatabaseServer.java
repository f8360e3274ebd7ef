package org.investflow.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The local stack's MongoDB-wire server as a process of its own ({@link DatabaseProcess} starts it): the H2
 * file backend behind it replies to a write only once the write is on disk ({@link DurableH2Backend}), and a
 * crash of the services' JVM cannot take the database's unwritten pages with it. SIGTERM closes the store
 * cleanly; even SIGKILL loses nothing that was acknowledged. It stops cleanly by itself when the process that
 * started it ends, however that ends, so a killed local stack does not leave it holding its port.
 *
 * <p>Arguments: the store's file and the port to listen on at 127.0.0.1.
 */
public final class DatabaseServer {

    private DatabaseServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: DatabaseServer <store file> <port>");
        }
        MongoServer server = new MongoServer(new DurableH2Backend(Path.of(args[0]).toAbsolutePath().toString()));
        server.bind("127.0.0.1", Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "database-stop"));
        ChildJvm.exitWithParent();
        System.out.println("MongoDB-wire server (durable H2 backend) listening on 127.0.0.1:" + args[1]);
        new CountDownLatch(1).await();
    }
}
