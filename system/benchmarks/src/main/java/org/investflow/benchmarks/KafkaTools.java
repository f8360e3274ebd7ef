package org.investflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Apache Kafka's own performance tools ({@code org.apache.kafka.tools.*} from kafka-tools, on the
 * broker's classpath), each run as a child JVM with the broker's log settings and a time limit.
 */
final class KafkaTools {

    private final String classpath;
    private final Path log4j2Config;
    private final Path outputDir;

    KafkaTools(Path classpathFile, Path outputDir) {
        this.outputDir = outputDir;
        try {
            this.classpath = Files.readString(classpathFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka classpath " + classpathFile + " unreadable: build system/kafka-broker", e);
        }
        this.log4j2Config = classpathFile.toAbsolutePath().resolveSibling("kafka-broker-log4j2.xml");
    }

    /** Runs {@code tool} with {@code args} and returns its standard output; fails on a non-zero exit or timeout. */
    String run(String tool, Duration limit, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC"));
        if (Files.isRegularFile(log4j2Config)) {
            command.add("-Dlog4j2.configurationFile=" + log4j2Config.toUri());
        }
        command.addAll(List.of("-cp", classpath, "org.apache.kafka.tools." + tool));
        command.addAll(List.of(args));
        try {
            Path output = Files.createDirectories(outputDir).resolve(tool + ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(output.toFile())).start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(tool + " did not finish within " + limit);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(tool + " exited with " + process.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
