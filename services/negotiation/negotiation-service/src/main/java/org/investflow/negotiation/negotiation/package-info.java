/** Negotiations: versioned term sheets proposed by the case officer until the investor accepts one. */
package org.investflow.negotiation.negotiation;
