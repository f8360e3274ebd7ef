package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compose's Kafka authenticates every client with SASL/SCRAM and authorises every request by ACL (the
 * Kubernetes topics Job adds the same ACLs to the platform's Kafka): each
 * service's principal writes only the topics its configuration declares ({@code investflow.messaging.topics}:
 * its own event topic and the dead-letter topics of what it consumes), reads only what it consumes
 * ({@code investflow.messaging.consumes}) and the dead-letter topics of it (an administrator lists and replays
 * them through the service), and joins only consumer groups named after it, as the local stack's broker allows.
 */
class KafkaSecurityTest {

    static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";
    static final String MECHANISM = "SCRAM-SHA-512";
    static final String ADMIN = "admin";
    static final String SCRAM_PASSWORD_PREFIX = "SCRAM_PASSWORD_";
    static final String START_SCRIPT = "deploy/kafka/kafka-start.sh";
    static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1");

    private static final Pattern JAAS = Pattern.compile(
            "org\\.apache\\.kafka\\.common\\.security\\.scram\\.ScramLoginModule required username=\"([^\"]+)\" password=\"([^\"]+)\";");
    private static final Pattern GROUP_IN_CODE = Pattern.compile("(?:groupId\\s*=\\s*|GROUP\\s*=\\s*|GROUP_ID_CONFIG,\\s*)\"([^\"]+)\"");

    /** Where the ACLs are added: compose's kafka-init, or the Kubernetes topics Job. */
    enum Deployment {
        COMPOSE, KUBERNETES;

        String script() {
            return this == COMPOSE ? compose.script(compose.topicCreatingService()) : TopicProvisioningTest.kubernetesTopicScript();
        }

        List<KafkaAclScript.Acl> acls() {
            return KafkaAclScript.acls(script());
        }
    }

    private static ComposeFile compose;
    private static String kafka;

    @BeforeAll
    static void load() {
        compose = ComposeFile.load();
        kafka = compose.serviceReachableAs(ComposeFile.host(compose.environment("intake").get("SPRING_KAFKA_BOOTSTRAP_SERVERS")))
                .orElseThrow();
    }

    static List<InvestFlowService> services() {
        return InvestFlowService.all();
    }

    @Test
    void theBrokerAuthorisesEveryRequestAndNoServiceIsASuperUser() {
        Map<String, String> broker = compose.environment(kafka);

        assertThat(broker.get("KAFKA_AUTHORIZER_CLASS_NAME")).isEqualTo(AUTHORIZER);
        assertThat(broker.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")).isEqualTo("false");
        assertThat(superUsers()).isNotEmpty()
                .doesNotContainAnyElementsOf(services().stream().map(service -> "User:" + service.name()).toList())
                .allSatisfy(user -> assertThat(user).isIn("User:" + adminUser(), "User:ANONYMOUS"));
    }

    @Test
    void everyListenerTheNetworkReachesAuthenticatesWithScram() {
        Map<String, String> broker = compose.environment(kafka);
        Map<String, String> protocols = listenerMap(broker.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"));
        Map<String, String> listeners = listenerMap(broker.get("KAFKA_LISTENERS"));

        assertThat(listeners).isNotEmpty().allSatisfy((name, address) -> {
            String protocol = protocols.get(name);
            assertThat(protocol).as("protocol of listener %s", name).isNotNull();
            if (!protocol.startsWith("SASL_")) {
                assertThat(ComposeFile.host(address)).as("unauthenticated listener %s binds only the loopback", name)
                        .isIn(LOCAL_HOSTS);
            }
        });
        assertThat(listenerMap(broker.get("KAFKA_ADVERTISED_LISTENERS")).keySet())
                .allSatisfy(name -> assertThat(protocols.get(name)).startsWith("SASL_"));
        assertThat(broker.get("KAFKA_SASL_ENABLED_MECHANISMS")).isEqualTo(MECHANISM);
        assertThat(broker.get("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL")).isEqualTo(MECHANISM);
    }

    @Test
    void theBrokerCreatesTheScramUsersWhenItFormatsItsStorage() {
        String entrypoint = compose.script(kafka);
        List<String> mounts = compose.mountTargets(kafka, "./" + START_SCRIPT);

        assertThat(mounts).as("%s mounted into the broker", START_SCRIPT).singleElement();
        assertThat(entrypoint).contains(mounts.get(0));
        assertThat(read(START_SCRIPT)).contains("kafka-storage.sh format").contains("--add-scram").contains(SCRAM_PASSWORD_PREFIX)
                .contains(MECHANISM);
        assertThat(scramUsers().keySet()).contains(adminUser())
                .containsAll(services().stream().map(InvestFlowService::name).toList());
        assertThat(scramUsers().values()).allSatisfy(password -> assertThat(password).matches(ComposeCredentialsTest.REQUIRED_VARIABLE));
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyServiceAuthenticatesAsItsOwnPrincipal(InvestFlowService service) {
        Map<String, String> environment = compose.environment(service.name());
        Matcher jaas = JAAS.matcher(environment.getOrDefault("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", ""));

        assertThat(environment).containsEntry("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", MECHANISM);
        assertThat(jaas.matches()).as("SCRAM login of %s", service).isTrue();
        assertThat(jaas.group(1)).isEqualTo(service.name());
        assertThat(variable(jaas.group(2))).as("the password the broker holds for %s", service)
                .isEqualTo(variable(scramUsers().get(service.name())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("deploymentsAndServices")
    void everyServiceMayWriteOnlyTheTopicsItDeclares(Deployment deployment, InvestFlowService service) {
        assertThat(resources(deployment, service, "Write", "topic")).containsExactlyInAnyOrderElementsOf(service.topics());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("deploymentsAndServices")
    void everyServiceMayReadOnlyTheTopicsItConsumesAndTheirDeadLetters(Deployment deployment, InvestFlowService service) {
        Set<String> reads = new TreeSet<>(service.consumes());
        reads.addAll(service.deadLettersOfConsumed());
        assertThat(resources(deployment, service, "Read", "topic")).containsExactlyInAnyOrderElementsOf(reads);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("deploymentsAndServices")
    void everyServiceMayJoinOnlyConsumerGroupsNamedAfterIt(Deployment deployment, InvestFlowService service) {
        List<KafkaAclScript.Acl> groups = deployment.acls().stream()
                .filter(acl -> acl.principal().equals(service.name()) && acl.resourceType().equals("group")).toList();

        if (service.consumes().isEmpty()) {
            assertThat(groups).isEmpty();
        } else {
            assertThat(groups).singleElement().satisfies(acl -> {
                assertThat(acl.resource()).isEqualTo(service.name());
                assertThat(acl.patternType()).isEqualTo("prefixed");
                assertThat(acl.operations()).containsExactly("Read");
            });
        }
        assertThat(consumerGroupsInCode(service)).allSatisfy(group -> assertThat(group).startsWith(service.name()));
    }

    @ParameterizedTest
    @EnumSource(Deployment.class)
    void aclsNameOnlyServicePrincipalsAndNeverAWildcard(Deployment deployment) {
        Set<String> principals = services().stream().map(InvestFlowService::name).collect(Collectors.toSet());

        assertThat(deployment.acls()).isNotEmpty().allSatisfy(acl -> {
            assertThat(acl.principal()).isIn(principals);
            assertThat(acl.resource()).isNotNull().isNotEqualTo("*");
            assertThat(acl.resourceType()).isIn("topic", "group");
            assertThat(acl.operations()).isNotEmpty().isSubsetOf("Read", "Write", "Describe");
            assertThat(acl.patternType()).isEqualTo(acl.resourceType().equals("group") ? "prefixed" : "literal");
        });
    }

    @ParameterizedTest
    @EnumSource(Deployment.class)
    void everyTopicAndAclCommandLogsInAsTheAdministrator(Deployment deployment) {
        assertThat(deployment.script().lines().filter(line -> line.contains("/opt/kafka/bin/kafka-")))
                .isNotEmpty().allSatisfy(line -> assertThat(line).contains("--command-config"));
    }

    @Test
    void theComposeInitContainerAndTheHealthcheckLogInAsTheAdministrator() {
        assertThat(compose.healthcheck(kafka)).contains("--command-config");
        assertThat(compose.environment(compose.topicCreatingService()).get("KAFKA_ADMIN_PASSWORD"))
                .isEqualTo(scramUsers().get(adminUser()));
    }

    static Stream<Arguments> deploymentsAndServices() {
        return Arrays.stream(Deployment.values())
                .flatMap(deployment -> services().stream().map(service -> Arguments.of(deployment, service)));
    }

    private static Set<String> resources(Deployment deployment, InvestFlowService service, String operation, String resourceType) {
        return deployment.acls().stream().filter(acl -> acl.allows(service.name(), operation, resourceType))
                .map(KafkaAclScript.Acl::resource).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** SCRAM user → password, from the broker's {@code SCRAM_PASSWORD_<USER>} settings ("E_SIGNATURE" → "e-signature"). */
    private static Map<String, String> scramUsers() {
        Map<String, String> users = new LinkedHashMap<>();
        compose.environment(kafka).forEach((name, value) -> {
            if (name.startsWith(SCRAM_PASSWORD_PREFIX)) {
                users.put(name.substring(SCRAM_PASSWORD_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-'), value);
            }
        });
        return users;
    }

    private static List<String> superUsers() {
        return Arrays.stream(compose.environment(kafka).getOrDefault("KAFKA_SUPER_USERS", "").split(";"))
                .map(String::trim).filter(user -> !user.isEmpty()).toList();
    }

    /** The SCRAM user the broker itself, kafka-init and the healthcheck log in as. */
    private static String adminUser() {
        return ADMIN;
    }

    /** "NAME://host:port,..." or "NAME:PROTOCOL,..." as NAME → the rest. */
    private static Map<String, String> listenerMap(String value) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (value != null) {
            Arrays.stream(value.split(",")).map(String::trim).filter(entry -> !entry.isEmpty()).forEach(entry -> {
                int split = entry.indexOf(':');
                entries.put(entry.substring(0, split), entry.substring(split + 1).replaceFirst("^//", ""));
            });
        }
        return entries;
    }

    private static String variable(String value) {
        Matcher interpolation = ComposeFile.INTERPOLATION.matcher(value == null ? "" : value);
        assertThat(interpolation.find()).as("'%s' is an interpolated variable", value).isTrue();
        return interpolation.group(1);
    }

    private static Set<String> consumerGroupsInCode(InvestFlowService service) {
        Path sources = Repository.root().resolve("services/" + service.name() + "/" + service.name() + "-service/src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> GROUP_IN_CODE.matcher(Repository.text(file)).results().map(result -> result.group(1)))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String file) {
        return Repository.text(Repository.file(file));
    }
}
