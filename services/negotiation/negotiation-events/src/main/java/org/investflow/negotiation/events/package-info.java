/** The contract of topic {@code negotiation.events}: what negotiation tells the rest of InvestFlow. */
package org.investflow.negotiation.events;
