package org.investflow.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where and on which ports the single-node KRaft broker runs, and the {@code server.properties}
 * derived from that: combined broker and controller, static controller quorum, every replication
 * factor and min.insync at 1, no automatic topic creation.
 */
record BrokerSettings(Path dataDir, int brokerPort, int controllerPort) {

    private static final String SERVER_PROPERTIES = """
            # InvestFlow local stack: single-node Kafka, KRaft combined mode. Rewritten on every start.
            process.roles=broker,controller
            node.id=1
            controller.quorum.voters=1@127.0.0.1:%2$d
            listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
            advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
            controller.listener.names=CONTROLLER
            inter.broker.listener.name=PLAINTEXT
            listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
            log.dirs=%3$s
            num.partitions=3
            default.replication.factor=1
            min.insync.replicas=1
            offsets.topic.replication.factor=1
            transaction.state.log.replication.factor=1
            transaction.state.log.min.isr=1
            share.coordinator.state.topic.replication.factor=1
            share.coordinator.state.topic.min.isr=1
            auto.create.topics.enable=false
            group.initial.rebalance.delay.ms=0
            """;

    Path logDirectory() {
        return dataDir.resolve("logs");
    }

    Path propertiesFile() {
        return dataDir.resolve("server.properties");
    }

    Path brokerLog() {
        return dataDir.resolve("broker.log");
    }

    Path formatLog() {
        return dataDir.resolve("format.log");
    }

    boolean isFormatted() {
        return Files.isRegularFile(logDirectory().resolve("meta.properties"));
    }

    String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    void writeProperties() throws IOException {
        Files.createDirectories(dataDir);
        String logDirs = logDirectory().toString().replace('\\', '/');
        Files.writeString(propertiesFile(), SERVER_PROPERTIES.formatted(brokerPort, controllerPort, logDirs));
    }
}
