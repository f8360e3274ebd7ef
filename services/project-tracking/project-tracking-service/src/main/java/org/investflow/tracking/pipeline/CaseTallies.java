package org.investflow.tracking.pipeline;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.function.Function;

import org.investflow.tracking.calendar.CalendarSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * What one case counts in the maintained tallies, so that the funnel and the commission's figures read a few tally
 * documents instead of every case. A tally document is keyed by what it counts ({@code F} the funnel, by the day the
 * case was opened; {@code C} the commission's figures, by the day of its first signing), the filter dimensions it is
 * for (each of country, industry and district either a value or {@code *} for any: the 8 combinations) and a period
 * ({@code *} for all time, {@code M2030-03} a month, {@code D2030-03-01} a day, in the commission's zone), e.g.
 * {@code F|DE|*|Liangjiang|D2030-03-01}. A case therefore counts in 24 funnel documents (and 24 figure documents once
 * contracted); a query reads the one document of its dimensions for all time, or the months and days that make up its
 * period. The {@code *} period documents also keep the first and last day counted there ({@code firstDay},
 * {@code lastDay}, epoch days) so that an open-ended period has bounds.
 * <p>
 * Funnel fields: {@code current.STAGE}, {@code reached.STAGE} and per stage a histogram of the seconds spent in it,
 * flat under {@code spent.STAGE}: {@code nK} (count of bucket K) and {@code sK} (sum of its seconds). Below
 * {@value #EXACT_BELOW} s every second is its own bucket, above that a bucket spans a factor {@value #BUCKET_RATIO}; a
 * percentile reads the mean of its bucket, rounded to the second, so it is exact when the bucket holds one value and
 * otherwise less than 1 % from the exact nearest-rank value (both lie in the bucket's whole seconds, which span less
 * than 1 % of its lower bound). Every update rewrites the document it changes, on MongoDB and on the wire server alike,
 * so the buckets are as coarse as the 1 % allow and flat (a bucket as a sub-document costs a third more elements): the
 * layout before, exact to 1000 s with buckets of 0.5 % as sub-documents under {@code seconds}, held twice the fields
 * for the same times and made the tally write most of the database's time per batch. Figure fields: {@code contracted}, {@code landed},
 * {@code constructionStarted}, {@code fulfilled}, {@code jobsCommitted}, {@code jobsCreated} and per committed currency
 * {@code capital.CUR.n}, {@code .committed}, {@code .realised} (exact decimals). One more document counts the cases
 * per district for the gauges ({@value #DISTRICTS}). The cases still in the funnel (not in an exit, not yet operating) are
 * counted by when they entered their current stage, for the stalled-cases gauge: {@value #WAITING_DAYS} by UTC day
 * ({@code d.<epoch day>}), one document per day ({@code W|<epoch day>}) by minute of that day ({@code m.<minute>}) and
 * one per minute ({@code W|<epoch day>|<minute>}) by millisecond of that minute ({@code ms.<millisecond>}), so that the
 * cases waiting since before any instant are three documents read by key, exactly. (One document per day by millisecond
 * grew by a field per case moved that day: 2,193 fields in the benchmark, copied whole by the wire server at each of the
 * batch's updates.)
 */
@Component
public class CaseTallies {

    static final String FUNNEL = "F";
    /** The one document of the cases per district, for the gauges: field {@code district.<name>} (escaped; {@code ~} unknown). */
    static final String DISTRICTS = "G|districts";
    static final String FIGURES = "C";
    /** The cases in the funnel by the day they entered their stage; {@code W|<epoch day>} by minute, {@code W|<day>|<minute>} by millisecond. */
    static final String WAITING_DAYS = "W|*";
    private static final String WAITING = "W|";
    private static final long DAY_MILLIS = 86_400_000L;
    private static final long MINUTE_MILLIS = 60_000L;
    static final String ALL_TIME = "*";
    static final String ANY = "*";
    /** The field under which a funnel document holds its time-in-stage histograms, one sub-document per stage. */
    static final String HISTOGRAMS = "spent";
    static final int EXACT_BELOW = 100;
    static final double BUCKET_RATIO = 1.01;
    /** Retries of a tally write on its own (see {@link PipelineProjection}). */
    static final Retry WRITE_RETRY = Retry.backoff(8, Duration.ofMillis(50));

    private final ZoneId zone;

    @Autowired
    CaseTallies(CalendarSettings calendar) {
        this(calendar.zone());
    }

    CaseTallies(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Per tally document, what {@code pipelineCase} counts in it (nothing for a case without facts). */
    public Map<String, TallyIncrements> of(PipelineCase pipelineCase) {
        return of(pipelineCase.counted());
    }

    /** Per tally document, what a case that is {@code pipelineCase} counts in it (nothing for a case without facts). */
    public Map<String, TallyIncrements> of(CountedCase pipelineCase) {
        Map<String, TallyIncrements> counted = new LinkedHashMap<>();
        TallyIncrements funnel = funnelFields(pipelineCase);
        if (!funnel.isEmpty()) {
            documents(counted, FUNNEL, pipelineCase.profile(), pipelineCase.openedAt(), funnel);
            TallyIncrements district = new TallyIncrements();
            district.count("district." + fieldName(pipelineCase.profile() == null ? null : pipelineCase.profile().district()), 1);
            counted.put(DISTRICTS, district);
        }
        if (waiting(pipelineCase)) {
            long movedAt = pipelineCase.movedAt().toEpochMilli();
            long day = Math.floorDiv(movedAt, DAY_MILLIS);
            long minute = Math.floorMod(movedAt, DAY_MILLIS) / MINUTE_MILLIS;
            TallyIncrements byDay = new TallyIncrements();
            byDay.count("d." + day, 1);
            counted.put(WAITING_DAYS, byDay);
            TallyIncrements byMinute = new TallyIncrements();
            byMinute.count("m." + minute, 1);
            counted.put(WAITING + day, byMinute);
            TallyIncrements byMillisecond = new TallyIncrements();
            byMillisecond.count("ms." + Math.floorMod(movedAt, MINUTE_MILLIS), 1);
            counted.put(WAITING + day + "|" + minute, byMillisecond);
        }
        if (pipelineCase.committed() != null) {
            documents(counted, FIGURES, pipelineCase.profile(), pipelineCase.enteredAt().get(PipelineStage.CONTRACTED),
                    figureFields(pipelineCase));
        }
        return counted;
    }

    /** Whether {@code pipelineCase} can stall: in a stage of the funnel that is not an exit and not the last one. */
    static boolean waiting(PipelineCase pipelineCase) {
        return waiting(pipelineCase.counted());
    }

    private static boolean waiting(CountedCase pipelineCase) {
        return pipelineCase.stage() != null && pipelineCase.stage().ordinal() < PipelineStage.OPERATING.ordinal()
                && pipelineCase.movedAt() != null;
    }

    /**
     * How many cases have waited in their stage since before {@code movedBefore} (exactly, to the millisecond), from
     * three tally documents that {@code read} answers by id: the days before, the minutes of {@code movedBefore}'s day
     * before its minute, and the milliseconds of that minute before it.
     */
    public Mono<Long> waitingSince(Instant movedBefore, Function<List<String>, Mono<List<Map<String, Object>>>> read) {
        long cutoff = movedBefore.toEpochMilli();
        long day = Math.floorDiv(cutoff, DAY_MILLIS);
        long minute = Math.floorMod(cutoff, DAY_MILLIS) / MINUTE_MILLIS;
        long millisecond = Math.floorMod(cutoff, MINUTE_MILLIS);
        // the days document holds only d, a day's only m, a minute's only ms
        return read.apply(List.of(WAITING_DAYS, WAITING + day, WAITING + day + "|" + minute)).map(found -> found.stream()
                .mapToLong(document -> TallyFold.sumBelow(document, "d", day) + TallyFold.sumBelow(document, "m", minute)
                        + TallyFold.sumBelow(document, "ms", millisecond)).sum());
    }

    /**
     * What each of {@code owing}'s pending tallies adds to the tallies, oldest first: per tally document, what they count of
     * the case after its batch (the next pending tally's {@code before}, or the case as it is) minus before it. One
     * without {@code before} (the layout before {@link CountedCase}, which held the increments) owes nothing here: the
     * recount after the upgrade counts it.
     */
    public Map<PendingTally, Map<String, TallyIncrements>> owed(PipelineCase owing) {
        List<PendingTally> pending = owing.pendingTallies();
        Map<PendingTally, Map<String, TallyIncrements>> owed = new LinkedHashMap<>();
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).before() == null) {
                continue;
            }
            CountedCase after = i + 1 < pending.size() ? pending.get(i + 1).before() : owing.counted();
            owed.put(pending.get(i), change(pending.get(i).before(), after));
        }
        return owed;
    }

    /** Per tally document, what a case counts as {@code after} minus what it counted as {@code before}; no empty increments. */
    Map<String, TallyIncrements> change(CountedCase before, CountedCase after) {
        Map<String, TallyIncrements> increments = new LinkedHashMap<>();
        addTo(increments, of(before), -1);
        addTo(increments, of(after), 1);
        increments.values().removeIf(TallyIncrements::isEmpty);
        return increments;
    }

    /** Per tally document, what all of {@code cases} count in it: the tallies a rebuild writes. */
    public Map<String, TallyIncrements> ofAll(Iterable<PipelineCase> cases) {
        Map<String, TallyIncrements> totals = new LinkedHashMap<>();
        cases.forEach(pipelineCase -> addTo(totals, of(pipelineCase), 1));
        totals.values().removeIf(TallyIncrements::isEmpty);
        return totals;
    }

    /** Adds {@code contributions} times {@code sign} to {@code totals}; nothing for null. */
    static void addTo(Map<String, TallyIncrements> totals, Map<String, TallyIncrements> contributions, int sign) {
        if (contributions != null) {
            contributions.forEach((id, fields) -> totals.computeIfAbsent(id, any -> new TallyIncrements()).add(fields, sign));
        }
    }

    private static TallyIncrements funnelFields(CountedCase pipelineCase) {
        TallyIncrements fields = new TallyIncrements();
        if (pipelineCase.stage() != null) {
            fields.count("current." + pipelineCase.stage().name(), 1);
        }
        pipelineCase.enteredAt().keySet().forEach(stage -> fields.count("reached." + stage.name(), 1));
        pipelineCase.secondsInStage().forEach((stage, seconds) -> {
            String histogram = HISTOGRAMS + "." + stage.name() + ".";
            long bucket = bucket(seconds);
            fields.count(histogram + "n" + bucket, 1);
            fields.count(histogram + "s" + bucket, seconds);
        });
        return fields;
    }

    private static TallyIncrements figureFields(CountedCase pipelineCase) {
        CaseFact.Committed committed = pipelineCase.committed();
        BigDecimal realised = pipelineCase.realised() == null ? BigDecimal.ZERO : pipelineCase.realised().capital().amount();
        int jobs = pipelineCase.jobsToDate() == null ? 0 : pipelineCase.jobsToDate().jobs();
        TallyIncrements fields = new TallyIncrements();
        fields.count("contracted", 1);
        fields.count("landed", pipelineCase.enteredAt().containsKey(PipelineStage.LANDED) ? 1 : 0);
        fields.count("constructionStarted", pipelineCase.constructionStartedAt() != null ? 1 : 0);
        fields.count("fulfilled", realised.compareTo(committed.capital().amount()) >= 0 && jobs >= committed.jobs() ? 1 : 0);
        fields.count("jobsCommitted", committed.jobs());
        fields.count("jobsCreated", jobs);
        String capital = "capital." + committed.capital().currency();
        fields.count(capital + ".n", 1);
        fields.amount(capital + ".committed", committed.capital().amount());
        fields.amount(capital + ".realised", realised);
        return fields;
    }

    private void documents(Map<String, TallyIncrements> counted, String kind, CaseProfile profile, Instant at,
                           TallyIncrements fields) {
        List<String> periods = new ArrayList<>(List.of(ALL_TIME));
        LocalDate day = at == null ? null : at.atZone(zone).toLocalDate();
        if (day != null) {
            periods.add(month(YearMonth.from(day)));
            periods.add(day(day));
        }
        for (String dimensions : dimensions(profile)) {
            for (String period : periods) {
                TallyIncrements document = new TallyIncrements();
                document.add(fields, 1);
                if (day != null && ALL_TIME.equals(period)) {
                    document.extent(day.toEpochDay());
                }
                counted.put(kind + "|" + dimensions + "|" + period, document);
            }
        }
    }

    /** The 8 dimension keys a case with {@code profile} counts under. */
    private static List<String> dimensions(CaseProfile profile) {
        String country = value(profile == null ? null : profile.country());
        String industry = value(profile == null ? null : profile.industryCode());
        String district = value(profile == null ? null : profile.district());
        List<String> keys = new ArrayList<>(8);
        for (int mask = 0; mask < 8; mask++) {
            keys.add(((mask & 1) == 0 ? ANY : country) + "|" + ((mask & 2) == 0 ? ANY : industry) + "|"
                    + ((mask & 4) == 0 ? ANY : district));
        }
        return keys;
    }

    /** The dimension key of a filter: its values, {@code *} for those it leaves open. */
    static String dimensions(PipelineFilter filter) {
        return (filter.country() == null ? ANY : value(filter.country())) + "|"
                + (filter.industryCode() == null ? ANY : value(filter.industryCode())) + "|"
                + (filter.district() == null ? ANY : value(filter.district()));
    }

    /** A dimension value in a key: escaped so that it can hold neither the separator nor the wildcard. */
    private static String value(String value) {
        return value == null ? "" : value.replace("%", "%25").replace("|", "%7C").replace("*", "%2A");
    }

    /**
     * The tally documents of {@code kind} that make up {@code filter}, read with {@code read} (ids in, the documents that
     * exist out): the one of its dimensions for all time, or, for a period, that one (for the days counted at all) and
     * then the months and days of the period. Empty when the period's bounds are not whole days.
     */
    Mono<List<Map<String, Object>>> documents(String kind, PipelineFilter filter,
                                              Function<List<String>, Mono<List<Map<String, Object>>>> read) {
        if (!wholeDays(filter)) {
            return Mono.empty();
        }
        String key = kind + "|" + dimensions(filter) + "|";
        Mono<List<Map<String, Object>>> allTime = read.apply(List.of(key + ALL_TIME));
        if (filter.openedFrom() == null && filter.openedUntil() == null) {
            return allTime;
        }
        return allTime.flatMap(found -> found.isEmpty() || found.get(0).get("firstDay") == null ? Mono.just(List.of())
                : read.apply(periods(filter, day(found.get(0), "firstDay"), day(found.get(0), "lastDay")).stream()
                        .map(period -> key + period).toList()));
    }

    private static long day(Map<String, Object> allTime, String field) {
        return ((Number) allTime.get(field)).longValue();
    }

    /** Whether the period bounds of {@code filter} (if any) fall on the start of a day in the commission's zone. */
    boolean wholeDays(PipelineFilter filter) {
        return startOfDay(filter.openedFrom()) && startOfDay(filter.openedUntil());
    }

    private boolean startOfDay(Instant at) {
        return at == null || at.equals(at.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant());
    }

    /**
     * The months and days that make up the period of {@code filter} (whole days), within the days counted at all
     * ({@code firstDay} to {@code lastDay}, epoch days): whole months as one key, the days at either end one key each.
     */
    List<String> periods(PipelineFilter filter, long firstDay, long lastDay) {
        LocalDate from = LocalDate.ofEpochDay(firstDay);
        LocalDate to = LocalDate.ofEpochDay(lastDay);
        if (filter.openedFrom() != null && filter.openedFrom().atZone(zone).toLocalDate().isAfter(from)) {
            from = filter.openedFrom().atZone(zone).toLocalDate();
        }
        if (filter.openedUntil() != null && filter.openedUntil().atZone(zone).toLocalDate().minusDays(1).isBefore(to)) {
            to = filter.openedUntil().atZone(zone).toLocalDate().minusDays(1);
        }
        List<String> keys = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            YearMonth month = YearMonth.from(day);
            if (day.getDayOfMonth() == 1 && !month.atEndOfMonth().isAfter(to)) {
                keys.add(month(month));
                day = month.plusMonths(1).atDay(1);
            } else {
                keys.add(day(day));
                day = day.plusDays(1);
            }
        }
        return keys;
    }

    /** A district as a field name: no dots, no leading dollar; {@code ~} for a case without one. */
    static String fieldName(String district) {
        return district == null ? "~"
                : district.replace("%", "%25").replace(".", "%2E").replace("$", "%24").replace("~", "%7E");
    }

    /** The district of a field name (null for {@code ~}). */
    static String district(String fieldName) {
        return "~".equals(fieldName) ? null
                : fieldName.replace("%7E", "~").replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }

    static String month(YearMonth month) {
        return "M" + month;
    }

    static String day(LocalDate day) {
        return "D" + day;
    }

    /** The histogram bucket of {@code seconds}: exact below {@value #EXACT_BELOW}, then a factor {@value #BUCKET_RATIO} each. */
    static long bucket(long seconds) {
        if (seconds < EXACT_BELOW) {
            return seconds;
        }
        return EXACT_BELOW + (long) Math.floor(StrictMath.log((double) seconds / EXACT_BELOW) / StrictMath.log(BUCKET_RATIO));
    }
}
