package org.investflow.benchmarks;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The intention an investor submits (the form {@code CaseJourney} sends), as HTTP calls for the
 * load: to intake with the investor's token and a fresh Idempotency-Key, or the same body to the
 * bare WebFlux endpoint. Company name and registration number differ per request, so intake's
 * duplicate screening sees distinct companies.
 */
final class Submissions {

    private static final String FORM = """
            {"companyName":"Rheinmetall Präzision GmbH 重庆分公司 %1$s","country":"DE","registrationNumber":"HRB %1$s",\
            "contactName":"Anna Schmidt","contactEmail":"anna.schmidt@example.de","contactPhone":"+4930123456",\
            "industryCode":"C29","investmentType":"GREENFIELD","plannedAmount":120000000.00,"currency":"EUR",\
            "plannedJobs":350,"district":"Liangjiang New Area","expectedStart":"%2$s","description":"Electric drivetrain plant"}""";

    private static final String EXPECTED_START = LocalDate.now(ZoneOffset.UTC).plusMonths(6).toString();

    private Submissions() {
    }

    /** The form of the {@code i}-th intention of run {@code run}. */
    static String body(String run, int i) {
        return FORM.formatted(run + "-" + i, EXPECTED_START);
    }

    static String newRun() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static IntFunction<HttpLoad.Call> toIntake(String investorToken) {
        String run = newRun();
        return i -> {
            Map<String, String> headers = new HashMap<>(HttpLoad.json(investorToken));
            headers.put("Idempotency-Key", "bench-" + run + "-" + i);
            return new HttpLoad.Call("/api/intentions", headers, body(run, i));
        };
    }

    static IntFunction<HttpLoad.Call> toBareWebFlux() {
        Map<String, String> headers = HttpLoad.json(null);
        String run = newRun();
        return i -> new HttpLoad.Call("/bare/intentions", headers, body(run, i));
    }
}
