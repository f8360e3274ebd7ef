package org.investflow.tracking.project.persistence;

import org.investflow.tracking.project.Project;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/** Projects by case id. */
public interface ProjectRepository extends ReactiveMongoRepository<Project, String> {
}
