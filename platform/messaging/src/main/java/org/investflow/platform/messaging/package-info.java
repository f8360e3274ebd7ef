/** Kafka plumbing every service shares: CloudEvents mapping, outbox relay, inbound reading, dead letters. */
package org.investflow.platform.messaging;
