package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compose's Kafka security, for real: the broker started by compose's own start script (see
 * {@link ComposeKafkaBroker}), the topics and ACLs of compose's kafka-init applied as the admin, then each
 * service's SCRAM principal tried against every topic. A service's credentials write its own topics and no
 * other service's, read what it consumes in its own group only, and a wrong password gets no session.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ComposeKafkaBrokerTest {

    private static ComposeKafkaBroker broker;

    @BeforeAll
    static void startComposeBroker() throws Exception {
        ComposeFile compose = ComposeFile.load();
        String kafka = compose.serviceReachableAs(ComposeFile.host(compose.environment("intake").get("SPRING_KAFKA_BOOTSTRAP_SERVERS")))
                .orElseThrow();
        broker = ComposeKafkaBroker.start(compose, kafka);
        String init = compose.script(compose.topicCreatingService());
        try (Admin admin = Admin.create(broker.login(KafkaSecurityTest.ADMIN))) {
            admin.createTopics(TopicScript.createdTopics(init).entrySet().stream()
                    .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1)).toList()).all().get(1, TimeUnit.MINUTES);
            admin.createAcls(bindings(KafkaAclScript.acls(init))).all().get(1, TimeUnit.MINUTES);
        }
        // one record on every topic, so that reading means fetching (which needs Read), not only joining
        for (String topic : InvestFlowService.declaredTopics()) {
            assertThat(send(KafkaSecurityTest.ADMIN, topic)).as("the admin writing %s", topic).isNull();
        }
    }

    @AfterAll
    static void stopComposeBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    static List<InvestFlowService> services() {
        return InvestFlowService.all();
    }

    @ParameterizedTest
    @MethodSource("services")
    void aServiceWritesItsOwnTopicsAndNoOtherTopic(InvestFlowService service) {
        assertThat(InvestFlowService.declaredTopics()).allSatisfy(topic -> {
            if (service.topics().contains(topic)) {
                assertThat(send(service.name(), topic)).as("%s writing %s", service, topic).isNull();
            } else {
                assertThat(send(service.name(), topic)).as("%s writing %s", service, topic)
                        .isInstanceOf(TopicAuthorizationException.class);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("services")
    void aServiceReadsWhatItConsumesInItsOwnGroupOnly(InvestFlowService service) {
        List<String> deadLetters = service.deadLettersOfConsumed();
        List<String> others = Stream.concat(InvestFlowService.declaredTopics().stream(), Stream.of("undeclared.events"))
                .filter(topic -> !service.consumes().contains(topic) && !deadLetters.contains(topic)).toList();

        if (!service.consumes().isEmpty()) {
            String consumed = service.consumes().iterator().next();
            assertThat(read(service.name(), consumed, service.name())).as("%s reading %s", service, consumed).isNull();
            assertThat(read(service.name(), consumed, "not-" + service.name())).isInstanceOf(GroupAuthorizationException.class);
            assertThat(read(service.name(), deadLetters.get(0), service.name())).as("%s reading its dead letters", service).isNull();
        }
        // a service that consumes nothing has no group either, and is refused there first
        assertThat(read(service.name(), others.get(0), service.name())).as("%s reading %s", service, others.get(0))
                .isInstanceOf(service.consumes().isEmpty() ? AuthorizationException.class : TopicAuthorizationException.class);
    }

    @Test
    void aWrongPasswordGetsNoSession() {
        Map<String, Object> settings = new HashMap<>(broker.login("intake", "not-the-password"));
        settings.put("max.block.ms", 30_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("intake.events", "case", "event")).get(1, TimeUnit.MINUTES))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    /** Sends one record as {@code user}; the failure, or null once the broker acknowledged it. */
    private static Throwable send(String user, String topic) {
        Map<String, Object> settings = new HashMap<>(broker.login(user));
        settings.put("acks", "all");
        settings.put("enable.idempotence", true);
        settings.put("max.block.ms", 30_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "case", "event")).get(1, TimeUnit.MINUTES);
            return null;
        } catch (Exception e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    /** Joins {@code group} as {@code user}, reads a record of {@code topic} and commits; the failure, or null. */
    private static Throwable read(String user, String topic, String group) {
        Map<String, Object> settings = new HashMap<>(broker.login(user));
        settings.put("group.id", group);
        settings.put("auto.offset.reset", "earliest");
        settings.put("enable.auto.commit", false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int read = 0;
            while (read == 0 && System.nanoTime() < deadline) {
                read = consumer.poll(Duration.ofMillis(500)).count();
            }
            consumer.commitSync(Duration.ofSeconds(30));
            return read == 0 ? new AssertionError("nothing read from " + topic) : null;
        } catch (Exception e) {
            return e;
        }
    }

    private static List<AclBinding> bindings(List<KafkaAclScript.Acl> acls) {
        List<AclBinding> bindings = new ArrayList<>();
        acls.forEach(acl -> acl.operations().forEach(operation -> bindings.add(new AclBinding(
                new ResourcePattern(ResourceType.valueOf(upper(acl.resourceType())), acl.resource(), PatternType.valueOf(upper(acl.patternType()))),
                new AccessControlEntry("User:" + acl.principal(), "*", AclOperation.valueOf(upper(operation)), AclPermissionType.ALLOW)))));
        return bindings;
    }

    private static String upper(String kafkaAclsArgument) {
        return kafkaAclsArgument.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
