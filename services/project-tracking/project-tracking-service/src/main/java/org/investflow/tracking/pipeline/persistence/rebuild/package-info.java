/** Rebuilding the pipeline read model from the topics into a fresh collection, then swapping it in. */
package org.investflow.tracking.pipeline.persistence.rebuild;
