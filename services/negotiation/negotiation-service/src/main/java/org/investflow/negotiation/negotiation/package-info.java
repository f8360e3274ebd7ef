/**
 * Negotiations: versioned term sheets proposed and countered by the case officer and the investor until one
 * is agreed, and reopened when the contract drafted from that agreement falls through.
 */
package org.investflow.negotiation.negotiation;
