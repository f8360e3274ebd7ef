/** Wiring only. */
package org.investflow.tracking.config;
