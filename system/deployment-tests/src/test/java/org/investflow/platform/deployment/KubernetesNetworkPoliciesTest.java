package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Issue 3: in Kubernetes the actuator (health, metrics) answers only the monitoring namespace. Every
 * pod k8s/ deploys is isolated for ingress by a NetworkPolicy; on each service's management port the
 * policies admit only peers of the namespace {@value #MONITORING}; the API port stays open to every
 * source (the API itself demands tokens).
 */
class KubernetesNetworkPoliciesTest {

    static final String MONITORING = "monitoring";

    static List<InvestFlowService> services() {
        return InvestFlowService.deployables();
    }

    @Test
    void everyPodTheKustomizationDeploysIsIsolatedForIngress() {
        List<JsonNode> pods = NetworkPolicies.podTemplates();

        assertThat(pods).isNotEmpty().allSatisfy(pod -> assertThat(NetworkPolicies.ingressPoliciesSelecting(pod.path("metadata").path("labels")))
                .as("NetworkPolicies selecting pods labelled %s", pod.path("metadata").path("labels"))
                .isNotEmpty());
    }

    @ParameterizedTest
    @MethodSource("services")
    void managementPortAdmitsOnlyTheMonitoringNamespace(InvestFlowService service) {
        DeployedService deployed = DeployedService.of(service);
        JsonNode labels = deployed.podLabels();
        int management = deployed.managementPort();

        assertThat(NetworkPolicies.ingressPoliciesSelecting(labels)).as("NetworkPolicies isolating %s", service).isNotEmpty();
        List<JsonNode> rules = NetworkPolicies.rulesAdmitting(labels, deployed.container(), management);
        assertThat(rules).as("ingress rules admitting %s:%d (Prometheus must reach it)", service, management).isNotEmpty();
        assertThat(rules).allSatisfy(rule -> {
            assertThat(NetworkPolicies.admitsEverySource(rule)).as("rule %s admits every source", rule).isFalse();
            assertThat(NetworkPolicies.peers(rule)).as("peers of rule %s", rule)
                    .allSatisfy(peer -> assertThat(NetworkPolicies.onlyFromNamespace(peer, MONITORING))
                            .as("peer %s is only the namespace %s", peer, MONITORING).isTrue());
        });
    }

    @ParameterizedTest
    @MethodSource("services")
    void apiPortStaysOpenToEverySource(InvestFlowService service) {
        DeployedService deployed = DeployedService.of(service);

        assertThat(NetworkPolicies.rulesAdmitting(deployed.podLabels(), deployed.container(), service.port()))
                .as("ingress rules admitting %s:%d", service, service.port())
                .anyMatch(NetworkPolicies::admitsEverySource);
    }

    // the checks themselves: they must see through the usual ways of opening a port too widely

    @Test
    void aRuleWithoutPortsAdmitsTheManagementPortAndOneWithoutPeersEverySource() {
        JsonNode container = yaml("{name: c, ports: [{name: http, containerPort: 8081}, {name: management, containerPort: 8090}]}");

        assertThat(NetworkPolicies.admitsPort(yaml("{from: [{podSelector: {}}]}"), container, 8090)).isTrue();
        assertThat(NetworkPolicies.admitsPort(yaml("{ports: [{port: management}]}"), container, 8090)).isTrue();
        assertThat(NetworkPolicies.admitsPort(yaml("{ports: [{port: 8000, endPort: 8100}]}"), container, 8090)).isTrue();
        assertThat(NetworkPolicies.admitsPort(yaml("{ports: [{protocol: TCP}]}"), container, 8090)).isTrue();
        assertThat(NetworkPolicies.admitsPort(yaml("{ports: [{port: http}]}"), container, 8090)).isFalse();
        assertThat(NetworkPolicies.admitsPort(yaml("{ports: [{port: 8090, protocol: UDP}]}"), container, 8090)).isFalse();
        assertThat(NetworkPolicies.admitsEverySource(yaml("{ports: [{port: 8090}]}"))).isTrue();
        assertThat(NetworkPolicies.admitsEverySource(yaml("{from: [], ports: [{port: 8090}]}"))).isTrue();
    }

    @Test
    void onlyANamespaceSelectorOnTheMonitoringNameCountsAsTheMonitoringNamespace() {
        assertThat(NetworkPolicies.onlyFromNamespace(yaml("""
                {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}},
                 podSelector: {matchLabels: {app.kubernetes.io/name: prometheus}}}"""), MONITORING)).isTrue();
        assertThat(NetworkPolicies.onlyFromNamespace(yaml("{namespaceSelector: {}}"), MONITORING)).isFalse();
        assertThat(NetworkPolicies.onlyFromNamespace(yaml("{podSelector: {matchLabels: {app.kubernetes.io/name: prometheus}}}"), MONITORING)).isFalse();
        assertThat(NetworkPolicies.onlyFromNamespace(yaml("{namespaceSelector: {matchLabels: {team: monitoring}}}"), MONITORING)).isFalse();
        assertThat(NetworkPolicies.onlyFromNamespace(yaml("{ipBlock: {cidr: 0.0.0.0/0}}"), MONITORING)).isFalse();
    }

    @Test
    void selectorsMatchAsKubernetesMatchesThem() {
        JsonNode labels = yaml("{app.kubernetes.io/name: intake, app.kubernetes.io/part-of: investflow}");

        assertThat(NetworkPolicies.selects(yaml("{}"), labels)).isTrue();
        assertThat(NetworkPolicies.selects(yaml("{matchLabels: {app.kubernetes.io/name: intake}}"), labels)).isTrue();
        assertThat(NetworkPolicies.selects(yaml("{matchLabels: {app.kubernetes.io/name: negotiation}}"), labels)).isFalse();
        assertThat(NetworkPolicies.selects(yaml("{matchExpressions: [{key: app.kubernetes.io/name, operator: In, values: [intake]}]}"), labels)).isTrue();
        assertThat(NetworkPolicies.selects(yaml("{matchExpressions: [{key: app.kubernetes.io/name, operator: NotIn, values: [intake]}]}"), labels)).isFalse();
        assertThat(NetworkPolicies.selects(yaml("{matchExpressions: [{key: tier, operator: DoesNotExist}]}"), labels)).isTrue();
        assertThat(NetworkPolicies.selects(yaml("{matchExpressions: [{key: tier, operator: Exists}]}"), labels)).isFalse();
    }

    private static JsonNode yaml(String text) {
        return YAMLMapper.shared().readTree(text);
    }
}
