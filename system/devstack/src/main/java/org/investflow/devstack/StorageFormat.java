package org.investflow.devstack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

/**
 * Formats the broker's KRaft storage with a fresh cluster id, once: a data directory that already
 * holds {@code meta.properties} is left alone, so topics and records survive restarts. A broker with
 * credentials gets its SCRAM users here: KRaft bootstraps them only when it formats.
 */
final class StorageFormat {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private StorageFormat() {
    }

    static void ensureFormatted(BrokerSettings settings, ChildJvm tools) throws IOException, InterruptedException {
        if (settings.isFormatted()) {
            return;
        }
        List<String> arguments = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c",
                settings.propertiesFile().toString()));
        if (settings.credentials() != null) {
            arguments.addAll(settings.credentials().formatArguments());
        }
        Process format = tools.start(settings.dataDir(), settings.formatLog(), "kafka.tools.StorageTool",
                arguments.toArray(String[]::new));
        if (!format.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            format.destroyForcibly();
            throw failure(settings, "did not finish within " + TIMEOUT.toSeconds() + " s");
        }
        if (format.exitValue() != 0) {
            throw failure(settings, "exited with code " + format.exitValue());
        }
    }

    private static KafkaBrokerStartException failure(BrokerSettings settings, String reason) {
        return new KafkaBrokerStartException("Formatting Kafka storage in " + settings.logDirectory() + " " + reason
                + System.lineSeparator() + LogTail.of(settings.formatLog(), 30));
    }
}
