package org.investflow.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.investflow.devstack.IssuerProcess;
import org.investflow.devstack.MailServer;
import org.investflow.devstack.PortalProcess;
import org.investflow.devstack.Service;
import org.investflow.devstack.ServiceFleet;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal in a real headless Chromium against the real stack: the local issuer and the portal as
 * child JVMs, the four services in this JVM on one real Kafka broker and the MongoDB-wire server. The
 * browser steps are in {@code src/test/browser/portal.test.mjs}; screenshots go to
 * {@code target/screenshots}. Without Chromium the suite fails: it never skips.
 */
class PortalBrowserTest {

    static IssuerProcess issuer;
    static MailServer mail;
    static ServiceFleet fleet;
    static PortalProcess portal;

    @BeforeAll
    static void startTheStack() throws IOException {
        issuer = IssuerProcess.launch(Path.of(System.getProperty("identity.jar")), freePort(),
                Path.of("target", "e2e-issuer.log")).awaitReady();
        mail = MailServer.start(0, 0);
        int portalPort = freePort();
        // e-signature mails links to the portal's signing page, as in compose and k8s
        Map<String, Object> settings = new HashMap<>(Map.of("spring.main.banner-mode", "off",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer().toString(),
                "investflow.signing.workflow.link-base-url", "http://127.0.0.1:" + portalPort + "/sign#token="));
        settings.putAll(mail.senderSettings());
        fleet = ServiceFleet.start(SharedInfrastructure.bootstrapServers(), SharedInfrastructure.mongoAddress(), port -> 0, settings);
        fleet.awaitReady(Duration.ofSeconds(90));
        portal = PortalProcess.launch(Path.of(System.getProperty("portal.jar")), portalPort, issuer.issuer(), PortalProcess.routesTo(fleet::baseUri),
                SharedInfrastructure.mongoUri("investflow_portal"), Path.of("target", "e2e-portal.log")).awaitReady();
    }

    /** In reverse order of starting; a part that did not start is skipped. */
    @AfterAll
    static void stopTheStack() throws Exception {
        for (AutoCloseable part : Arrays.asList(portal, fleet, mail, issuer)) {
            if (part != null) {
                part.close();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anInvestorSignsInSubmitsAnIntentionSeesItInMyCasesAndSwitchesToChinese() throws Exception {
        Path chromium = Path.of(System.getProperty("chromium.executable"));
        assertThat(Files.isExecutable(chromium)).as("Debian's Chromium at %s (.ci/run installs it: apt-get install -y chromium fonts-noto-cjk)", chromium)
                .isTrue();
        Path screenshots = Path.of(System.getProperty("screenshots.dir"));

        BrowserSuite suite = BrowserSuite.run(Path.of(System.getProperty("browser.dir")), System.getProperty("npm.executable"),
                Map.of("PORTAL_URL", portal.baseUri().toString(), "ISSUER_URL", issuer.issuer().toString(),
                        "SCREENSHOTS", screenshots.toAbsolutePath().toString(), "CHROMIUM", chromium.toString(),
                        "MAIL_IMAP", "127.0.0.1:" + mail.imapPort()),
                Path.of("target", "browser-suite.log"));

        System.out.println(suite.output());
        System.out.printf("browser suite wall time: %.1f s%n", suite.wallTime().toMillis() / 1000.0);
        assertThat(suite.exitCode()).as("the browser suite's exit code; its output:%n%s", suite.output()).isZero();
        assertThat(suite.output()).containsPattern("ℹ pass [1-9]").contains("ℹ fail 0");
        assertThat(screenshots.resolve("en-02-form-field-error.png")).isNotEmptyFile();
        assertThat(screenshots.resolve("zh-02-my-cases.png")).isNotEmptyFile();
        assertThat(screenshots.resolve("zh-10-officer-versions-side-by-side.png")).isNotEmptyFile();
        assertThat(screenshots.resolve("en-10-investor-versions-390x844.png")).isNotEmptyFile();
        assertThat(screenshots.resolve("en-12-signer-code-390x844.png")).isNotEmptyFile();
        assertThat(screenshots.resolve("zh-14-signer-executed.png")).isNotEmptyFile();
        assertThat(screenshots.resolve("zh-07-leader-dashboard.png")).isNotEmptyFile();
    }

    /**
     * Each service's OpenAPI document, as it serves it, passes Redocly CLI's recommended rules (errors fail,
     * warnings are printed): the portal's API types are generated from these documents. They are saved as
     * {@code target/openapi/<service>.json}, the input of the portal's {@code npm run api-types -- <dir>}.
     */
    @Test
    void everyServicesOpenApiDocumentPassesRedoclysRecommendedRules() throws Exception {
        Path documents = Path.of("target", "openapi").toAbsolutePath();
        Files.createDirectories(documents);
        HttpClient http = HttpClient.newHttpClient();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("browser.dir"), "node_modules", ".bin", "redocly").toString(),
                "lint", "--extends=recommended", "--format=stylish"));
        for (Service service : Service.values()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(fleet.baseUri(service).resolve("/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("/v3/api-docs of %s", service.serviceName()).isEqualTo(200);
            Path document = documents.resolve(service.serviceName() + ".json");
            Files.writeString(document, response.body());
            command.add(document.toString());
        }

        BrowserSuite lint = BrowserSuite.run(Path.of(System.getProperty("browser.dir")), command, Map.of(), Path.of("target", "redocly-lint.log"));

        System.out.println(lint.output());
        assertThat(lint.exitCode()).as("redocly lint's exit code; its output:%n%s", lint.output()).isZero();
    }
}
