package org.investflow.tracking.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.tracking.TrackingFixtures.golden;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.investflow.signing.events.SigningEvents;
import org.investflow.tracking.events.TrackingEvents;
import org.investflow.tracking.pipeline.PipelineCase;
import org.investflow.platform.messaging.IncomingEvent;
import org.investflow.tracking.pipeline.ReadModelReplay;
import org.junit.jupiter.api.Test;

class PipelineCsvTest {

    @Test
    void quotesOnlyWhatRfc4180Requires() {
        assertThat(PipelineCsv.field("plain")).isEqualTo("plain");
        assertThat(PipelineCsv.field("两江新区")).isEqualTo("两江新区");
        assertThat(PipelineCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(PipelineCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(PipelineCsv.field("line\r\nbreak")).isEqualTo("\"line\r\nbreak\"");
        assertThat(PipelineCsv.field("")).isEmpty();
        assertThat(PipelineCsv.field(null)).isEmpty();
    }

    /** Golden ContractExecuted (EUR 120,000,000, 350 jobs, 2026-04-12T10:15Z), then project tracking's figures. */
    @Test
    void aContractedCaseCarriesItsCommitmentRealisedCapitalJobsConstructionAndOverdueMilestones() {
        ReadModelReplay replay = new ReadModelReplay();
        feed(replay, golden(SigningEvents.CATALOG, SigningEvents.CONTRACT_EXECUTED, Map.of()));
        feed(replay, golden(TrackingEvents.CATALOG, TrackingEvents.CAPITAL_INJECTED,
                Map.of("realisedAmount", new BigDecimal("25000000.50"))));
        feed(replay, golden(TrackingEvents.CATALOG, TrackingEvents.JOBS_REPORTED, Map.of()));
        feed(replay, golden(TrackingEvents.CATALOG, TrackingEvents.MILESTONE_RECORDED, Map.of("milestone", "CONSTRUCTION_STARTED")));
        feed(replay, golden(TrackingEvents.CATALOG, TrackingEvents.PROJECT_DELAYED, Map.of()));
        PipelineCase contracted = List.copyOf(replay.cases()).get(0);

        String row = PipelineCsv.row(contracted, Instant.parse("2026-04-22T10:15:00Z"));

        assertThat(row).startsWith("CQ-2026-000123,CONTRACTED,,,,").endsWith(
                ",10,120000000,EUR,350,25000000.50,85,2026-06-16T02:30:00Z,CONSTRUCTION_STARTED;CAPITAL_INJECTED\r\n");
        assertThat(row.split(",", -1)).hasSize(PipelineCsv.HEADER.split(",", -1).length);
    }

    private static void feed(ReadModelReplay replay, IncomingEvent event) {
        replay.apply(event.id(), event.caseId(), event.data());
    }
}
