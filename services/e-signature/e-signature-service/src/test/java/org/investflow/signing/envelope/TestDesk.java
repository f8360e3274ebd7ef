package org.investflow.signing.envelope;

import java.util.ArrayList;
import java.util.List;

/**
 * A signing desk for aggregate tests: numbered tokens ("token-1", ...), codes from a list (then
 * "123456"), addresses at example.org and a fixed sealed hash.
 */
final class TestDesk implements SigningDesk {

    static final String SEALED = "5".repeat(64);

    private final SigningPolicy policy;
    private final List<String> codes = new ArrayList<>();
    private int tokens;

    TestDesk(SigningPolicy policy) {
        this.policy = policy;
    }

    TestDesk() {
        this(SigningPolicy.standard());
    }

    TestDesk nextCodes(String... next) {
        codes.addAll(List.of(next));
        return this;
    }

    /** The token the next link will carry. */
    String nextToken() {
        return "token-" + (tokens + 1);
    }

    @Override
    public SigningPolicy policy() {
        return policy;
    }

    @Override
    public String newToken() {
        return "token-" + ++tokens;
    }

    @Override
    public String newCode() {
        return codes.isEmpty() ? "123456" : codes.remove(0);
    }

    @Override
    public String addressOf(String userId) {
        return userId + "@example.org";
    }

    @Override
    public String linkTo(String token) {
        return "https://portal.example.org/sign#token=" + token;
    }

    @Override
    public String sealedHashOf(Envelope executed) {
        return SEALED;
    }
}
