/** The contract of topic {@code signing.events}: what e-signature tells the rest of InvestFlow. */
package org.investflow.signing.events;
