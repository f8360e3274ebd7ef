/** Wiring only. */
package org.investflow.negotiation.config;
