package org.investflow.tracking.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import org.investflow.platform.domain.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

/**
 * The maintained tallies equal a full recount: random histories of cases (every stage, exits, reopenings, contracts in
 * several currencies, figures, profiles whose names hold the key's separator and wildcard), delivered shuffled, in
 * batches of random size, with random redeliveries, projected batch by batch as the live projection does; after
 * every few batches the funnel and the commission's figures of random filters (dimensions and whole-day periods,
 * open-ended too) read from the tallies equal those counted case by case — counts, conversions and figures exactly,
 * time-in-stage percentiles within the histogram's stated error (less than 1 %) — and so do the cases per district the
 * gauges read.
 */
class TalliesPropertyTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant T = Instant.parse("2030-01-01T00:00:00Z");
    static final String[] COUNTRIES = {"DE", "FR", "CN"};
    static final String[] INDUSTRIES = {"C29", "I65"};
    static final String[] DISTRICTS = {"Yubei", "Liang|jiang", "*", "50%.off"};
    static final String[] CURRENCIES = {"EUR", "CNY", "CHF"};
    static final ReportingCurrency REPORTING = new ReportingCurrency("CNY", Map.of("EUR", new BigDecimal("7.80")));

    final CaseTallies tallies = new CaseTallies(ZONE);
    final Map<String, PipelineCase> stored = new HashMap<>();
    final Map<String, Map<String, Object>> tallyDocuments = new HashMap<>();

    static LongStream seeds() {
        return LongStream.range(1, 25);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void talliesEqualARecountOverRandomHistoriesShuffledAndRedelivered(long seed) {
        Random random = new Random(seed);
        List<ProjectionBatch.Fact> deliveries = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            deliveries.addAll(history("RT-2030-" + String.format("%04d", n), random));
        }
        int unique = deliveries.size();
        for (int i = 0; i < unique / 3; i++) {
            deliveries.add(deliveries.get(random.nextInt(unique)));
        }
        Collections.shuffle(deliveries, random);
        int next = 0;
        int batches = 0;
        while (next < deliveries.size()) {
            int size = 1 + random.nextInt(60);
            project(deliveries.subList(next, Math.min(deliveries.size(), next + size)));
            next += size;
            if (++batches % 5 == 0) {
                compare(random);
            }
        }
        compare(random);
    }

    private void project(List<ProjectionBatch.Fact> batch) {
        Map<String, PipelineCase> found = new HashMap<>();
        ProjectionBatch.caseIds(batch).stream().filter(stored::containsKey).forEach(id -> found.put(id, stored.get(id)));
        ProjectionBatch projection = new ProjectionBatch(found, tallies);
        batch.forEach(projection::apply);
        projection.changed().forEach(changed -> stored.put(changed.caseId(), changed));
        projection.tallyIncrements().forEach(this::write);
    }

    /** What the store does with a tally document's update: {@code $inc} by dotted path, {@code $min}/{@code $max} of the extent. */
    private void write(String id, TallyIncrements increments) {
        Map<String, Object> document = tallyDocuments.computeIfAbsent(id, any -> new LinkedHashMap<>());
        increments.counts().forEach((path, by) -> increment(document, path, by, (known, add) -> ((Long) known) + (Long) add));
        increments.amounts().forEach((path, by) -> increment(document, path, by, (known, add) -> ((BigDecimal) known).add((BigDecimal) add)));
        if (increments.firstDay() != null) {
            document.merge("firstDay", increments.firstDay(), (known, day) -> Math.min((Long) known, (Long) day));
            document.merge("lastDay", increments.lastDay(), (known, day) -> Math.max((Long) known, (Long) day));
        }
    }

    @SuppressWarnings("unchecked")
    private static void increment(Map<String, Object> document, String path, Object by,
                                  java.util.function.BinaryOperator<Object> add) {
        String[] parts = path.split("\\.");
        Map<String, Object> inner = document;
        for (int i = 0; i < parts.length - 1; i++) {
            inner = (Map<String, Object>) inner.computeIfAbsent(parts[i], any -> new LinkedHashMap<>());
        }
        inner.merge(parts[parts.length - 1], by, add);
    }

    private Mono<List<Map<String, Object>>> read(List<String> ids) {
        return Mono.just(ids.stream().filter(tallyDocuments::containsKey).map(tallyDocuments::get).toList());
    }

    private void compare(Random random) {
        compareDistricts();
        compareWaiting(random);
        for (int i = 0; i < 12; i++) {
            PipelineFilter filter = filter(random);
            Funnel tallied = tallies.documents(CaseTallies.FUNNEL, filter, this::read).map(TallyFold::funnel).block();
            Funnel recounted = stored.values().stream().filter(pipelineCase -> matches(pipelineCase, filter, pipelineCase.openedAt()))
                    .map(pipelineCase -> new CaseStages(pipelineCase.stage(), pipelineCase.enteredAt().keySet(), pipelineCase.secondsInStage()))
                    .reduce(new FunnelTally(), FunnelTally::add, (left, right) -> left).funnel();
            for (int row = 0; row < recounted.stages().size(); row++) {
                FunnelStage expected = recounted.stages().get(row);
                FunnelStage actual = tallied.stages().get(row);
                assertThat(actual.stage()).isEqualTo(expected.stage());
                assertThat(actual.current()).as(filter + " current " + expected.stage()).isEqualTo(expected.current());
                assertThat(actual.reached()).as(filter + " reached " + expected.stage()).isEqualTo(expected.reached());
                assertThat(actual.conversion()).as(filter + " conversion " + expected.stage()).isEqualTo(expected.conversion());
                assertClose(actual.medianSeconds(), expected.medianSeconds(), filter + " median " + expected.stage());
                assertClose(actual.p90Seconds(), expected.p90Seconds(), filter + " p90 " + expected.stage());
            }
            CommissionFigures figures = tallies.documents(CaseTallies.FIGURES, filter, this::read)
                    .map(found -> TallyFold.figures(found, REPORTING)).block();
            CommissionFigures figuresRecounted = stored.values().stream()
                    .filter(pipelineCase -> pipelineCase.committed() != null
                            && matches(pipelineCase, filter, pipelineCase.enteredAt().get(PipelineStage.CONTRACTED)))
                    .reduce(new FiguresTally(REPORTING), FiguresTally::add, (left, right) -> left).figures();
            assertThat(figures).as(filter.toString()).isEqualTo(figuresRecounted);
        }
    }

    /** The cases waiting since before an instant: at a case's own move (not counted), a millisecond after it, and anywhere. */
    private void compareWaiting(Random random) {
        List<Instant> moves = stored.values().stream().map(PipelineCase::movedAt).filter(java.util.Objects::nonNull).toList();
        if (moves.isEmpty()) {
            return;
        }
        for (int i = 0; i < 6; i++) {
            Instant move = moves.get(random.nextInt(moves.size()));
            for (Instant cutoff : List.of(move, move.plusMillis(1), move.plusSeconds(random.nextInt(86_400 * 40) - 86_400 * 20L))) {
                long recounted = stored.values().stream().filter(CaseTallies::waiting)
                        .filter(pipelineCase -> pipelineCase.movedAt().isBefore(cutoff)).count();
                assertThat(tallies.waitingSince(cutoff, this::read).block()).as("waiting since before " + cutoff).isEqualTo(recounted);
            }
        }
    }

    private void compareDistricts() {
        Map<String, Long> tallied = read(List.of(CaseTallies.DISTRICTS)).map(TallyFold::districts).block();
        Map<String, Long> recounted = new HashMap<>();
        stored.values().stream().filter(pipelineCase -> !pipelineCase.enteredAt().isEmpty())
                .forEach(pipelineCase -> recounted.merge(pipelineCase.profile() == null ? null : pipelineCase.profile().district(), 1L, Long::sum));
        assertThat(tallied).isEqualTo(recounted);
    }

    private static void assertClose(Long actual, Long expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isNotNull();
            assertThat((double) actual).as(what).isCloseTo(expected, within(expected * 0.01));
        }
    }

    private static boolean matches(PipelineCase pipelineCase, PipelineFilter filter, Instant at) {
        CaseProfile profile = pipelineCase.profile();
        return equal(filter.country(), profile == null ? null : profile.country())
                && equal(filter.industryCode(), profile == null ? null : profile.industryCode())
                && equal(filter.district(), profile == null ? null : profile.district())
                && (filter.openedFrom() == null || at != null && !at.isBefore(filter.openedFrom()))
                && (filter.openedUntil() == null || at != null && at.isBefore(filter.openedUntil()));
    }

    private static boolean equal(String wanted, String value) {
        return wanted == null || wanted.equals(value);
    }

    private static PipelineFilter filter(Random random) {
        LocalDate first = LocalDate.of(2030, 1, 1).plusDays(random.nextInt(500));
        LocalDate last = first.plusDays(random.nextInt(400));
        int period = random.nextInt(4);
        return new PipelineFilter(pick(random, COUNTRIES), pick(random, INDUSTRIES), pick(random, DISTRICTS),
                period == 1 || period == 3 ? first.atStartOfDay(ZONE).toInstant() : null,
                period == 2 || period == 3 ? last.atStartOfDay(ZONE).toInstant() : null);
    }

    private static String pick(Random random, String[] values) {
        return random.nextInt(3) == 0 ? values[random.nextInt(values.length)] : null;
    }

    /** A random history of one case: its facts, each once, in no particular order. */
    private static List<ProjectionBatch.Fact> history(String caseId, Random random) {
        List<CaseFact> facts = new ArrayList<>();
        Instant opened = T.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 600)));
        if (random.nextInt(10) > 0) {
            facts.add(new StageSignal(PipelineStage.INTENTION, "investor", opened, new CaseProfile(COUNTRIES[random.nextInt(3)],
                    INDUSTRIES[random.nextInt(2)], DISTRICTS[random.nextInt(DISTRICTS.length)])));
        }
        PipelineStage[] stages = PipelineStage.values();
        Instant at = opened;
        for (int i = 0; i < random.nextInt(6); i++) {
            at = at.plus(Duration.ofSeconds(random.nextInt(3) == 0 ? random.nextInt(2000) : random.nextInt(90 * 86_400)));
            PipelineStage stage = stages[1 + random.nextInt(stages.length - 1)];
            facts.add(new StageSignal(stage, "investor", random.nextInt(8) == 0 ? at.minus(Duration.ofDays(3)) : at, null));
            if (stage == PipelineStage.CONTRACTED) {
                String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
                facts.add(new CaseFact.Committed(Money.of(new BigDecimal(random.nextInt(1_000_000) + ".25"), currency),
                        random.nextInt(200), at));
                if (random.nextBoolean()) {
                    facts.add(new CaseFact.Realised(Money.of(new BigDecimal(random.nextInt(1_000_000) + ".50"), currency), at.plusSeconds(60)));
                }
                if (random.nextBoolean()) {
                    facts.add(new CaseFact.JobsToDate(random.nextInt(250), at.plusSeconds(120)));
                }
                if (random.nextBoolean()) {
                    facts.add(new CaseFact.ConstructionStarted(at.plusSeconds(random.nextInt(10_000))));
                }
            }
            if (random.nextInt(6) == 0) {
                facts.add(new CaseFact.Reopened(at.plusSeconds(30)));
            }
        }
        List<ProjectionBatch.Fact> events = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            events.add(new ProjectionBatch.Fact(caseId, caseId + "-e" + i, List.of(facts.get(i))));
        }
        return events;
    }
}
