package org.investflow.tracking.pipeline.web;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.investflow.tracking.pipeline.PipelineFilter;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filters leadership applies to pipeline figures, from the query string; every one optional.
 *
 * @param from first day (inclusive, commission's zone) of the period in which cases were opened
 * @param to   last day (inclusive) of that period
 */
public record PipelineQuery(
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
        @Pattern(regexp = "[A-U]([0-9]{2,4})?", message = "must be a GB/T 4754 industry code such as C29") String industryCode,
        @Size(min = 1, max = 100) String district,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    @AssertTrue(message = "must not lie after to")
    boolean isFromBeforeTo() {
        return from == null || to == null || !from.isAfter(to);
    }

    PipelineFilter toFilter(ZoneId zone) {
        return new PipelineFilter(country, industryCode, district,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
