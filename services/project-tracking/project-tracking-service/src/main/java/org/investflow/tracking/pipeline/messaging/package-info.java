/** Kafka adapters of the pipeline: one batch listener over the upstream topics, feeding the read model. */
package org.investflow.tracking.pipeline.messaging;
