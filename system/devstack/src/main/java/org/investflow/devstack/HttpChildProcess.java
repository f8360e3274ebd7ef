package org.investflow.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/** What the child JVMs share: waiting until those that serve HTTP answer, stopping them, and killing them as a crash would. */
final class HttpChildProcess {

    private HttpChildProcess() {
    }

    /** Waits until {@code probe} answers 200; fails at once if {@code process} exits. */
    static void awaitAnswering(Process process, String name, URI probe, Duration timeout, Duration pollInterval) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(probe).build();
        Awaitility.await().atMost(timeout).pollInterval(pollInterval).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + name + " exited with code " + process.exitValue() + "; see its log");
            }
            return answers(http, request);
        });
    }

    private static boolean answers(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks {@code process} to stop, and forces it after 20 s. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Ends {@code process} with SIGKILL, as a crash would, and returns once it is gone (at most 30 s). */
    static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
