package org.investflow.negotiation.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.investflow.negotiation.negotiation.persistence.NegotiationRepository;
import org.investflow.platform.testkit.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 16's probe: a party must not grow a negotiation document without bound (past MongoDB's 16 MB,
 * every later save of the case would fail). Each list a party can grow is refused beyond its configured
 * limit with a 400 problem naming the field and the limit; up to the limit it grows.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"spring.config.name=negotiation", "investflow.web.investor-requests=100000",
        "management.health.mongodb.enabled=false", "investflow.negotiation.limits.term-sheet-versions=3",
        "investflow.negotiation.limits.comments=3", "investflow.negotiation.limits.special-conditions=2"})
class GrowthLimitsTest {

    static final String INVESTOR = "investor-grower";
    static final String OFFICER = "officer-grower";

    @LocalServerPort
    int port;

    @Autowired
    NegotiationRepository negotiations;

    CaseDesk desk;

    @BeforeEach
    void connect() {
        desk = new CaseDesk(port, negotiations);
    }

    /** (field, limit, the n-th addition to the case, 0-based): each addition is allowed up to the limit. */
    static Stream<Arguments> growableLists() {
        BiFunction<GrowthLimitsTest, String[], WebTestClient.ResponseSpec> comment = (test, at) -> test.comment(at[0]);
        BiFunction<GrowthLimitsTest, String[], WebTestClient.ResponseSpec> proposal = (test, at) -> test.proposal(at[0],
                Integer.parseInt(at[1]), List.of());
        BiFunction<GrowthLimitsTest, String[], WebTestClient.ResponseSpec> conditions = (test, at) -> test.proposal(at[0],
                Integer.parseInt(at[1]), Collections.nCopies(Integer.parseInt(at[1]) + 1, "clause"));
        return Stream.of(Arguments.of("comments", 3, comment), Arguments.of("termSheets", 3, proposal),
                Arguments.of("specialConditions", 2, conditions));
    }

    @ParameterizedTest(name = "{0} up to {1}")
    @MethodSource("growableLists")
    void aListAPartyCanGrowIsRefusedBeyondItsLimitNamingTheField(String field, int limit,
            BiFunction<GrowthLimitsTest, String[], WebTestClient.ResponseSpec> add) {
        String caseId = desk.opened(INVESTOR, OFFICER);
        for (int n = 0; n < limit; n++) {
            add.apply(this, new String[] {caseId, Integer.toString(n)}).expectStatus().isCreated();
        }

        add.apply(this, new String[] {caseId, Integer.toString(limit)}).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").value(message -> assertThat(message.toString()).contains(Integer.toString(limit)));
    }

    private WebTestClient.ResponseSpec comment(String caseId) {
        return desk.http().post().uri("/api/negotiations/{caseId}/comments", caseId)
                .headers(CaseDesk.bearer(INVESTOR, "INVESTOR")).bodyValue(Map.of("text", "one more remark")).exchange();
    }

    /** The n-th proposal: the officer's and the investor's alternate, so each counters the other's. */
    private WebTestClient.ResponseSpec proposal(String caseId, int n, List<String> specialConditions) {
        Map<String, Object> terms = Cases.terms((120000000 - n * 1000) + ".00");
        if (!specialConditions.isEmpty()) {
            terms.put("specialConditions", specialConditions);
        }
        boolean officer = n % 2 == 0;
        return desk.http().post().uri("/api/negotiations/{caseId}/proposals", caseId)
                .headers(CaseDesk.bearer(officer ? OFFICER : INVESTOR, officer ? "OFFICER" : "INVESTOR"))
                .bodyValue(terms).exchange();
    }
}
