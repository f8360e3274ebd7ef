package org.investflow.signing.envelope.messaging;

import org.investflow.negotiation.events.AgreementReached;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.messaging.Inbound;
import org.investflow.signing.envelope.EnvelopeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What e-signature hears: every agreement negotiation reaches becomes an envelope to sign. */
@Configuration(proxyBeanMethods = false)
class EnvelopeSubscriptions {

    @Bean
    Inbound envelopeInbound(EnvelopeService envelopes) {
        return Inbound.group("e-signature", NegotiationEvents.CATALOG)
                .on(AgreementReached.class, envelopes::send);
    }
}
