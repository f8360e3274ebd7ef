package org.investflow.tracking.observability;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.investflow.tracking.pipeline.PipelineFilter;
import org.investflow.tracking.pipeline.PipelineService;
import org.investflow.tracking.project.ProjectService;
import java.time.Duration;

import org.investflow.platform.scheduling.PeriodicTask;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gauges recomputed from the read model and the broker every {@code refresh-interval}:
 * {@code investflow_pipeline_cases{stage}}, {@code investflow_pipeline_district_cases{district}} (bounded),
 * {@code investflow_pipeline_stalled_cases}, and through {@link BrokerGauges} the dead-letter sizes and
 * consumer lag. Each instance computes the same figures; alert rules take the max over instances.
 */
@Component
class BusinessGauges {

    private final PipelineService pipeline;
    private final ProjectService projects;
    private final BrokerGauges broker;
    private final MetricsSettings settings;
    private final MultiGauge byStage;
    private final MultiGauge byDistrict;
    private final MultiGauge ratios;
    private final AtomicLong stalled = new AtomicLong();
    private final AtomicLong delayed = new AtomicLong();

    BusinessGauges(PipelineService pipeline, ProjectService projects, BrokerGauges broker,
                   MetricsSettings settings, MeterRegistry meters) {
        this.pipeline = pipeline;
        this.projects = projects;
        this.broker = broker;
        this.settings = settings;
        this.byStage = MultiGauge.builder("investflow.pipeline.cases").description("cases whose current funnel stage this is")
                .register(meters);
        this.byDistrict = MultiGauge.builder("investflow.pipeline.district.cases")
                .description("cases per target district; districts beyond the largest ones are summed as OTHER").register(meters);
        Gauge.builder("investflow.pipeline.stalled.cases", stalled, AtomicLong::get)
                .description("cases with no transition for longer than the stalled-after setting").register(meters);
        Gauge.builder("investflow.tracking.delayed.projects", delayed, AtomicLong::get)
                .description("projects past their landing deadline with milestones still missing").register(meters);
        this.ratios = MultiGauge.builder("investflow.pipeline.commission.rate")
                .description("the commission's ratios over every contracted case (NaN while none is contracted)").register(meters);
    }

    /** Recomputes every gauge once. */
    public Mono<Void> refresh() {
        return Mono.when(stages(), districts(), pipeline.countStalled().doOnNext(stalled::set),
                projects.countDelayed().doOnNext(delayed::set), ratios(), broker.refresh());
    }

    /** {@code ratio} is one of four: landing, construction_start, funds_in_place, contract_fulfilment. */
    private Mono<Void> ratios() {
        return pipeline.figures(PipelineFilter.ALL).doOnNext(figures -> ratios.register(List.of(
                ratio("landing", figures.landingRate()), ratio("construction_start", figures.constructionStartRate()),
                ratio("funds_in_place", figures.fundsInPlaceRate()),
                ratio("contract_fulfilment", figures.contractFulfilmentRate())), true)).then();
    }

    private static MultiGauge.Row<?> ratio(String name, BigDecimal value) {
        return MultiGauge.Row.of(Tags.of("ratio", name), value == null ? Double.NaN : value.doubleValue());
    }

    /** From the funnel's tallies: one read, whatever the number of cases. */
    private Mono<Void> stages() {
        return pipeline.funnel().map(funnel -> funnel.stages().stream()
                        .<MultiGauge.Row<?>>map(row -> MultiGauge.Row.of(Tags.of("stage", row.stage().name()), row.current())).toList())
                .doOnNext(rows -> byStage.register(new ArrayList<>(rows), true)).then();
    }

    /** From the tallies' districts document: one read, whatever the number of cases. */
    private Mono<Void> districts() {
        return pipeline.casesPerDistrict()
                .map(counts -> {
                    Map<String, Long> named = new TreeMap<>();
                    counts.forEach((district, cases) -> named.merge(district == null ? "UNKNOWN" : district, cases, Long::sum));
                    return bounded(named);
                })
                .doOnNext(counts -> byDistrict.register(counts.entrySet().stream()
                        .map(entry -> MultiGauge.Row.of(Tags.of("district", entry.getKey()), entry.getValue())).toList(), true))
                .then();
    }

    /** The largest districts by name, the rest summed as OTHER. */
    private Map<String, Long> bounded(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> largest = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .toList();
        Map<String, Long> kept = new TreeMap<>();
        largest.stream().limit(settings.maxDistricts()).forEach(entry -> kept.put(entry.getKey(), entry.getValue()));
        largest.stream().skip(settings.maxDistricts()).forEach(entry -> kept.merge("OTHER", entry.getValue(), Long::sum));
        return kept;
    }

    /** The refresh as a task of the running application: at start, then every {@code refresh-interval}. */
    PeriodicTask schedule() {
        return new PeriodicTask("business gauges", Duration.ZERO, settings.refreshInterval(), this::refresh,
                SmartLifecycle.DEFAULT_PHASE);
    }
}
