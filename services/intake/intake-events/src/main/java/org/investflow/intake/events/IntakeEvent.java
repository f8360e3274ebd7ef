package org.investflow.intake.events;

import org.investflow.platform.events.CaseEvent;

/** An event of an investment intention's life in intake. */
public sealed interface IntakeEvent extends CaseEvent permits IntentionSubmitted, IntentionScreened, IntentionInformationRequested, IntentionUpdated,
        IntentionReassigned, IntentionFlagged, IntentionAccepted, IntentionRejected, IntentionWithdrawn {

    /** The investor who submitted the intention and owns the case. */
    String investorId();
}
