package org.investflow.signing.events;

import java.time.LocalDate;

/**
 * The days by which each milestone must be reached; any may be left open (null). When given they
 * follow the project's order: business registration, land rights, construction start, operation
 * start; the first capital injection falls between registration and operation start.
 */
public record MilestoneDeadlines(LocalDate businessRegistration, LocalDate landRights, LocalDate constructionStart,
                                 LocalDate firstCapitalInjection, LocalDate operationStart) {
}
