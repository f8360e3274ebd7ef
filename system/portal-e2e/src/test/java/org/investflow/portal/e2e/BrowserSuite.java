package org.investflow.portal.e2e;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The browser tests ({@code src/test/browser}, node's test runner with playwright-core driving
 * Debian's Chromium) as one run: its exit code, its output and how long it took.
 */
record BrowserSuite(int exitCode, String output, Duration wallTime) {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** Runs {@code npm test} in {@code directory} with {@code environment} added; the output also goes to {@code log}. */
    static BrowserSuite run(Path directory, String npm, Map<String, String> environment, Path log) throws IOException, InterruptedException {
        return run(directory, List.of(npm, "test"), environment, log);
    }

    /** Runs {@code command} (a node tool of the browser suite's {@code node_modules}) in {@code directory}; the output also goes to {@code log}. */
    static BrowserSuite run(Path directory, List<String> command, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within " + TIMEOUT + "; see " + log);
        }
        return new BrowserSuite(process.exitValue(), Files.readString(log), Duration.ofNanos(System.nanoTime() - started));
    }
}
