package org.investflow.intake.intention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.investflow.intake.IntakeTest;
import org.investflow.intake.intention.persistence.KeyedViewsBackfill;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Intentions stored before the keyed documents existed are filed and counted once, and then screened and routed as before. */
@IntakeTest
class KeyedViewsBackfillTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    KeyedViewsBackfill backfill;

    @Autowired
    ReactiveMongoTemplate mongo;

    Intentions api;

    @BeforeEach
    void connect() {
        api = new Intentions(port);
    }

    @Test
    void casesStoredBeforeTheKeyedDocumentsAreFiledAndCountedOnceAndThenFoundAsBefore() {
        Map<String, Object> form = Intentions.form();
        String earlier = api.submitted("investor-backfill-a", form).get("caseId").toString();
        loseTheKeyedDocuments();

        assertThat(backfill.runOnce().block(WAIT)).isTrue();
        assertThat(backfill.runOnce().block(WAIT)).isFalse();

        Map<String, Object> sameCompany = new HashMap<>(Intentions.form());
        sameCompany.put("registrationNumber", form.get("registrationNumber"));
        Map<?, ?> later = api.submitted("investor-backfill-b", sameCompany);
        Map<?, ?> staff = api.seenByLeader(later.get("caseId").toString());
        assertThat(((Map<?, ?>) staff.get("screening")).get("duplicateOf")).isEqualTo(earlier);
        for (String officer : List.of("officer-li", "officer-wang")) {
            assertThat(openCasesInLoadDocument(officer)).as(officer).isEqualTo(openCasesCounted(officer));
        }
    }

    private void loseTheKeyedDocuments() {
        mongo.remove(new Query(), "company_cases").block(WAIT);
        mongo.remove(new Query(), "officer_loads").block(WAIT);
        mongo.remove(Query.query(Criteria.where("_id").is("keyed-views-1")), "counters").block(WAIT);
    }

    private long openCasesInLoadDocument(String officer) {
        Document load = mongo.findById(officer, Document.class, "officer_loads").block(WAIT);
        return load == null ? 0 : ((Number) load.get("open")).longValue();
    }

    private long openCasesCounted(String officer) {
        return mongo.count(Query.query(Criteria.where("assignment.officerId").is(officer)
                .and("status").in("IN_REVIEW", "INFORMATION_REQUESTED")), "intentions").block(WAIT);
    }
}
