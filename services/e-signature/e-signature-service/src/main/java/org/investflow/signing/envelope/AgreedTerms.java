package org.investflow.signing.envelope;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.investflow.signing.events.MilestoneDeadlines;
import org.investflow.signing.events.Tranche;

/**
 * The frozen terms of the agreement a contract is drafted from.
 *
 * @param investmentAmount exact decimal amount in {@code currency}
 * @param currency         ISO 4217
 * @param jobs             jobs the investor commits to create
 * @param landingDeadline  the day by which the project must land
 * @param capitalSchedule  the agreed tranches in {@code currency}, in order of due date; empty when not scheduled
 *                         (also in envelopes stored before the schedule was kept)
 * @param milestones       the agreed milestone deadlines, or null when none were agreed
 * @param district         the district of the land granted, or null when no land was agreed: it names
 *                         the district representative who signs
 */
public record AgreedTerms(BigDecimal investmentAmount, String currency, int jobs, LocalDate landingDeadline,
                          List<Tranche> capitalSchedule, MilestoneDeadlines milestones, String district) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public AgreedTerms {
        Objects.requireNonNull(investmentAmount, "investmentAmount");
        Objects.requireNonNull(landingDeadline, "landingDeadline");
        if (investmentAmount.signum() <= 0) {
            throw new IllegalArgumentException("investmentAmount must be positive");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
        if (jobs < 0) {
            throw new IllegalArgumentException("jobs must not be negative");
        }
        capitalSchedule = capitalSchedule == null ? List.of() : List.copyOf(capitalSchedule);
    }

    /** Terms without schedule, milestones or land, as the first release agreed them. */
    public AgreedTerms(BigDecimal investmentAmount, String currency, int jobs, LocalDate landingDeadline) {
        this(investmentAmount, currency, jobs, landingDeadline, List.of(), null, null);
    }
}
