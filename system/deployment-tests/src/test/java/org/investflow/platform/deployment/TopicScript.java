package org.investflow.platform.deployment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The topics a shell script creates with {@code kafka-topics.sh --create}, with their partition
 * counts. One command per line, as in compose's kafka-init and the Kubernetes topics Job.
 */
final class TopicScript {

    private static final Pattern TOPIC = Pattern.compile("--topic[\\s=]+[\"']?([^\\s\"']+)");
    private static final Pattern PARTITIONS = Pattern.compile("--partitions[\\s=]+(\\d+)");

    private TopicScript() {
    }

    /** Topic → partitions (0 when the command leaves it to the broker default). */
    static Map<String, Integer> createdTopics(String script) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        script.lines()
                .filter(line -> line.contains("kafka-topics") && line.contains("--create"))
                .forEach(line -> {
                    Matcher topic = TOPIC.matcher(line);
                    if (!topic.find()) {
                        throw new AssertionError("topic creation without --topic: " + line);
                    }
                    if (topics.containsKey(topic.group(1))) {
                        throw new AssertionError("topic created twice: " + topic.group(1));
                    }
                    Matcher partitions = PARTITIONS.matcher(line);
                    topics.put(topic.group(1), partitions.find() ? Integer.parseInt(partitions.group(1)) : 0);
                });
        return topics;
    }
}
