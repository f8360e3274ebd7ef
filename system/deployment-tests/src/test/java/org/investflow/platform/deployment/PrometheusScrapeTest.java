package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** deploy/prometheus/prometheus.yml scrapes every service of the compose stack where it serves metrics. */
class PrometheusScrapeTest {

    private static final String CONFIG = "deploy/prometheus/prometheus.yml";

    private static ComposeFile compose;
    private static JsonNode prometheus;

    @BeforeAll
    static void load() {
        compose = ComposeFile.load();
        prometheus = Repository.yaml(Repository.file(CONFIG));
    }

    static List<InvestFlowService> services() {
        return InvestFlowService.all();
    }

    @Test
    void composePrometheusRunsWithTheRepositoryConfiguration() {
        String prometheusService = compose.serviceNames().stream()
                .filter(name -> compose.service(name).path("image").asString().startsWith("prom/prometheus"))
                .findFirst().orElseThrow();

        List<Path> mounted = compose.service(prometheusService).path("volumes").valueStream()
                .map(volume -> volume.isObject() ? volume.path("source").asString() : volume.asString().split(":")[0])
                .filter(source -> source.startsWith("."))
                .map(source -> Repository.root().resolve(source).normalize())
                .toList();

        assertThat(mounted).contains(Repository.root().resolve(CONFIG).normalize());
    }

    @ParameterizedTest
    @MethodSource("services")
    void prometheusScrapesEveryServiceOnItsPortAtTheActuatorPath(InvestFlowService service) {
        String target = service.name() + ":" + service.port();

        List<JsonNode> jobs = scrapeJobs().stream().filter(job -> targets(job).contains(target)).toList();

        assertThat(jobs).as("scrape jobs with target %s", target).hasSize(1);
        assertThat(jobs.get(0).path("metrics_path").asString()).isEqualTo(InvestFlowService.METRICS_PATH);
    }

    @Test
    void everyScrapeTargetIsAServiceOfTheComposeStack() {
        List<String> hosts = scrapeJobs().stream()
                .flatMap(job -> targets(job).stream())
                .map(target -> target.substring(0, target.lastIndexOf(':')))
                .filter(host -> !host.equals("localhost"))
                .toList();

        assertThat(hosts).isNotEmpty().allSatisfy(host -> assertThat(compose.serviceReachableAs(host)).isPresent());
    }

    private static List<JsonNode> scrapeJobs() {
        return prometheus.path("scrape_configs").valueStream().toList();
    }

    private static List<String> targets(JsonNode job) {
        return job.path("static_configs").valueStream()
                .flatMap(config -> config.path("targets").valueStream())
                .map(JsonNode::asString)
                .toList();
    }
}
