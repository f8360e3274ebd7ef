/** Wiring only. */
package org.investflow.intake.config;
