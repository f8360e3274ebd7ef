package org.investflow.platform.deployment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ACLs a shell script adds with {@code kafka-acls.sh --add}, one command per line, as in compose's
 * kafka-init: who may do what to which topic or consumer group.
 */
final class KafkaAclScript {

    private static final Pattern PRINCIPAL = Pattern.compile("--allow-principal[\\s=]+[\"']?User:([^\\s\"']+)");
    private static final Pattern OPERATION = Pattern.compile("--operation[\\s=]+(\\w+)");
    private static final Pattern RESOURCE = Pattern.compile("--(topic|group|cluster|transactional-id)(?:[\\s=]+[\"']?([^\\s\"']+))?");
    private static final Pattern PATTERN_TYPE = Pattern.compile("--resource-pattern-type[\\s=]+(\\w+)");

    /** One allow rule: principal (without "User:"), operations, resource type and name, literal or prefixed. */
    record Acl(String principal, Set<String> operations, String resourceType, String resource, String patternType) {

        boolean allows(String principal, String operation, String resourceType) {
            return this.principal.equals(principal) && operations.contains(operation) && this.resourceType.equals(resourceType);
        }
    }

    private KafkaAclScript() {
    }

    static List<Acl> acls(String script) {
        return script.lines()
                .filter(line -> line.contains("kafka-acls") && line.contains("--add"))
                .map(KafkaAclScript::acl)
                .toList();
    }

    private static Acl acl(String line) {
        Matcher principal = PRINCIPAL.matcher(line);
        Matcher resource = RESOURCE.matcher(line);
        if (!principal.find() || !resource.find()) {
            throw new AssertionError("ACL without --allow-principal User:... or a resource: " + line);
        }
        Set<String> operations = new LinkedHashSet<>();
        Matcher operation = OPERATION.matcher(line);
        while (operation.find()) {
            operations.add(operation.group(1));
        }
        Matcher patternType = PATTERN_TYPE.matcher(line);
        return new Acl(principal.group(1), operations, resource.group(1), resource.group(2),
                patternType.find() ? patternType.group(1) : "literal");
    }
}
