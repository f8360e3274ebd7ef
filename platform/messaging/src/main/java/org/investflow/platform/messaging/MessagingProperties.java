package org.investflow.platform.messaging;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messaging settings of one service ({@code investflow.messaging.*}).
 *
 * @param topics            topics this service creates at start-up: its own and the dead-letter topics of what it consumes
 * @param consumes          topics it subscribes to, for deployment checks; must equal the topics its {@link Inbound}
 *                          registrations consume, else the service refuses to start
 * @param relayInterval     how often the relay sweeps for unpublished events no save signalled (left by a crash,
 *                          a failed send or another instance); a save wakes the relay at once
 * @param partitions        partitions of the topics it creates
 * @param replicas          replication factor of the topics it creates
 * @param retries           delivery attempts after the first before a record goes to the dead-letter topic
 * @param retryBackoff      pause between those attempts
 */
@ConfigurationProperties("investflow.messaging")
public record MessagingProperties(
        @DefaultValue List<String> topics,
        @DefaultValue List<String> consumes,
        @DefaultValue("1s") Duration relayInterval,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("3") int retries,
        @DefaultValue("200ms") Duration retryBackoff) {
}
