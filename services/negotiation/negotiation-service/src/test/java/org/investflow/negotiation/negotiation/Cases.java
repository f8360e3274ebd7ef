package org.investflow.negotiation.negotiation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.platform.testkit.GoldenEvents;

/** Object mother of the integration tests: fresh case ids, intake's golden acceptance, a valid term sheet. */
final class Cases {

    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 800_000));

    private Cases() {
    }

    /** A case id no other test of this JVM uses. */
    static String fresh() {
        return String.format("NG-2026-%06d", NEXT.incrementAndGet());
    }

    /** Intake's golden {@code IntentionAccepted} for {@code caseId} owned by {@code investor}, with a fresh event id. */
    static ProducerRecord<String, byte[]> accepted(String caseId, String investor) {
        return GoldenEvents.record(IntakeEvents.CATALOG, IntakeEvents.INTENTION_ACCEPTED,
                Map.of("caseId", caseId, "investorId", investor));
    }

    /** As {@link #accepted(String, String)}, with the case assigned to {@code officer}. */
    static ProducerRecord<String, byte[]> accepted(String caseId, String investor, String officer) {
        return GoldenEvents.record(IntakeEvents.CATALOG, IntakeEvents.INTENTION_ACCEPTED, Map.of("caseId", caseId,
                "investorId", investor, "officerId", officer, "actor", Map.of("id", officer, "role", "OFFICER")));
    }

    /**
     * {@code overrides} plus an acceptance as earlier releases of intake sent it, without the company's registration
     * (null: the golden record can only set fields; a missing one reads the same, as intake's contract test shows).
     */
    static Map<String, Object> withoutRegistration(Map<String, Object> overrides) {
        Map<String, Object> earlier = new java.util.HashMap<>(overrides);
        earlier.put("registrationNumber", null);
        earlier.put("country", null);
        return earlier;
    }

    /** A valid term sheet; tests change only the fields that matter to them. */
    static Map<String, Object> terms() {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("investmentAmount", new java.math.BigDecimal("120000000.00"));
        terms.put("currency", "EUR");
        terms.put("jobs", 350);
        terms.put("landingDeadline", LocalDate.now().plusYears(2).toString());
        return terms;
    }

    /** A valid term sheet with five rent-free years: beyond the default policy of three, so it needs approval. */
    static Map<String, Object> generousTerms() {
        Map<String, Object> terms = terms();
        terms.put("incentives", java.util.List.of(Map.of("kind", "RENT_FREE", "value", 5, "policyBasis", "land policy art. 12")));
        return terms;
    }

    static Map<String, Object> terms(String amount) {
        Map<String, Object> terms = terms();
        terms.put("investmentAmount", new java.math.BigDecimal(amount));
        return terms;
    }
}
