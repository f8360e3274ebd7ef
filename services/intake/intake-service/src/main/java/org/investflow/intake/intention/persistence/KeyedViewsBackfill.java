package org.investflow.intake.intention.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.investflow.intake.assignment.AssignmentProperties;
import org.investflow.intake.intention.Intention;
import org.investflow.intake.intention.IntentionStatus;
import org.investflow.intake.screening.CompanyKey;
import org.investflow.intake.screening.ScreeningProperties;
import org.investflow.platform.scheduling.SchedulerLease;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Builds the keyed documents of the command paths ({@link CompanyCases}, {@link OfficerLoads}) from the
 * intentions stored before they existed: once per database (a marker in {@code counters}), on one instance
 * at a time, off the request path. It scans the intentions, as the command paths no longer do. Officers'
 * loads are recounted from their cases and overwrite the documents.
 */
public class KeyedViewsBackfill {

    static final String MARKER = "keyed-views-1";
    private static final String LEASE = "intake-keyed-views-backfill";
    private static final List<IntentionStatus> OPEN = List.of(IntentionStatus.IN_REVIEW, IntentionStatus.INFORMATION_REQUESTED);

    private final ReactiveMongoTemplate mongo;
    private final CompanyCases companyCases;
    private final OfficerLoads loads;
    private final AssignmentProperties officers;
    private final Duration duplicateWindow;
    private final SchedulerLease lease;
    private final Clock clock;

    public KeyedViewsBackfill(ReactiveMongoTemplate mongo, CompanyCases companyCases, OfficerLoads loads,
                              AssignmentProperties officers, ScreeningProperties screening, SchedulerLease lease, Clock clock) {
        this.mongo = mongo;
        this.companyCases = companyCases;
        this.loads = loads;
        this.officers = officers;
        this.duplicateWindow = screening.duplicateWindow();
        this.lease = lease;
        this.clock = clock;
    }

    /** Backfills unless done before; emits whether it did now (empty when another instance holds the lease). */
    public Mono<Boolean> runOnce() {
        Query marker = Query.query(Criteria.where("_id").is(MARKER));
        return lease.runExclusively(LEASE, Duration.ofMinutes(1), mongo.exists(marker, "counters")
                .flatMap(done -> done ? Mono.just(false) : backfill()
                        .then(mongo.upsert(marker, new Update().set("at", clock.instant()), "counters"))
                        .thenReturn(true)));
    }

    private Mono<Void> backfill() {
        return Flux.concat(fileRecentCases(), recountLoads()).then();
    }

    private Mono<Void> fileRecentCases() {
        Instant since = clock.instant().minus(duplicateWindow);
        return mongo.find(Query.query(Criteria.where("submittedAt").gte(since)), Intention.class)
                .filter(intention -> intention.details() != null)
                .concatMap(intention -> companyCases.file(intention.caseId().value(), intention.submittedAt(),
                        CompanyCases.keys(CompanyKey.of(intention.details().companyName()),
                                intention.details().registrationNumber(), intention.details().industryCode(),
                                intention.details().district()), since).then())
                .then();
    }

    private Mono<Void> recountLoads() {
        return Flux.fromIterable(officers.officers()).map(AssignmentProperties.Officer::id)
                .concatMap(officer -> Mono.zip(openCases(officer), lastAssigned(officer))
                        .flatMap(counted -> loads.reset(officer, counted.getT1(), counted.getT2().orElse(null))))
                .then();
    }

    private Mono<Long> openCases(String officer) {
        return mongo.count(Query.query(Criteria.where("assignment.officerId").is(officer).and("status").in(OPEN)), Intention.class);
    }

    private Mono<Optional<Instant>> lastAssigned(String officer) {
        Query assigned = Query.query(Criteria.where("assignment.officerId").is(officer))
                .with(Sort.by(Sort.Direction.DESC, "assignment.since")).limit(1);
        return mongo.findOne(assigned, Intention.class).mapNotNull(Intention::assignedAt).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }
}
