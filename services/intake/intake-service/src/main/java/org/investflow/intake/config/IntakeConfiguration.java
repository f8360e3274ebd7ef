package org.investflow.intake.config;

import java.time.Clock;

import org.investflow.intake.assignment.AssignmentProperties;
import org.investflow.intake.intention.IntentionForm;
import org.investflow.intake.reference.ReferenceData;
import org.investflow.intake.screening.NegativeList;
import org.investflow.intake.screening.Screening;
import org.investflow.intake.screening.ScreeningProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires intake's plain-Java rules to their shipped data and settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ScreeningProperties.class, AssignmentProperties.class})
class IntakeConfiguration {

    @Bean
    ReferenceData referenceData() {
        return ReferenceData.shipped();
    }

    @Bean
    Screening screening(ScreeningProperties settings) {
        return new Screening(NegativeList.shipped(settings.negativeListEdition()), settings);
    }

    @Bean
    IntentionForm intentionForm(ReferenceData reference, Screening screening, Clock clock) {
        return new IntentionForm(reference, screening, clock);
    }
}
