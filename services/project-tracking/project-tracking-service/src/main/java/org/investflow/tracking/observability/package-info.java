/** Business metrics of project tracking for Prometheus, with bounded label sets. */
package org.investflow.tracking.observability;
