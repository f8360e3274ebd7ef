package org.investflow.negotiation.negotiation.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.investflow.negotiation.events.Incentive;
import org.investflow.negotiation.events.Land;
import org.investflow.negotiation.events.MilestoneDeadlines;
import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.events.Tranche;

/**
 * A term sheet as a party's desk sends it. The four first fields are required (the form of the first
 * release); the structure and {@code basedOn} are optional. Rules across fields (tranches adding up,
 * milestone order) are the negotiation's to check.
 *
 * @param basedOn the version this proposal counters; when given it must be the one on the table
 */
public record ProposeTermsRequest(
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 2) BigDecimal investmentAmount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
        @NotNull @Min(0) @Max(1_000_000) Integer jobs,
        @NotNull @NotBeforeToday LocalDate landingDeadline,
        @Size(max = 60) List<@NotNull @Valid TrancheRequest> capitalSchedule,
        @Valid LandRequest land,
        @Size(max = 3) List<@NotNull @Valid IncentiveRequest> incentives,
        @Valid MilestonesRequest milestones,
        @Size(max = 50) List<@NotBlank @Size(max = 4000) String> specialConditions,
        @Min(1) Integer basedOn) {

    Terms toTerms() {
        return new Terms(investmentAmount, currency, jobs, landingDeadline,
                capitalSchedule == null ? null : capitalSchedule.stream().map(TrancheRequest::toTranche).toList(),
                land == null ? null : land.toLand(),
                incentives == null ? null : incentives.stream().map(IncentiveRequest::toIncentive).toList(),
                milestones == null ? null : milestones.toDeadlines(),
                specialConditions);
    }

    /** One capital tranche. */
    public record TrancheRequest(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 2) BigDecimal amount,
            @NotNull LocalDate dueBy) {

        Tranche toTranche() {
            return new Tranche(amount, dueBy);
        }
    }

    /** The land granted. */
    public record LandRequest(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 2) BigDecimal areaSquareMetres,
            @NotBlank @Size(max = 100) String district,
            @NotBlank @Size(max = 50) String use,
            @NotNull @Pattern(regexp = "PURCHASE|LEASE", message = "must be PURCHASE or LEASE") String tenure,
            @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal price,
            @Min(1) @Max(99) Integer leaseYears) {

        Land toLand() {
            return new Land(areaSquareMetres, district, use, tenure, price, leaseYears);
        }
    }

    /** One incentive with its policy basis. */
    public record IncentiveRequest(
            @NotNull @Pattern(regexp = "TAX_REBATE|SUBSIDY|RENT_FREE", message = "must be TAX_REBATE, SUBSIDY or RENT_FREE") String kind,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal value,
            @NotBlank @Size(max = 500) String policyBasis) {

        Incentive toIncentive() {
            return new Incentive(kind, value, policyBasis);
        }
    }

    /** Milestone deadlines, each optional. */
    public record MilestonesRequest(LocalDate businessRegistration, LocalDate landRights, LocalDate constructionStart,
                                    LocalDate firstCapitalInjection, LocalDate operationStart) {

        MilestoneDeadlines toDeadlines() {
            return new MilestoneDeadlines(businessRegistration, landRights, constructionStart, firstCapitalInjection,
                    operationStart);
        }
    }
}
