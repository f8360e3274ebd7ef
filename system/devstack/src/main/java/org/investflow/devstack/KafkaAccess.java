package org.investflow.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.yaml.snakeyaml.Yaml;

/**
 * What one service's Kafka principal may do, derived as compose's kafka-init derives it from the service's
 * own {@code <service>.yml}: write exactly its {@code investflow.messaging.topics} (its event topic and the
 * dead-letter topics of what it consumes), read exactly its {@code investflow.messaging.consumes} and the
 * dead-letter topics it writes (its dead-letter gauges and listing read them), and use only consumer groups
 * whose names start with its own name. Write and Read imply Describe.
 *
 * @param principal the service's name, its SCRAM user
 * @param writes    topics it may write
 * @param reads     topics it may read
 */
public record KafkaAccess(String principal, Set<String> writes, Set<String> reads) {

    private static final String DEAD_LETTER_SUFFIX = ".DLT";

    /** The access of {@code service}, from its {@code <service>.yml} on the classpath. */
    public static KafkaAccess of(Service service) {
        String resource = service.serviceName() + ".yml";
        try (InputStream yaml = KafkaAccess.class.getClassLoader().getResourceAsStream(resource)) {
            if (yaml == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            Map<String, Object> messaging = section(section(new Yaml().load(yaml), "investflow"), "messaging");
            Set<String> writes = strings(messaging.get("topics"));
            Set<String> reads = strings(messaging.get("consumes"));
            writes.stream().filter(topic -> topic.endsWith(DEAD_LETTER_SUFFIX)
                            && reads.contains(topic.substring(0, topic.length() - DEAD_LETTER_SUFFIX.length())))
                    .forEach(reads::add);
            return new KafkaAccess(service.serviceName(), Set.copyOf(writes), Set.copyOf(reads));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every topic this access names. */
    public Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>(writes);
        topics.addAll(reads);
        return topics;
    }

    /** The ACLs that allow exactly this access. */
    public List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        writes.forEach(topic -> acls.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE)));
        reads.forEach(topic -> acls.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ)));
        acls.add(allow(ResourceType.GROUP, principal, PatternType.PREFIXED, AclOperation.READ));
        return acls;
    }

    /** The ACLs of all {@code accesses}. */
    public static List<AclBinding> acls(Collection<KafkaAccess> accesses) {
        return accesses.stream().flatMap(access -> access.acls().stream()).toList();
    }

    private AclBinding allow(ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Object parent, String key) {
        Object child = parent instanceof Map<?, ?> map ? map.get(key) : null;
        if (!(child instanceof Map<?, ?>)) {
            throw new IllegalStateException("no " + key + " section");
        }
        return (Map<String, Object>) child;
    }

    private static Set<String> strings(Object list) {
        Set<String> strings = new LinkedHashSet<>();
        if (list instanceof List<?> values) {
            values.forEach(value -> strings.add(String.valueOf(value)));
        }
        return strings;
    }
}
