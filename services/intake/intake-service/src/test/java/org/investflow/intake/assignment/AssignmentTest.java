package org.investflow.intake.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AssignmentTest {

    static final List<AssignmentProperties.Officer> OFFICERS = List.of(
            new AssignmentProperties.Officer("officer-li", List.of("C", "D"), List.of()),
            new AssignmentProperties.Officer("officer-wang", List.of("C", "J"), List.of()),
            new AssignmentProperties.Officer("officer-zhou", List.of("C29"), List.of("Liangjiang New Area")));

    @Test
    void manyCasesSpreadEvenlyOverTheOfficersWhoCoverThem() {
        Map<String, Long> open = new HashMap<>();
        Map<String, Instant> last = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            Instant now = Instant.parse("2026-03-02T08:00:00Z").plusSeconds(i);
            String chosen = route("C29", "Liangjiang New Area", open, last).orElseThrow();
            open.merge(chosen, 1L, Long::sum);
            last.put(chosen, now);
        }
        assertThat(open).containsOnlyKeys("officer-li", "officer-wang", "officer-zhou");
        assertThat(open.values()).allSatisfy(count -> assertThat(count).isEqualTo(100L));
    }

    @Test
    void specialismsAreRespected() {
        Map<String, Long> open = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            open.merge(route("J61", "Yubei District", open, Map.of()).orElseThrow(), 1L, Long::sum);
        }
        assertThat(open).containsOnlyKeys("officer-wang");
        assertThat(route("C29", "Yubei District", Map.of(), Map.of())).isPresent().get().isNotEqualTo("officer-zhou");
        assertThat(route("R92", "Yubei District", Map.of(), Map.of())).isEmpty();
    }

    @Test
    void theLeastLoadedOfficerWinsAndTiesGoToWhoWaitedLongest() {
        List<OfficerLoad> loads = List.of(new OfficerLoad("officer-li", 3, Instant.parse("2026-03-01T00:00:00Z")),
                new OfficerLoad("officer-wang", 2, Instant.parse("2026-03-02T00:00:00Z")),
                new OfficerLoad("officer-zhou", 2, Instant.parse("2026-02-01T00:00:00Z")));
        assertThat(Assignment.choose(loads)).contains("officer-zhou");
        assertThat(Assignment.choose(List.of(new OfficerLoad("officer-b", 0, Instant.parse("2026-01-01T00:00:00Z")),
                new OfficerLoad("officer-a", 0, null)))).contains("officer-a");
    }

    private static java.util.Optional<String> route(String industry, String district, Map<String, Long> open,
                                                     Map<String, Instant> last) {
        List<OfficerLoad> loads = new ArrayList<>();
        OFFICERS.stream().filter(officer -> officer.covers(industry, district))
                .forEach(officer -> loads.add(new OfficerLoad(officer.id(), open.getOrDefault(officer.id(), 0L),
                        last.get(officer.id()))));
        return Assignment.choose(loads);
    }
}
