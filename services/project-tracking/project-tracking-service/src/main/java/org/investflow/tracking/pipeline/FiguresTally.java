package org.investflow.tracking.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import java.util.TreeSet;

/** Adds up contracted cases one by one into the {@link CommissionFigures}; one pass, no case kept. */
final class FiguresTally {

    private final ReportingCurrency reporting;
    private long contracted;
    private long landed;
    private long constructionStarted;
    private long fulfilled;
    private BigDecimal committedCapital = BigDecimal.ZERO;
    private BigDecimal realisedCapital = BigDecimal.ZERO;
    private long committedJobs;
    private long createdJobs;
    private final Set<String> unconverted = new TreeSet<>();

    FiguresTally(ReportingCurrency reporting) {
        this.reporting = reporting;
    }

    FiguresTally add(PipelineCase pipelineCase) {
        CaseFact.Committed committed = pipelineCase.committed();
        if (committed == null) {
            return this;
        }
        BigDecimal realised = pipelineCase.realised() == null ? BigDecimal.ZERO : pipelineCase.realised().capital().amount();
        int jobs = pipelineCase.jobsToDate() == null ? 0 : pipelineCase.jobsToDate().jobs();
        addCounts(1, pipelineCase.enteredAt().containsKey(PipelineStage.LANDED) ? 1 : 0,
                pipelineCase.constructionStartedAt() != null ? 1 : 0,
                realised.compareTo(committed.capital().amount()) >= 0 && jobs >= committed.jobs() ? 1 : 0, committed.jobs(), jobs);
        addCapital(committed.capital().amount(), realised, committed.capital().currency());
        return this;
    }

    /** Adds the counts of some contracted cases (one case, or a tally of many). */
    FiguresTally addCounts(long contracted, long landed, long constructionStarted, long fulfilled, long committedJobs,
                           long createdJobs) {
        this.contracted += contracted;
        this.landed += landed;
        this.constructionStarted += constructionStarted;
        this.fulfilled += fulfilled;
        this.committedJobs += committedJobs;
        this.createdJobs += createdJobs;
        return this;
    }

    /** Adds capital committed and realised in {@code currency} (converting is linear, so sums convert like their parts). */
    void addCapital(BigDecimal committed, BigDecimal realised, String currency) {
        reporting.convert(committed, currency).ifPresentOrElse(amount -> committedCapital = committedCapital.add(amount),
                () -> unconverted.add(currency));
        reporting.convert(realised, currency).ifPresent(amount -> realisedCapital = realisedCapital.add(amount));
    }

    CommissionFigures figures() {
        return new CommissionFigures(contracted, landed, constructionStarted, fulfilled, ratio(landed, contracted),
                ratio(constructionStarted, contracted), ratio(realisedCapital, committedCapital), ratio(fulfilled, contracted),
                new CommissionFigures.CapitalFigures(reporting.currency(), cents(committedCapital), cents(realisedCapital)),
                new CommissionFigures.JobsFigures(committedJobs, createdJobs), unconverted);
    }

    private static BigDecimal ratio(long part, long whole) {
        return ratio(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
