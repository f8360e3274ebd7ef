package org.investflow.tracking.project.web;

import org.investflow.tracking.project.Correction;

/** The optional {@code supersedes} + {@code reason} pair of the evidence bodies: both make a correction, neither a new entry. */
final class Corrections {

    static final String ENTRY_ID = "E[0-9]{1,9}";
    static final String ENTRY_ID_MESSAGE = "must name an entry of the project, like E3";

    private Corrections() {
    }

    /** Null when neither is given; otherwise a correction, refused naming the field that is missing. */
    static Correction of(String supersedes, String reason) {
        return supersedes == null && reason == null ? null : new Correction(supersedes, reason);
    }
}
