package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Topics are created by deployment, not by broker auto-creation: compose's one-shot topic service
 * and the Kubernetes topics Job create exactly the topics the services declare in
 * {@code investflow.messaging.topics} and {@code investflow.messaging.consumes}.
 */
class TopicProvisioningTest {

    static final int PARTITIONS = 3;

    @Test
    void composeCreatesExactlyTheTopicsTheServicesWriteOrRead() {
        assertThat(composeTopics().keySet()).containsExactlyInAnyOrderElementsOf(InvestFlowService.declaredTopics());
    }

    @Test
    void kubernetesJobCreatesExactlyTheTopicsTheServicesWriteOrRead() {
        assertThat(kubernetesTopics().keySet()).containsExactlyInAnyOrderElementsOf(InvestFlowService.declaredTopics());
    }

    @Test
    void everyTopicIsCreatedWithThreePartitionsDeadLettersIncluded() {
        assertThat(composeTopics()).allSatisfy((topic, partitions) -> assertThat(partitions).as(topic).isEqualTo(PARTITIONS));
        assertThat(kubernetesTopics()).allSatisfy((topic, partitions) -> assertThat(partitions).as(topic).isEqualTo(PARTITIONS));
    }

    @Test
    void everyEventTopicHasADeadLetterTopic() {
        Set<String> topics = InvestFlowService.declaredTopics();

        assertThat(topics).filteredOn(topic -> !topic.endsWith(".DLT"))
                .isNotEmpty()
                .allSatisfy(topic -> assertThat(topics).contains(topic + ".DLT"));
    }

    @Test
    void everyConsumedTopicIsCreatedByExactlyOneService() {
        List<String> created = InvestFlowService.all().stream().flatMap(service -> service.topics().stream()).toList();
        // An event topic has one writer; a dead-letter topic is written by every consumer of its topic,
        // so each of them declares it (creation is idempotent).
        List<String> eventTopics = created.stream().filter(topic -> !topic.endsWith(".DLT")).toList();

        assertThat(eventTopics).doesNotHaveDuplicates();
        assertThat(InvestFlowService.all()).allSatisfy(service -> assertThat(created).containsAll(service.consumes()));
        assertThat(InvestFlowService.all()).allSatisfy(service -> assertThat(service.topics())
                .containsAll(service.consumes().stream().map(topic -> topic + ".DLT").toList()));
    }

    static Map<String, Integer> composeTopics() {
        ComposeFile compose = ComposeFile.load();
        return TopicScript.createdTopics(compose.script(compose.topicCreatingService()));
    }

    static Map<String, Integer> kubernetesTopics() {
        return TopicScript.createdTopics(kubernetesTopicScript());
    }

    /** The script of the one Kubernetes Job that creates topics. */
    static String kubernetesTopicScript() {
        List<String> scripts = KubernetesManifests.deployed("Job").stream()
                .map(TopicProvisioningTest::script)
                .filter(script -> !TopicScript.createdTopics(script).isEmpty())
                .toList();
        assertThat(scripts).as("Kubernetes Jobs creating topics").hasSize(1);
        return scripts.get(0);
    }

    private static String script(JsonNode job) {
        StringBuilder script = new StringBuilder();
        job.path("spec").path("template").path("spec").path("containers").valueStream().forEach(container -> {
            container.path("command").valueStream().forEach(part -> script.append(part.asString()).append('\n'));
            container.path("args").valueStream().forEach(part -> script.append(part.asString()).append('\n'));
        });
        return script.toString();
    }
}
