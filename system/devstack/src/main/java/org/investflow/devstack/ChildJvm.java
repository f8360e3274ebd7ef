package org.investflow.devstack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts Java child processes on the Kafka broker's runtime classpath, with the same Java
 * installation as the current JVM and the broker's log4j2 configuration when it is present next to
 * the classpath file.
 */
final class ChildJvm {

    static final String LOG4J2_CONFIG = "kafka-broker-log4j2.xml";

    private final String classpath;
    private final List<String> jvmOptions;

    private ChildJvm(String classpath, List<String> jvmOptions) {
        this.classpath = classpath;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    static ChildJvm onKafkaClasspath(Path classpathFile, List<String> heapOptions) throws IOException {
        if (!Files.isRegularFile(classpathFile)) {
            throw new KafkaBrokerStartException("Kafka classpath file " + classpathFile.toAbsolutePath()
                    + " not found: build system/kafka-broker first (./mvnw -f system/kafka-broker/pom.xml install)");
        }
        List<String> options = new ArrayList<>(heapOptions);
        Path log4j2Config = classpathFile.toAbsolutePath().resolveSibling(LOG4J2_CONFIG);
        if (Files.isRegularFile(log4j2Config)) {
            options.add("-Dlog4j2.configurationFile=" + log4j2Config.toUri());
        }
        return new ChildJvm(Files.readString(classpathFile).strip(), options);
    }

    Process start(Path workDir, Path outputFile, String mainClass, String... args) throws IOException {
        return new ProcessBuilder(command(mainClass, args))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(outputFile.toFile()))
                .start();
    }

    private List<String> command(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * For the main method of a child JVM: exits (running its shutdown hooks) once the JVM that started it has ended,
     * cleanly or not, so that a killed parent leaves no child behind holding ports and files.
     */
    static void exitWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
