package org.investflow.tracking.calendar;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the commission's calendar days are counted ({@code investflow.tracking.calendar.*}).
 *
 * @param zone the commission's time zone; Chongqing keeps China Standard Time
 */
@ConfigurationProperties("investflow.tracking.calendar")
public record CalendarSettings(@DefaultValue("Asia/Shanghai") ZoneId zone) {
}
