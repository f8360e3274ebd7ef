package org.investflow.tracking.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The commission's calendar: which day it is where the commission works (Chongqing), because
 * "today" decides whether a milestone date lies in the future and whether a deadline has passed,
 * and a report's period of days starts at the commission's midnight. Instants stay UTC; only
 * calendar days are read in this zone.
 */
public final class CommissionCalendar {

    private final Clock clock;
    private final ZoneId zone;

    public CommissionCalendar(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** The commission's date now. */
    public LocalDate today() {
        return LocalDate.now(clock());
    }

    /** The service clock seen in the commission's zone, for code that reads dates from a clock. */
    public Clock clock() {
        return clock.withZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
