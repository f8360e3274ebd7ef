package org.investflow.tracking.observability;

import org.investflow.platform.testkit.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.tracking.TrackingFixtures.as;
import static org.investflow.tracking.TrackingFixtures.freshCaseId;
import static org.investflow.tracking.TrackingFixtures.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.tracking.TrackingServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert rules and the Grafana dashboard shipped in {@code observability/} name only metrics the
 * running service exports, and the business metrics keep bounded label sets.
 */
@TrackingServiceTest
class ObservabilityContractTest {

    static final Pattern REFERENCED = Pattern.compile("\\b(investflow_[a-z0-9_]+)");
    static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)", Pattern.MULTILINE);

    @LocalServerPort
    int port;
    @Autowired
    BusinessGauges gauges;

    WebTestClient http;

    @BeforeEach
    void connect() {
        http = LocalClient.to(port);
    }

    @Test
    void everyMetricTheRulesAndTheDashboardNameIsExported() throws IOException {
        String caseId = freshCaseId();
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_SUBMITTED, caseId, "investor-metrics");
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_SCREENED, caseId, "investor-metrics");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> as(http, "leader", "LEADER", HttpMethod.GET,
                "/api/pipeline/cases/" + caseId).exchange().expectBody(Map.class).returnResult().getResponseBody()
                .getOrDefault("stage", "").equals("SCREENED"));
        gauges.refresh().block(Duration.ofSeconds(30));

        Set<String> exported = exported(scrape());
        Set<String> referenced = referenced(resource("observability/prometheus-alerts.yml"));
        referenced.addAll(referenced(resource("observability/grafana-dashboard.json")));

        assertThat(referenced).contains("investflow_pipeline_cases", "investflow_pipeline_district_cases",
                "investflow_pipeline_transitions_total", "investflow_pipeline_stage_duration_seconds_bucket",
                "investflow_pipeline_stalled_cases", "investflow_tracking_dlt_records", "investflow_tracking_consumer_lag",
                "investflow_tracking_delayed_projects", "investflow_pipeline_commission_rate",
                "investflow_pipeline_rebuild_duration_seconds_max");
        assertThat(exported).containsAll(referenced);
    }

    @Test
    void theRulesAreValidYamlAndTheDashboardValidJson() throws IOException {
        Map<String, Object> rules = new Yaml().load(resource("observability/prometheus-alerts.yml"));
        assertThat(rules).containsKey("groups");
        JsonNode dashboard = JsonMapper.builder().build().readTree(resource("observability/grafana-dashboard.json"));
        assertThat(dashboard.path("panels").size()).isGreaterThan(5);
        assertThat(dashboard.path("uid").asString()).isEqualTo("investflow-pipeline");
    }

    @Test
    void businessMetricsKeepBoundedLabelSets() {
        gauges.refresh().block(Duration.ofSeconds(30));
        String metrics = scrape();
        assertThat(series(metrics, "investflow_pipeline_cases{")).hasSizeLessThanOrEqualTo(10);
        assertThat(series(metrics, "investflow_pipeline_district_cases{")).hasSizeLessThanOrEqualTo(41);
        assertThat(series(metrics, "investflow_pipeline_stage_duration_seconds_count{")).hasSize(10);
        assertThat(series(metrics, "investflow_tracking_consumer_lag{")).hasSize(8);
        assertThat(series(metrics, "investflow_tracking_dlt_records{")).hasSize(4);
        assertThat(series(metrics, "investflow_pipeline_commission_rate{")).hasSize(4);
    }

    private static Set<String> series(String metrics, String prefix) {
        return metrics.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(0, line.lastIndexOf(' ')))
                .collect(Collectors.toSet());
    }

    private String scrape() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
    }

    private static Set<String> exported(String metrics) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = SAMPLE.matcher(metrics);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Set<String> referenced(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = REFERENCED.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ObservabilityContractTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
