/** MongoDB adapters of the pipeline read model. */
package org.investflow.tracking.pipeline.persistence;
