/** Kafka adapters of negotiations: what negotiation hears from intake. */
package org.investflow.negotiation.negotiation.messaging;
