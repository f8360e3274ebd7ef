package org.investflow.devstack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

/**
 * The local stack's database in a child JVM ({@link DatabaseServer}), on this JVM's classpath, with its output in
 * a log file. Kept out of the services' JVM so that killing the services cannot lose what the database
 * acknowledged, and so that tests can stop, kill and restart the database on its own.
 */
public final class DatabaseProcess extends CrashableProcess {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final int port;

    private DatabaseProcess(Process process, int port) {
        super(process);
        this.port = port;
    }

    /**
     * Starts the database on {@code port} with its store in {@code storeFile} and waits until it accepts connections.
     *
     * @throws IllegalStateException if it exits or does not listen within 60 s
     */
    public static DatabaseProcess start(Path storeFile, int port, Path logFile) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), DatabaseServer.class.getName(),
                storeFile.toAbsolutePath().toString(), Integer.toString(port));
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(logFile.toFile())).start();
            DatabaseProcess database = new DatabaseProcess(process, port);
            database.awaitListening();
            return database;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the database: " + e.getMessage(), e);
        }
    }

    /** {@code 127.0.0.1:<port>}, for a {@code mongodb://} URI. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    private void awaitListening() {
        Awaitility.await().atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the database exited with code " + process.exitValue() + "; see its log");
            }
            return accepts();
        });
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
