package org.investflow.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The SCRAM-SHA-512 users of the local stack's broker: {@value #ADMIN} (the broker itself and whoever creates
 * topics and ACLs) and one per service, as in compose. Passwords are generated once per data directory and
 * kept beside the data, readable by its owner only ({@code credentials.properties}); the broker learns them
 * when its storage is formatted, since a KRaft broker bootstraps SCRAM users only then.
 */
public final class BrokerCredentials {

    public static final String ADMIN = "admin";
    static final String MECHANISM = "SCRAM-SHA-512";
    private static final String FILE = "credentials.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> passwords;

    private BrokerCredentials(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    /** The users' passwords kept in {@code dataDir}, created for {@code users} (and admin) on first use. */
    public static BrokerCredentials loadOrCreate(Path dataDir, Collection<String> users) {
        Path file = dataDir.resolve(FILE);
        try {
            Map<String, String> passwords = new TreeMap<>();
            if (Files.isRegularFile(file)) {
                Properties stored = new Properties();
                try (Reader reader = Files.newBufferedReader(file)) {
                    stored.load(reader);
                }
                stored.stringPropertyNames().forEach(user -> passwords.put(user, stored.getProperty(user)));
            }
            List<String> wanted = new ArrayList<>(users);
            wanted.add(ADMIN);
            if (!passwords.keySet().containsAll(wanted)) {
                wanted.forEach(user -> passwords.computeIfAbsent(user, any -> password()));
                store(dataDir, file, passwords);
            }
            return new BrokerCredentials(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the broker's credentials in " + file, e);
        }
    }

    static boolean storedIn(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve(FILE));
    }

    private static void store(Path dataDir, Path file, Map<String, String> passwords) throws IOException {
        Files.createDirectories(dataDir);
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply
        }
        Properties properties = new Properties();
        properties.putAll(passwords);
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "SCRAM-SHA-512 users of the local stack's Kafka broker (bootstrapped when its storage is formatted)");
        }
    }

    /** Kafka client settings that log in as {@code user}. */
    public Map<String, Object> clientProperties(String user) {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", MECHANISM, "sasl.jaas.config", jaas(user));
    }

    /** The JAAS login of {@code user}, as a broker listener or a client writes it. */
    String jaas(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("the broker has no user " + user + "; it has " + passwords.keySet());
        }
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + password + "\";";
    }

    /** {@code kafka-storage format} arguments that bootstrap every user. */
    List<String> formatArguments() {
        List<String> arguments = new ArrayList<>();
        passwords.forEach((user, password) -> {
            arguments.add("--add-scram");
            arguments.add(MECHANISM + "=[name=" + user + ",password=" + password + "]");
        });
        return arguments;
    }

    private static String password() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
