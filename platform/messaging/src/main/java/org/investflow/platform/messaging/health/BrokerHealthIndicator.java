package org.investflow.platform.messaging.health;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/**
 * UP while the Kafka cluster answers a {@code describeCluster} within the timeout, DOWN otherwise. One
 * admin client lives as long as the service and reconnects by itself, so the service turns ready
 * again when the broker returns, without a restart.
 */
public class BrokerHealthIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {

    private final AdminClient admin;
    private final Duration timeout;

    public BrokerHealthIndicator(Map<String, Object> adminConfiguration, Duration timeout) {
        super("Kafka broker unreachable");
        this.admin = AdminClient.create(adminConfiguration);
        this.timeout = timeout;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        return Mono.fromCompletionStage(cluster.nodes().toCompletionStage())
                .map(nodes -> builder.up().withDetail("nodes", nodes.size()).build())
                .timeout(timeout.plusSeconds(1));
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
