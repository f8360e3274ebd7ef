package org.investflow.negotiation.negotiation.messaging;

import org.investflow.intake.events.IntakeEvents;
import org.investflow.intake.events.IntentionAccepted;
import org.investflow.negotiation.negotiation.NegotiationService;
import org.investflow.platform.messaging.Inbound;
import org.investflow.signing.events.ContractDeclined;
import org.investflow.signing.events.ContractExpired;
import org.investflow.signing.events.ContractVoided;
import org.investflow.signing.events.SigningEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What negotiation hears: intake's accepted intentions open a negotiation; e-signature's declined,
 * expired or voided contracts reopen the agreement they were drafted from.
 */
@Configuration(proxyBeanMethods = false)
class NegotiationSubscriptions {

    @Bean
    Inbound negotiationInbound(NegotiationService negotiations) {
        return Inbound.group("negotiation", IntakeEvents.CATALOG, SigningEvents.CATALOG)
                .on(IntentionAccepted.class, negotiations::open)
                .on(ContractDeclined.class, negotiations::reopen)
                .on(ContractExpired.class, negotiations::reopen)
                .on(ContractVoided.class, negotiations::reopen);
    }
}
