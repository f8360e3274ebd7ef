/** Wiring only. */
package org.investflow.signing.config;
