package org.investflow.tracking.pipeline.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.investflow.tracking.pipeline.CaseFact;
import org.investflow.tracking.pipeline.CaseProfile;
import org.investflow.tracking.pipeline.PipelineCase;
import org.investflow.tracking.pipeline.PipelineStage;

/**
 * The pipeline table as RFC 4180 CSV for leadership reports: one record per case, CRLF line ends,
 * a field quoted (inner quotes doubled) when it holds a comma, quote, CR or LF. A text field that a
 * spreadsheet would read as a formula ({@code = + - @}, tab, CR at its start) gets a leading
 * apostrophe, so an investor's free text cannot run in a leader's spreadsheet.
 */
final class PipelineCsv {

    static final String HEADER = line(header());

    private PipelineCsv() {
    }

    private static List<String> header() {
        List<String> names = new ArrayList<>(List.of("caseId", "stage", "country", "industryCode", "district"));
        Arrays.stream(PipelineStage.values()).map(stage -> "enteredAt." + stage.name()).forEach(names::add);
        names.addAll(List.of("daysInStage", "committedAmount", "committedCurrency", "committedJobs", "realisedAmount",
                "jobsCreated", "constructionStartedAt", "overdueMilestones"));
        return names;
    }

    /** The record of {@code pipelineCase}; days in its current stage are whole days until {@code now}, never negative. */
    static String row(PipelineCase pipelineCase, Instant now) {
        CaseProfile profile = pipelineCase.profile();
        List<String> fields = new ArrayList<>();
        fields.add(pipelineCase.caseId());
        fields.add(pipelineCase.stage() == null ? null : pipelineCase.stage().name());
        fields.add(profile == null ? null : text(profile.country()));
        fields.add(profile == null ? null : text(profile.industryCode()));
        fields.add(profile == null ? null : text(profile.district()));
        var enteredAt = pipelineCase.enteredAt();
        for (PipelineStage stage : PipelineStage.values()) {
            Instant at = enteredAt.get(stage);
            fields.add(at == null ? null : at.toString());
        }
        Instant movedAt = pipelineCase.movedAt();
        fields.add(movedAt == null ? null : Long.toString(Math.max(0, Duration.between(movedAt, now).toDays())));
        figures(pipelineCase, fields);
        return line(fields);
    }

    /** The commission's figures of the case (empty until known); overdue milestones joined by {@code ;}. */
    private static void figures(PipelineCase pipelineCase, List<String> fields) {
        CaseFact.Committed committed = pipelineCase.committed();
        fields.add(committed == null ? null : committed.capital().amount().toPlainString());
        fields.add(committed == null ? null : committed.capital().currency());
        fields.add(committed == null ? null : Integer.toString(committed.jobs()));
        fields.add(pipelineCase.realised() == null ? null : pipelineCase.realised().capital().amount().toPlainString());
        fields.add(pipelineCase.jobsToDate() == null ? null : Integer.toString(pipelineCase.jobsToDate().jobs()));
        fields.add(pipelineCase.constructionStartedAt() == null ? null : pipelineCase.constructionStartedAt().toString());
        fields.add(pipelineCase.delay() == null || pipelineCase.delay().overdue().isEmpty() ? null
                : String.join(";", pipelineCase.delay().overdue()));
    }

    private static String line(List<String> fields) {
        return fields.stream().map(PipelineCsv::field).collect(Collectors.joining(",", "", "\r\n"));
    }

    /** Defuses a spreadsheet formula at the start of free text. */
    private static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** RFC 4180: empty for null; quoted, with quotes doubled, when the value holds a comma, quote, CR or LF. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
