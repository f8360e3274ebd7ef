package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The services in docker-compose.yml agree with the services' own settings and with each other. */
class ComposeServicesTest {

    private static final Pattern HTTP_URL = Pattern.compile("https?://(localhost|127\\.0\\.0\\.1):(\\d+)(/[^\\s\"']*)");

    private static ComposeFile compose;

    @BeforeAll
    static void load() {
        compose = ComposeFile.load();
    }

    static List<InvestFlowService> services() {
        return InvestFlowService.all();
    }

    static List<InvestFlowService> deployables() {
        return InvestFlowService.deployables();
    }

    @ParameterizedTest
    @MethodSource("deployables")
    void serviceConfigurationNamesTheApplicationAsDeployed(InvestFlowService service) {
        assertThat(service.applicationName()).isEqualTo(service.name());
    }

    @ParameterizedTest
    @MethodSource("deployables")
    void everyServiceRunsItsImageOnThePortItsOwnConfigurationDeclares(InvestFlowService service) {
        assertThat(compose.service(service.name()).path("image").asString()).isEqualTo(service.image());
        assertThat(compose.environment(service.name())).containsEntry("SERVER_PORT", String.valueOf(service.port()));
        assertThat(compose.publishedContainerPorts(service.name())).contains(service.port());
    }

    @ParameterizedTest
    @MethodSource("deployables")
    void healthcheckAsksTheReadinessEndpointOnTheServicePort(InvestFlowService service) {
        Matcher url = HTTP_URL.matcher(compose.healthcheck(service.name()));

        assertThat(url.find()).as("healthcheck of %s calls a local HTTP URL", service).isTrue();
        assertThat(Integer.parseInt(url.group(2))).isEqualTo(service.port());
        assertThat(url.group(3)).isEqualTo(InvestFlowService.READINESS_PATH);
    }

    @ParameterizedTest
    @MethodSource("deployables")
    void everyServiceUsesItsOwnDatabaseOnTheMongoReplicaSet(InvestFlowService service) {
        URI mongo = ComposeFile.uri(compose.environment(service.name()).get("SPRING_MONGODB_URI"));
        String mongoService = compose.serviceReachableAs(mongo.getHost()).orElseThrow();

        assertThat(mongo.getPath()).isEqualTo("/" + service.database());
        assertThat(mongo.getQuery()).contains("replicaSet=" + replicaSetOf(mongoService));
    }

    @ParameterizedTest
    @MethodSource("services")
    void servicesStartOnlyOnceKafkaMongoAndTheTopicsAreReady(InvestFlowService service) {
        Map<String, String> environment = compose.environment(service.name());
        String kafka = compose.serviceReachableAs(ComposeFile.host(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))).orElseThrow();
        String mongo = compose.serviceReachableAs(ComposeFile.uri(environment.get("SPRING_MONGODB_URI")).getHost()).orElseThrow();

        assertThat(compose.dependsOn(service.name()))
                .containsEntry(kafka, "service_healthy")
                .containsEntry(mongo, "service_healthy")
                .containsEntry(compose.topicCreatingService(), "service_completed_successfully");
    }

    @Test
    void kafkaRunsInKraftModeWithAHealthcheck() {
        String kafka = kafkaService();

        assertThat(compose.environment(kafka).get("KAFKA_PROCESS_ROLES")).contains("broker").contains("controller");
        assertThat(compose.serviceNames()).noneMatch(name -> name.contains("zookeeper"));
        assertThat(compose.healthcheck(kafka)).isNotBlank();
    }

    @Test
    void mongoHealthcheckInitiatesTheReplicaSetTheServicesName() {
        String mongo = compose.serviceReachableAs(
                ComposeFile.uri(compose.environment("intake").get("SPRING_MONGODB_URI")).getHost()).orElseThrow();

        assertThat(compose.healthcheck(mongo)).contains("rs.initiate").contains(replicaSetOf(mongo));
    }

    @Test
    void everyInvestFlowImageInComposeIsAKnownService() {
        List<String> known = InvestFlowService.deployables().stream().map(InvestFlowService::name).toList();

        assertThat(compose.serviceNames())
                .filteredOn(name -> compose.service(name).path("image").asString().startsWith("investflow/"))
                .containsExactlyInAnyOrderElementsOf(known);
    }

    private static String kafkaService() {
        String bootstrap = compose.environment("intake").get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        return compose.serviceReachableAs(ComposeFile.host(bootstrap)).orElseThrow();
    }

    private static String replicaSetOf(String mongoService) {
        Matcher replSet = Pattern.compile("--replSet[\\s=]+(\\S+)").matcher(compose.script(mongoService));
        assertThat(replSet.find()).as("%s runs with --replSet", mongoService).isTrue();
        return replSet.group(1);
    }
}
