/** Real broker and MongoDB-wire server for tests, shared per JVM; topic probes. */
package org.investflow.platform.testkit;
