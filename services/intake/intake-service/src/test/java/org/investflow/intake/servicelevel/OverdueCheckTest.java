package org.investflow.intake.servicelevel;

import org.investflow.platform.testkit.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.investflow.intake.events.IntakeEvents;
import org.investflow.intake.servicelevel.scheduling.OverdueCheck;
import org.investflow.platform.testkit.ServiceIntegrationTest;
import org.investflow.platform.testkit.TestIssuer;
import org.investflow.platform.testkit.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The first-decision service level with a controlled clock: 5 working days, weekends and holidays excluded. */
@ServiceIntegrationTest
@TestPropertySource(properties = {"spring.config.name=intake", "investflow.web.investor-requests=100000",
        "investflow.intake.service-level.check-interval=1h"})
@Import(OverdueCheckTest.ControlledClock.class)
class OverdueCheckTest {

    static final Instant WEDNESDAY = Instant.parse("2026-03-04T02:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    OverdueCheck check;
    @Autowired
    MutableClock clock;

    @Test
    void anOpenCaseIsFlaggedOverdueOnceAfterFiveWorkingDays() {
        clock.set(WEDNESDAY);
        String caseId = submit();

        clock.set(Instant.parse("2026-03-10T02:00:00Z"));
        check.runOnce().block();
        assertThat(flagsOf(caseId)).doesNotContain("OVERDUE");

        clock.set(Instant.parse("2026-03-12T03:00:00Z"));
        check.runOnce().block();
        check.runOnce().block();
        assertThat(flagsOf(caseId)).contains("OVERDUE");
        try (TopicProbe topic = TopicProbe.of(IntakeEvents.TOPIC)) {
            topic.await(caseId, IntakeEvents.INTENTION_FLAGGED);
            assertThat(topic.seenFor(caseId)).filteredOn(r -> IntakeEvents.INTENTION_FLAGGED.equals(TopicProbe.header(r, "ce_type")))
                    .hasSize(1);
        }
        http().get().uri("/actuator/prometheus").exchange().expectBody(String.class)
                .value(metrics -> assertThat(metrics).containsPattern("investflow_intake_overdue \\d+"));
    }

    @Test
    void twoInstancesCheckingAtOnceFlagACaseOnlyOnce() {
        clock.set(Instant.parse("2026-04-01T02:00:00Z"));
        String caseId = submit();
        clock.set(Instant.parse("2026-04-20T02:00:00Z"));
        Mono.zip(check.runOnce().defaultIfEmpty(-1L), check.runOnce().defaultIfEmpty(-1L)).block();
        check.runOnce().block();
        try (TopicProbe topic = TopicProbe.of(IntakeEvents.TOPIC)) {
            topic.await(caseId, IntakeEvents.INTENTION_FLAGGED);
            assertThat(topic.seenFor(caseId)).filteredOn(r -> IntakeEvents.INTENTION_FLAGGED.equals(TopicProbe.header(r, "ce_type")))
                    .hasSize(1);
        }
    }

    @Test
    void workingDaysSkipWeekendsAndHolidays() {
        WorkingDays days = new WorkingDays(ZoneId.of("Asia/Shanghai"), Set.of(java.time.LocalDate.parse("2026-10-01")));
        assertThat(days.before(Instant.parse("2026-03-09T02:00:00Z"), 1)).isEqualTo(Instant.parse("2026-03-06T02:00:00Z"));
        assertThat(days.before(Instant.parse("2026-10-02T02:00:00Z"), 1)).isEqualTo(Instant.parse("2026-09-30T02:00:00Z"));
    }

    private String submit() {
        Map<String, Object> form = new java.util.HashMap<>(Map.of("companyName", "Late Reply GmbH " + UUID.randomUUID(),
                "country", "DE", "registrationNumber", "HRB " + UUID.randomUUID(), "contactName", "Anna",
                "contactEmail", "anna@late.example", "contactPhone", "+4930123456", "industryCode", "C29",
                "investmentType", "GREENFIELD", "plannedAmount", new java.math.BigDecimal("1000000.00"), "currency", "EUR"));
        form.putAll(Map.of("plannedJobs", 10, "district", "Yubei District", "expectedStart", "2027-01-01"));
        return http().post().uri("/api/intentions").headers(h -> h.setBearerAuth(TestIssuer.token("investor-sla", "INVESTOR")))
                .header("Idempotency-Key", "key-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON).bodyValue(form)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("caseId").toString();
    }

    private java.util.List<String> flagsOf(String caseId) {
        return ((java.util.List<?>) http().get().uri("/api/intentions/" + caseId)
                .headers(h -> h.setBearerAuth(TestIssuer.token("leader-chen", "LEADER"))).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("flags")).stream().map(String::valueOf).toList();
    }

    private WebTestClient http() {
        return LocalClient.to(port);
    }

    /** A clock the test sets. */
    static final class MutableClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-04T02:00:00Z"));

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ControlledClock {

        @Bean
        @Primary
        MutableClock controlledClock() {
            return new MutableClock();
        }
    }
}
