package org.investflow.platform.messaging.health;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The health of what every service needs to do its work, {@code broker} (Kafka) and {@code database}
 * (MongoDB), in the readiness group ({@link ReadinessDefaults}): while either is unreachable the
 * service is taken out of rotation, and put back when it answers again. Liveness does not include
 * them: restarting a service does not bring its broker back.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
public class MessagingHealthAutoConfiguration {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Bean
    BrokerHealthIndicator brokerHealthIndicator(KafkaAdmin admin) {
        return new BrokerHealthIndicator(admin.getConfigurationProperties(), TIMEOUT);
    }

    @Bean
    DatabaseHealthIndicator databaseHealthIndicator(ReactiveMongoTemplate mongo) {
        return new DatabaseHealthIndicator(mongo, TIMEOUT);
    }
}
