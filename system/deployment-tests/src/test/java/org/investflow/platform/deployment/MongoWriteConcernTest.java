package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * In production a write the services were told succeeded survives the loss of the primary: every service's
 * connection string, in compose and in the Kubernetes example Secrets, asks for {@code w=majority} with
 * journaling. Consumers commit their Kafka offsets only after their write is acknowledged, so this is what makes
 * an acknowledged, consumed event impossible to lose (RELIABILITY.md).
 */
class MongoWriteConcernTest {

    static List<InvestFlowService> services() {
        return InvestFlowService.deployables();
    }

    @ParameterizedTest
    @MethodSource("services")
    void composeConnectsWithMajorityJournaledWrites(InvestFlowService service) {
        String uri = ComposeFile.load().environment(service.name()).get("SPRING_MONGODB_URI");

        assertThat(options(ComposeFile.uri(uri).getQuery())).as("%s in compose", service).contains("w=majority", "journal=true");
    }

    @ParameterizedTest
    @MethodSource("services")
    void kubernetesSecretsConnectWithMajorityJournaledWrites(InvestFlowService service) {
        String uri = KubernetesServicesTest.exampleSecretValue(service, "SPRING_MONGODB_URI");

        assertThat(options(java.net.URI.create(uri).getQuery())).as("%s in k8s", service).contains("w=majority", "journal=true");
    }

    private static List<String> options(String query) {
        return Arrays.asList(query.split("&"));
    }
}
