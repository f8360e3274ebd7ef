/**
 * On-demand benchmarks: the limits of the parts (Kafka, the MongoDB-wire server, a bare WebFlux
 * endpoint) and InvestFlow measured beside them on the same machine, in one bounded run.
 */
package org.investflow.benchmarks;
