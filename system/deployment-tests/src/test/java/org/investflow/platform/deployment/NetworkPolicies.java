package org.investflow.platform.deployment;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * The ingress semantics of the NetworkPolicies k8s/ deploys (networking.k8s.io/v1), as far as the
 * checks need them: which policies select a pod, which of their rules admit a port, and from whom.
 * All policies and pods live in the kustomization's one namespace.
 */
final class NetworkPolicies {

    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

    private NetworkPolicies() {
    }

    static List<JsonNode> deployed() {
        return KubernetesManifests.deployed("NetworkPolicy");
    }

    /** The pod template of every workload k8s/ deploys (CronJobs through their job template). */
    static List<JsonNode> podTemplates() {
        return KubernetesManifests.deployed().stream()
                .flatMap(resource -> {
                    String kind = resource.path("kind").asString();
                    if (WORKLOADS.contains(kind)) {
                        return Stream.of(resource.path("spec").path("template"));
                    }
                    if (kind.equals("CronJob")) {
                        return Stream.of(resource.path("spec").path("jobTemplate").path("spec").path("template"));
                    }
                    return Stream.empty();
                })
                .toList();
    }

    /** The policies that isolate pods with these labels for ingress: only what their rules admit reaches such a pod. */
    static List<JsonNode> ingressPoliciesSelecting(JsonNode podLabels) {
        return deployed().stream()
                .filter(NetworkPolicies::governsIngress)
                .filter(policy -> selects(policy.path("spec").path("podSelector"), podLabels))
                .toList();
    }

    /** The ingress rules, of the policies selecting the pod, that admit the container port {@code port}. */
    static List<JsonNode> rulesAdmitting(JsonNode podLabels, JsonNode container, int port) {
        return ingressPoliciesSelecting(podLabels).stream()
                .flatMap(policy -> policy.path("spec").path("ingress").valueStream())
                .filter(rule -> admitsPort(rule, container, port))
                .toList();
    }

    /** policyTypes names Ingress, or is absent (then a policy always governs ingress). */
    static boolean governsIngress(JsonNode policy) {
        JsonNode types = policy.path("spec").path("policyTypes");
        return types.isMissingNode() || types.valueStream().anyMatch(type -> type.asString().equals("Ingress"));
    }

    /** A label selector: empty selects everything; matchLabels and matchExpressions must all hold. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        boolean matchLabels = selector.path("matchLabels").propertyStream()
                .allMatch(label -> labels.path(label.getKey()).isString()
                        && labels.path(label.getKey()).asString().equals(label.getValue().asString()));
        boolean matchExpressions = selector.path("matchExpressions").valueStream().allMatch(expression -> {
            JsonNode value = labels.path(expression.path("key").asString());
            List<String> values = expression.path("values").valueStream().map(JsonNode::asString).toList();
            return switch (expression.path("operator").asString()) {
                case "In" -> value.isString() && values.contains(value.asString());
                case "NotIn" -> !value.isString() || !values.contains(value.asString());
                case "Exists" -> value.isString();
                case "DoesNotExist" -> !value.isString();
                default -> throw new AssertionError("unknown selector operator in " + expression);
            };
        });
        return matchLabels && matchExpressions;
    }

    /** A rule without ports admits every port; otherwise one entry must name the port (number, range or name) over TCP. */
    static boolean admitsPort(JsonNode rule, JsonNode container, int port) {
        JsonNode ports = rule.path("ports");
        if (ports.isMissingNode() || ports.isNull() || ports.isEmpty()) {
            return true;
        }
        return ports.valueStream().anyMatch(entry -> {
            String protocol = entry.path("protocol").asString("TCP");
            if (!protocol.isEmpty() && !protocol.equals("TCP")) {
                return false;
            }
            JsonNode number = entry.path("port");
            if (number.isMissingNode() || number.isNull()) {
                return true;
            }
            if (number.canConvertToInt()) {
                int from = number.asInt();
                int to = entry.path("endPort").asInt(from);
                return from <= port && port <= to;
            }
            return container.path("ports").valueStream()
                    .anyMatch(declared -> declared.path("name").asString().equals(number.asString())
                            && declared.path("containerPort").asInt() == port);
        });
    }

    /** A rule without {@code from} (or with an empty one) admits every source. */
    static boolean admitsEverySource(JsonNode rule) {
        JsonNode from = rule.path("from");
        return from.isMissingNode() || from.isNull() || from.isEmpty();
    }

    /** The peers a rule admits; empty for a rule admitting every source. */
    static List<JsonNode> peers(JsonNode rule) {
        return rule.path("from").valueStream().toList();
    }

    /**
     * A peer that admits only pods of the namespace {@code namespace}: a namespaceSelector on that
     * namespace's name label (optionally narrowed by a podSelector), no ipBlock. A peer with a
     * podSelector alone means the policy's own namespace, an empty namespaceSelector every namespace.
     */
    static boolean onlyFromNamespace(JsonNode peer, String namespace) {
        JsonNode namespaces = peer.path("namespaceSelector");
        return !peer.has("ipBlock")
                && namespaces.path("matchLabels").path(NAMESPACE_NAME_LABEL).asString("").equals(namespace);
    }
}
