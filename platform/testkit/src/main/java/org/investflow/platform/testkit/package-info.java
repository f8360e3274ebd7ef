/** Real infrastructure for tests (one Kafka broker, one MongoDB-wire server per JVM) and contract checks. */
package org.investflow.platform.testkit;
