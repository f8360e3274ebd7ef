package org.investflow.intake.events;

import org.investflow.platform.events.CaseEvent;

/** An event of an investment intention's life in intake. */
public sealed interface IntakeEvent extends CaseEvent permits IntentionSubmitted, IntentionAccepted, IntentionRejected {

    /** The investor who submitted the intention and owns the case. */
    String investorId();
}
