package org.investflow.tracking.pipeline;

/**
 * What leadership slices the funnel by, as the investor declared it in the intention.
 *
 * @param country ISO 3166-1 alpha-2 country of the investing company
 */
public record CaseProfile(String country, String industryCode, String district) {
}
