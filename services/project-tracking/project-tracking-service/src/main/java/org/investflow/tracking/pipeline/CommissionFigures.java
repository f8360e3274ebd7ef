package org.investflow.tracking.pipeline;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The commission's figures over the contracted cases of a filter, each case counted once, in the period of
 * its first signing (a later contract of the same case, such as a capital increase, replaces its commitment,
 * so only the increment adds).
 *
 * @param contracted             cases with an executed contract
 * @param landed                 of them, cases that reached LANDED
 * @param constructionStarted    of them, cases whose construction started
 * @param fulfilled              of them, cases whose realised capital and jobs created both reached the committed ones
 * @param landingRate            landed ÷ contracted (4 decimals; null when nothing was contracted)
 * @param constructionStartRate  constructionStarted ÷ contracted
 * @param fundsInPlaceRate       realised ÷ committed capital, in the reporting currency
 * @param contractFulfilmentRate fulfilled ÷ contracted
 * @param capital                committed and realised capital in the reporting currency
 * @param jobs                   jobs committed and created to date
 * @param unconverted            currencies without a configured rate, whose capital is left out of {@code capital}
 */
public record CommissionFigures(long contracted, long landed, long constructionStarted, long fulfilled, BigDecimal landingRate,
                                BigDecimal constructionStartRate, BigDecimal fundsInPlaceRate, BigDecimal contractFulfilmentRate,
                                CapitalFigures capital, JobsFigures jobs, Set<String> unconverted) {

    /**
     * Capital in {@code currency}, exact to the cent. Named apart from the project's own {@code Capital} view: the
     * OpenAPI document names a schema by its simple class name, and two records of one name would become one schema.
     */
    public record CapitalFigures(String currency, BigDecimal committed, BigDecimal realised) {
    }

    /** Jobs committed by the contracts and created to date by the projects. */
    public record JobsFigures(long committed, long created) {
    }
}
