package org.investflow.devstack;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLabelTest {

    private final LoggerContext context = new LoggerContext();
    private final ServiceLabel label = new ServiceLabel();

    @ParameterizedTest(name = "{0} logging while {1} starts is labelled {2}")
    @CsvSource(nullValues = "none", value = {
            "org.springdoc.core.events.SpringDocAppInitializer, negotiation, negotiation",
            "org.investflow.intake.intention.IntentionService, project-tracking, project-tracking",
            "org.investflow.intake.intention.IntentionService, none, intake",
            "org.investflow.negotiation.negotiation.NegotiationService, none, negotiation",
            "org.investflow.signing.config.SealConfiguration, none, e-signature",
            "org.investflow.tracking.pipeline.persistence.rebuild.PipelineRebuild, none, project-tracking",
            "org.investflow.platform.messaging.InboundEvents, none, stack",
            "org.apache.kafka.clients.consumer.ConsumerConfig, none, stack"})
    void labelsALineWithTheServiceStartingOnItsThreadElseByItsLoggersPackage(String logger, String starting, String expected) {
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger(logger), Level.WARN, "a line", null, null);
        event.setMDCPropertyMap(starting == null ? Map.of() : Map.of(ServiceLabel.STARTING, starting));

        assertThat(label.convert(event)).isEqualTo(expected);
    }
}
