/** Kafka adapters of envelopes: negotiation's agreements in. */
package org.investflow.signing.envelope.messaging;
