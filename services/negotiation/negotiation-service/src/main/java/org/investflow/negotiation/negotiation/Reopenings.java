package org.investflow.negotiation.negotiation;

import java.util.ArrayList;
import java.util.List;

import org.investflow.platform.domain.RuleViolationException;

/**
 * The agreements whose contracts fell through, oldest first, and, while the negotiation is reopened,
 * which parties accepted the agreed version again: both must before it is agreed anew.
 */
public class Reopenings {

    private List<Reopening> past = new ArrayList<>();
    private List<Side> acceptedAgainBy = new ArrayList<>();

    /**
     * Whether a contract outcome concerns {@code current}: false for an earlier agreement or an envelope that
     * already reopened the negotiation; refused for terms this case never agreed on.
     */
    boolean concern(Agreement current, ContractOutcome outcome, String caseId) {
        boolean alreadyReopened = past.stream().anyMatch(reopening -> reopening.envelopeId().equals(outcome.envelopeId()));
        if (current != null && current.fingerprint().hex().equals(outcome.termsFingerprint()) && !alreadyReopened) {
            return true;
        }
        if (alreadyReopened || past.stream().anyMatch(reopening -> reopening.agreement().fingerprint().hex()
                .equals(outcome.termsFingerprint()))) {
            return false;
        }
        throw new RuleViolationException("negotiation " + caseId + " never agreed on terms with fingerprint "
                + outcome.termsFingerprint() + " (contract " + outcome.cause().toLowerCase() + ")");
    }

    /** Moves an agreement to the history; the wait for both acceptances starts afresh. */
    void add(Reopening reopening) {
        past.add(reopening);
        acceptedAgainBy.clear();
    }

    /** The fingerprint a new agreement supersedes: that of the last agreement that fell through, else null. */
    String supersededFingerprint() {
        return past.isEmpty() ? null : past.get(past.size() - 1).agreement().fingerprint().hex();
    }

    /** {@code side} accepts the agreed version again; true once both parties have. */
    boolean acceptAgain(Side side, int version) {
        if (acceptedAgainBy.contains(side)) {
            throw new RuleViolationException("you already accepted version " + version
                    + " again; the other party's acceptance is awaited");
        }
        acceptedAgainBy.add(side);
        return acceptedAgainBy.size() == Side.values().length;
    }

    /** Ends the wait for acceptances: an agreement, a counter-offer on the table or a failure. */
    void clearAcceptances() {
        acceptedAgainBy.clear();
    }

    List<Reopening> all() {
        return List.copyOf(past);
    }

    List<Side> acceptedAgainBy() {
        return List.copyOf(acceptedAgainBy);
    }
}
