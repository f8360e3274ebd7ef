package org.investflow.tracking.project.persistence;

import java.time.LocalDate;

import org.investflow.tracking.project.Project;
import org.investflow.tracking.project.ProjectStatus;
import org.springframework.data.domain.Limit;
import org.springframework.data.mongodb.repository.Query;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Projects by case id; the delay check's candidates; the delayed ones. */
public interface ProjectRepository extends ReactiveMongoRepository<Project, String> {

    /**
     * Projects of {@code status} with a deadline before {@code day}: the landing deadline or a milestone deadline of
     * the landing rule's milestones (what the delay check looks at; operation start is not checked).
     */
    @Query("{ 'status': ?0, '$or': [ { 'commitment.landingDeadline': { '$lt': ?1 } },"
            + " { 'commitment.deadlines.businessRegistration': { '$lt': ?1 } },"
            + " { 'commitment.deadlines.constructionStart': { '$lt': ?1 } },"
            + " { 'commitment.deadlines.firstCapitalInjection': { '$lt': ?1 } } ] }")
    Flux<Project> findWithADeadlineBefore(ProjectStatus status, LocalDate day);

    /** Projects with overdue milestones, delayed longest first. */
    @Query(value = "{ 'delay.overdue.0': { '$exists': true } }", sort = "{ 'delay.since': 1, '_id': 1 }")
    Flux<Project> findDelayed(Limit limit);

    /** How many projects have overdue milestones. */
    @Query(value = "{ 'delay.overdue.0': { '$exists': true } }", count = true)
    Mono<Long> countDelayed();
}
