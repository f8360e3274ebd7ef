package org.investflow.platform.web;

/** The roles of InvestFlow's users. */
public enum Role {
    /** A foreign investor using the portal; owns the cases they submit. */
    INVESTOR,
    /** A commission case officer. */
    OFFICER,
    /** Commission leadership: reads everything, approves. */
    LEADER,
    /** Manages configuration. */
    ADMIN
}
