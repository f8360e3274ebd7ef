package org.investflow.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java that runs Keycloak. Keycloak 26 needs Java 21 or newer while the project builds and tests on
 * Java 17, so the test looks for a second JDK: the system property {@value #PROPERTY} or the environment
 * variable {@value #ENVIRONMENT} if set, else the test JVM itself if it is new enough, else the newest
 * JDK ≥ 21 under {@value #JVM_DIRECTORY} (Debian's and Adoptium's packages install there). Without one the
 * test fails and says how to provide it: it never skips.
 */
final class KeycloakJava {

    static final int REQUIRED = 21;
    static final String PROPERTY = "keycloak.java.home";
    static final String ENVIRONMENT = "KEYCLOAK_JAVA_HOME";
    static final String JVM_DIRECTORY = "/usr/lib/jvm";

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private KeycloakJava() {
    }

    /** The home of a Java ≥ {@value #REQUIRED}. */
    static Path home() {
        Optional<Path> named = Optional.ofNullable(System.getProperty(PROPERTY)).or(() -> Optional.ofNullable(System.getenv(ENVIRONMENT)))
                .filter(value -> !value.isBlank()).map(Path::of);
        if (named.isPresent()) {
            return named.filter(home -> major(home) >= REQUIRED).orElseThrow(() -> new IllegalStateException(
                    named.get() + " (from " + PROPERTY + " or " + ENVIRONMENT + ") is not a Java " + REQUIRED + " or newer"));
        }
        Path self = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= REQUIRED) {
            return self;
        }
        return installed().stream().filter(home -> major(home) >= REQUIRED).max(Comparator.comparingInt(KeycloakJava::major))
                .orElseThrow(() -> new IllegalStateException("Keycloak needs Java " + REQUIRED + " or newer: none under " + JVM_DIRECTORY
                        + " and this JVM is " + Runtime.version() + ". Install one there or name it with -D" + PROPERTY + "=… or "
                        + ENVIRONMENT));
    }

    private static List<Path> installed() {
        Path directory = Path.of(JVM_DIRECTORY);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(directory)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feature version from the JDK's {@code release} file, 0 if it has none. */
    static int major(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return 0;
        }
        try {
            Matcher version = VERSION.matcher(Files.readString(release));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
