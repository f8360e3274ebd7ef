/** The contract of topic {@code intake.events}: what intake tells the rest of InvestFlow. */
package org.investflow.intake.events;
