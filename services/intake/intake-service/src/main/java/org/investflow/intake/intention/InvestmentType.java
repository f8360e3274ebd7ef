package org.investflow.intake.intention;

/** How the investor means to invest. */
public enum InvestmentType {
    GREENFIELD, EXPANSION, MERGER_ACQUISITION, JOINT_VENTURE
}
