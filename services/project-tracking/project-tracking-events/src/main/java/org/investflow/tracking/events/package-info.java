/** The contract of topic {@code tracking.events}: what project tracking tells the rest of InvestFlow. */
package org.investflow.tracking.events;
