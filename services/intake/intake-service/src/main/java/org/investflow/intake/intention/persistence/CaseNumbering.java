package org.investflow.intake.intention.persistence;

import reactor.core.publisher.Mono;

/** Source of new case ids, unique across the commission. */
public interface CaseNumbering {

    Mono<String> next();
}
