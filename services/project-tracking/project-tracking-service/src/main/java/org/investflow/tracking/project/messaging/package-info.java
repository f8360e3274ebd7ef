/** Kafka adapters of projects: e-signature's executed contracts start them. */
package org.investflow.tracking.project.messaging;
