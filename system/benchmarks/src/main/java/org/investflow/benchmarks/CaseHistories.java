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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.domain.OutboxMessage;
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
 * land in one partition of each topic in order. The records are built before the send ({@link #prepare}),
 * once per stage through the contract records and then per case from that template, so the send beside the
 * measured system costs what a producer costs.
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
    /** Stand-ins in the template messages for what differs by case: shaped like the real values, in no example. */
    private static final String CASE_STAND_IN = "CQ-RB0000-#######";
    private static final String INVESTOR_STAND_IN = "investor-bench-###";
    private static final Instant STANDING_IN_FOR_OPENED = Instant.parse("1901-01-01T00:00:00Z");

    private final Map<String, List<OutboxMessage>> stencils = new HashMap<>();
    private final String run = Submissions.newRun();
    private final Instant origin = Instant.parse("2025-01-06T08:00:00Z");
    private long generated;

    CaseHistories(JsonMapper json, OutboxMessages outbox, CloudEventCodec codec) {
        this.json = json;
        this.outbox = outbox;
        this.codec = codec;
        definePaths();
    }

    /** What one send produced; {@code seconds} is the send's, {@code prepareSeconds} the building of its records. */
    record Produced(long cases, long events, Map<String, Long> byStage, double seconds, double prepareSeconds) {

        /** This and {@code later} together. */
        Produced and(Produced later) {
            Map<String, Long> stages = new LinkedHashMap<>(byStage);
            later.byStage().forEach((stage, count) -> stages.merge(stage, count, Long::sum));
            return new Produced(cases + later.cases(), events + later.events(), stages, seconds + later.seconds(),
                    prepareSeconds + later.prepareSeconds());
        }
    }

    /** The records of some cases, built and ready to send. */
    record Prepared(long cases, List<ProducerRecord<String, byte[]>> records, Map<String, Long> byStage, double seconds) {
    }

    /**
     * Builds the records of {@code cases} more cases, so that sending them costs the machine no more than a producer
     * does (building them through the contract records took ~0.5 ms of CPU per record, beside the system measured).
     *
     * @throws IllegalStateException when the deadline passes first
     */
    Prepared prepare(int cases, long deadline) {
        long started = System.nanoTime();
        Map<String, Long> byStage = new LinkedHashMap<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("preparing stopped after " + i + " of " + cases + " cases: out of time");
            }
            long n = generated++;
            byStage.merge(stageOf(n), 1L, Long::sum);
            messages(n).forEach(message -> records.add(codec.toRecord(message)));
        }
        return new Prepared(cases, records, byStage, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Sends what {@link #prepare} built and waits until the broker acknowledged all of it.
     *
     * @throws IllegalStateException when a send fails or the deadline passes first
     */
    Produced send(Producer<String, byte[]> producer, Prepared prepared, long deadline) {
        long started = System.nanoTime();
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long events = 0;
        for (ProducerRecord<String, byte[]> record : prepared.records()) {
            if (failure.get() != null || System.nanoTime() > deadline) {
                throw new IllegalStateException("producing stopped after " + events + " of " + prepared.records().size()
                        + " records: " + (failure.get() != null ? failure.get() : "out of time"));
            }
            producer.send(record, (meta, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                } else {
                    acked.incrementAndGet();
                }
            });
            events++;
        }
        producer.flush();
        if (failure.get() != null || acked.get() != events) {
            throw new IllegalStateException("the broker acknowledged " + acked.get() + " of " + events + " events: " + failure.get());
        }
        return new Produced(prepared.cases(), events, prepared.byStage(), (System.nanoTime() - started) / 1e9, prepared.seconds());
    }

    /**
     * Case {@code n}'s events as outbox messages: its stage's template messages (each built once through the contract
     * record, {@link OutboxMessages} and the codec, with stand-ins for the case's id, investor and times) with the
     * stand-ins replaced. {@link #history} builds the same events through the records; a test holds the two equal.
     */
    List<OutboxMessage> messages(long n) {
        String stage = stageOf(n);
        String caseId = caseId(n);
        String investor = investor(n);
        Instant opened = opened(n);
        List<OutboxMessage> templates = stencils.computeIfAbsent(stage, this::stencils);
        List<OutboxMessage> messages = new ArrayList<>(templates.size());
        for (int i = 0; i < templates.size(); i++) {
            OutboxMessage stencil = templates.get(i);
            Instant at = opened.plus(STEP.multipliedBy(i));
            String payload = stencil.payload().replace(CASE_STAND_IN, caseId).replace(INVESTOR_STAND_IN, investor)
                    .replace(STANDING_IN_FOR_OPENED.plus(STEP.multipliedBy(i)).toString(), at.toString());
            messages.add(new OutboxMessage(UUID.randomUUID().toString(), stencil.topic(), stencil.type(), stencil.source(),
                    caseId, at, payload, INVESTOR_STAND_IN.equals(stencil.actorId()) ? investor : stencil.actorId(),
                    stencil.actorRole()));
        }
        return messages;
    }

    private List<OutboxMessage> stencils(String stage) {
        return history(CASE_STAND_IN, INVESTOR_STAND_IN, STANDING_IN_FOR_OPENED, stage).stream()
                .map(event -> outbox.of(catalogOf(event), List.of(event)).get(0)).toList();
    }

    /** The stage case {@code n} ends in: the shares repeat every 100 cases, so any multiple of 100 has them exactly. */
    String stageOf(long n) {
        int bucket = (int) (n % 100);
        int cumulative = 0;
        for (String stage : paths.keySet()) {
            cumulative += SHARES.get(stage);
            if (bucket < cumulative) {
                return stage;
            }
        }
        throw new IllegalStateException("shares do not sum to 100");
    }

    /** The contract records of case {@code n}, in the order its producers would publish them. */
    List<CaseEvent> history(long n) {
        return history(caseId(n), investor(n), opened(n), stageOf(n));
    }

    private String caseId(long n) {
        return "CQ-RB" + run + "-" + String.format("%07d", n);
    }

    private static String investor(long n) {
        return "investor-bench-" + (n % 997);
    }

    private Instant opened(long n) {
        return origin.plusSeconds(n % (86_400L * 365));
    }

    private List<CaseEvent> history(String caseId, String investor, Instant opened, String stage) {
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

    static EventCatalog catalogOf(CaseEvent event) {
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
