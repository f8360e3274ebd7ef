package org.investflow.negotiation.negotiation.web;

import org.investflow.negotiation.negotiation.StaleRevisionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * {@code If-Match} naming a revision that is no longer current: 412 as problem+json. platform/web has
 * no precondition refusal yet; this belongs there once a second service needs it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaleRevisionResponses {

    @ExceptionHandler(StaleRevisionException.class)
    ResponseEntity<ProblemDetail> stale(StaleRevisionException e) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage()));
    }
}
