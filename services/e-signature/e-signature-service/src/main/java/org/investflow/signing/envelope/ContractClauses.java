package org.investflow.signing.envelope;

/**
 * The commission's standard clauses in force when a contract was drafted, frozen with it so that a later
 * change of wording never changes a contract already sent.
 *
 * @param governingLaw      the law the contract is governed by, bilingual
 * @param disputeResolution how disputes are resolved (court or arbitration), bilingual
 */
public record ContractClauses(String governingLaw, String disputeResolution) {

    public ContractClauses {
        if (governingLaw == null || governingLaw.isBlank() || disputeResolution == null || disputeResolution.isBlank()) {
            throw new IllegalArgumentException("the governing-law and dispute-resolution clauses must not be blank");
        }
    }
}
