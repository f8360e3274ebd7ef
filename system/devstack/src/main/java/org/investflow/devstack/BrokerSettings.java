package org.investflow.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where and on which ports the single-node KRaft broker runs, and the {@code server.properties}
 * derived from that: combined broker and controller, static controller quorum, every replication
 * factor and min.insync at 1, no automatic topic creation. With {@code credentials}, as compose's broker:
 * clients log in with SASL/SCRAM-SHA-512 on the one client listener, the StandardAuthorizer refuses what no
 * ACL allows, and only admin (and the controller listener on the loopback, as ANONYMOUS) is a super user.
 * Without, the listener is PLAINTEXT and open (the tests' and benchmarks' brokers).
 */
record BrokerSettings(Path dataDir, int brokerPort, int controllerPort, BrokerCredentials credentials) {

    BrokerSettings(Path dataDir, int brokerPort, int controllerPort) {
        this(dataDir, brokerPort, controllerPort, null);
    }

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

    private static final String AUTHENTICATION = """
            # SASL/SCRAM + ACLs, as docker-compose.yml's broker
            listeners=CLIENT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
            advertised.listeners=CLIENT://127.0.0.1:%1$d
            inter.broker.listener.name=CLIENT
            listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
            sasl.enabled.mechanisms=SCRAM-SHA-512
            sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
            listener.name.client.scram-sha-512.sasl.jaas.config=%3$s
            authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
            allow.everyone.if.no.acl.found=false
            super.users=User:admin;User:ANONYMOUS
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
        String properties = SERVER_PROPERTIES.formatted(brokerPort, controllerPort, logDirs);
        if (credentials != null) {
            // later keys win: the listeners become the authenticated ones
            properties += AUTHENTICATION.formatted(brokerPort, controllerPort, credentials.jaas(BrokerCredentials.ADMIN));
        }
        Files.writeString(propertiesFile(), properties);
        if (credentials != null) {
            try {
                Files.setPosixFilePermissions(propertiesFile(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions apply
            }
        }
    }
}
