/** Readiness of a service's messaging infrastructure: the Kafka broker and the MongoDB database answer. */
package org.investflow.platform.messaging.health;
