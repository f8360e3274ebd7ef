package org.investflow.intake.servicelevel;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/** Counts working days (Monday to Friday, not a listed holiday) in the commission's time zone. */
public final class WorkingDays {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;

    public WorkingDays(ZoneId zone, Set<LocalDate> holidays) {
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
    }

    /** The instant {@code days} working days before {@code now}: cases submitted earlier are overdue. */
    public Instant before(Instant now, int days) {
        ZonedDateTime time = now.atZone(zone);
        int remaining = days;
        while (remaining > 0) {
            time = time.minusDays(1);
            if (working(time.toLocalDate())) {
                remaining--;
            }
        }
        return time.toInstant();
    }

    boolean working(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }
}
