/** Kafka adapters of negotiations: what negotiation hears from intake (accepted intentions) and e-signature (contracts that fell through). */
package org.investflow.negotiation.negotiation.messaging;
