package org.investflow.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.Producer;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.events.CaseEvent;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;
import org.investflow.platform.messaging.CloudEventCodec;
import org.investflow.platform.messaging.OutboxMessages;
import org.investflow.signing.events.SigningEvents;
import org.investflow.tracking.events.TrackingEvents;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events of many investment cases, as the four services publish them, for the rebuild phase: each
 * case follows a real path through the stages (intake, negotiation, signing, tracking; exits included) in
 * funnel proportions; every event is the producer's contract record (built from its golden example with
 * the case's id, investor and times), turned into an outbox message by the services' {@link OutboxMessages}
 * and into a CloudEvents Kafka record by their {@link CloudEventCodec}, and sent with the services'
 * producer (acks=all, idempotent) without waiting per record. A case's events share its key, so they
 * land in one partition of each topic in order.
 */
final class CaseHistories {

    /** Final stage of the generated cases, with its share in percent (sums to 100). */
    static final Map<String, Integer> SHARES = shares();
    private static final Duration STEP = Duration.ofDays(9);

    private final JsonMapper json;
    private final OutboxMessages outbox;
    private final CloudEventCodec codec;
    private final Map<String, ObjectNode> templates = new HashMap<>();
    private final Map<String, List<Step>> paths = new LinkedHashMap<>();
    private final String run = Submissions.newRun();
    private final Instant origin = Instant.parse("2025-01-06T08:00:00Z");
    private long generated;

    CaseHistories(JsonMapper json, OutboxMessages outbox, CloudEventCodec codec) {
        this.json = json;
        this.outbox = outbox;
        this.codec = codec;
        definePaths();
    }

    /** What one call produced. */
    record Produced(long cases, long events, Map<String, Long> byStage, double seconds) {
    }

    /**
     * Sends {@code cases} more cases' events and waits until the broker acknowledged all of them.
     *
     * @throws IllegalStateException when a send fails or the deadline passes first
     */
    Produced produce(Producer<String, byte[]> producer, int cases, long deadline) {
        long started = System.nanoTime();
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Map<String, Long> byStage = new LinkedHashMap<>();
        long events = 0;
        List<String> stages = new ArrayList<>(paths.keySet());
        for (int i = 0; i < cases; i++) {
            if (failure.get() != null || System.nanoTime() > deadline) {
                throw new IllegalStateException("producing stopped after " + i + " of " + cases + " cases: "
                        + (failure.get() != null ? failure.get() : "out of time"));
            }
            long n = generated++;
            String stage = stageOf(n, stages);
            byStage.merge(stage, 1L, Long::sum);
            for (CaseEvent event : history(n, stage)) {
                producer.send(codec.toRecord(outbox.of(catalogOf(event), List.of(event)).get(0)), (meta, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        acked.incrementAndGet();
                    }
                });
                events++;
            }
        }
        producer.flush();
        if (failure.get() != null || acked.get() != events) {
            throw new IllegalStateException("the broker acknowledged " + acked.get() + " of " + events + " events: " + failure.get());
        }
        return new Produced(cases, events, byStage, (System.nanoTime() - started) / 1e9);
    }

    /** The stage case {@code n} ends in: the shares repeat every 100 cases, so any multiple of 100 has them exactly. */
    private static String stageOf(long n, List<String> stages) {
        int bucket = (int) (n % 100);
        int cumulative = 0;
        for (String stage : stages) {
            cumulative += SHARES.get(stage);
            if (bucket < cumulative) {
                return stage;
            }
        }
        throw new IllegalStateException("shares do not sum to 100");
    }

    /** The contract records of case {@code n}, in the order its producers would publish them. */
    List<CaseEvent> history(long n, String stage) {
        String caseId = "CQ-RB" + run + "-" + String.format("%07d", n);
        String investor = "investor-bench-" + (n % 997);
        Instant opened = origin.plusSeconds(n % (86_400L * 365));
        List<CaseEvent> events = new ArrayList<>();
        List<Step> path = paths.get(stage);
        for (int i = 0; i < path.size(); i++) {
            Step step = path.get(i);
            ObjectNode node = templates.computeIfAbsent(step.type(), type -> example(step.catalog(), type)).deepCopy();
            node.put("caseId", caseId);
            node.put("investorId", investor);
            node.put("occurredAt", opened.plus(STEP.multipliedBy(i)).toString());
            if ("INVESTOR".equals(node.path("actor").path("role").asText())) {
                ((ObjectNode) node.get("actor")).put("id", investor);
            }
            step.overrides().forEach((field, value) -> {
                if (value == null) {
                    node.putNull(field);
                } else {
                    node.set(field, json.valueToTree(value));
                }
            });
            events.add((CaseEvent) json.treeToValue(node, recordClass(step)));
        }
        return events;
    }

    private static Class<? extends Record> recordClass(Step step) {
        return step.catalog().forType(step.type()).map(EventType::recordClass)
                .orElseThrow(() -> new IllegalStateException(step.type() + " is not in " + step.catalog().topic()));
    }

    private static EventCatalog catalogOf(CaseEvent event) {
        return List.of(IntakeEvents.CATALOG, NegotiationEvents.CATALOG, SigningEvents.CATALOG, TrackingEvents.CATALOG).stream()
                .filter(catalog -> catalog.forRecord(event.getClass()).isPresent()).findFirst()
                .orElseThrow(() -> new IllegalStateException(event.getClass() + " is in no catalogue"));
    }

    private ObjectNode example(EventCatalog catalog, String type) {
        String resource = catalog.exampleResource(catalog.forType(type).orElseThrow());
        try (InputStream in = CaseHistories.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing golden example " + resource);
            }
            return (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each final stage's path: the previous stage's path and the events that move a case on. */
    private void definePaths() {
        List<Step> intention = List.of(intake(IntakeEvents.INTENTION_SUBMITTED));
        List<Step> screened = then(intention, intake(IntakeEvents.INTENTION_SCREENED));
        List<Step> negotiating = then(screened, intake(IntakeEvents.INTENTION_ACCEPTED),
                negotiation(NegotiationEvents.NEGOTIATION_OPENED), negotiation(NegotiationEvents.TERMS_PROPOSED));
        List<Step> agreed = then(negotiating, negotiation(NegotiationEvents.AGREEMENT_REACHED));
        List<Step> contracted = then(agreed, signing(SigningEvents.ENVELOPE_SENT),
                signing(SigningEvents.SIGNATURE_RECORDED),
                new Step(SigningEvents.CATALOG, SigningEvents.SIGNATURE_RECORDED, Map.of("signerOrder", 2,
                        "signerRole", "COMMISSION_REPRESENTATIVE", "signerId", "commission-rep-1")),
                signing(SigningEvents.CONTRACT_EXECUTED), tracking(TrackingEvents.PROJECT_STARTED, Map.of()));
        List<Step> landed = then(contracted, milestone("BUSINESS_REGISTERED", "E1"), milestone("CONSTRUCTION_STARTED", "E2"),
                tracking(TrackingEvents.CAPITAL_INJECTED, entry("E3")), tracking(TrackingEvents.PROJECT_LANDED, Map.of()));
        List<Step> operating = then(landed, milestone("OPERATION_STARTED", "E4"),
                tracking(TrackingEvents.PROJECT_OPERATING, Map.of()), tracking(TrackingEvents.JOBS_REPORTED, entry("E5")));
        paths.put("INTENTION", intention);
        paths.put("REJECTED", then(intention, intake(IntakeEvents.INTENTION_REJECTED)));
        paths.put("WITHDRAWN", then(intention, intake(IntakeEvents.INTENTION_WITHDRAWN)));
        paths.put("SCREENED", screened);
        paths.put("NEGOTIATING", negotiating);
        paths.put("NEGOTIATION_FAILED", then(negotiating, negotiation(NegotiationEvents.NEGOTIATION_FAILED)));
        paths.put("AGREED", agreed);
        paths.put("CONTRACTED", contracted);
        paths.put("LANDED", landed);
        paths.put("OPERATING", operating);
    }

    private static Map<String, Integer> shares() {
        Map<String, Integer> shares = new LinkedHashMap<>();
        shares.put("INTENTION", 30);
        shares.put("REJECTED", 10);
        shares.put("WITHDRAWN", 3);
        shares.put("SCREENED", 12);
        shares.put("NEGOTIATING", 15);
        shares.put("NEGOTIATION_FAILED", 3);
        shares.put("AGREED", 10);
        shares.put("CONTRACTED", 8);
        shares.put("LANDED", 6);
        shares.put("OPERATING", 3);
        return shares;
    }

    private static List<Step> then(List<Step> before, Step... more) {
        List<Step> path = new ArrayList<>(before);
        path.addAll(List.of(more));
        return List.copyOf(path);
    }

    private static Step intake(String type) {
        return new Step(IntakeEvents.CATALOG, type, Map.of());
    }

    private static Step negotiation(String type) {
        return new Step(NegotiationEvents.CATALOG, type, Map.of());
    }

    private static Step signing(String type) {
        return new Step(SigningEvents.CATALOG, type, Map.of());
    }

    private static Step tracking(String type, Map<String, Object> overrides) {
        return new Step(TrackingEvents.CATALOG, type, overrides);
    }

    private static Step milestone(String milestone, String entryId) {
        Map<String, Object> overrides = new HashMap<>(entry(entryId));
        overrides.put("milestone", milestone);
        return tracking(TrackingEvents.MILESTONE_RECORDED, overrides);
    }

    /** A first entry of the project's ledger: supersedes nothing. */
    private static Map<String, Object> entry(String entryId) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("entryId", entryId);
        overrides.put("supersedes", null);
        overrides.put("reason", null);
        return overrides;
    }

    private record Step(EventCatalog catalog, String type, Map<String, Object> overrides) {
    }
}
