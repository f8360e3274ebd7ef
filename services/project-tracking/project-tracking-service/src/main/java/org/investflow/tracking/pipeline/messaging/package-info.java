/** Kafka adapters of the pipeline: one listener per upstream topic, all feeding the read model. */
package org.investflow.tracking.pipeline.messaging;
