package org.investflow.tracking.pipeline.persistence;

import org.investflow.tracking.pipeline.PipelineCase;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/** Pipeline cases by case id. */
public interface PipelineCaseRepository extends ReactiveMongoRepository<PipelineCase, String> {
}
