/** Scheduled work on negotiations, one instance at a time: the inactivity failure, approval escalation, gauges. */
package org.investflow.negotiation.negotiation.scheduling;
