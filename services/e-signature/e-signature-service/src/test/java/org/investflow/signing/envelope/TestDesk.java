package org.investflow.signing.envelope;

import java.util.ArrayList;
import java.util.List;

/**
 * A signing desk for aggregate tests: numbered tokens ("token-1", ...), codes from a list (then
 * "123456"), addresses at example.org, and the first release's two signers in
 * sequence unless told another order.
 */
final class TestDesk implements SigningDesk {


    /** The order of the first release: the investor's signatory, then the commission's representative. */
    static final List<List<SignerRole>> TWO_IN_SEQUENCE = List.of(List.of(SignerRole.INVESTOR_SIGNATORY),
            List.of(SignerRole.COMMISSION_REPRESENTATIVE));
    /** The default order: the investor's signatory, then the commission's and the district's representatives in parallel. */
    static final List<List<SignerRole>> DISTRICT_IN_PARALLEL = List.of(List.of(SignerRole.INVESTOR_SIGNATORY),
            List.of(SignerRole.COMMISSION_REPRESENTATIVE, SignerRole.DISTRICT_REPRESENTATIVE));
    static final DistrictRepresentative DEFAULT_DISTRICT = new DistrictRepresentative("Zhou Min 周敏", "district@example.org");
    static final DistrictRepresentative LIANGJIANG = new DistrictRepresentative("Chen Jing 陈静", "liangjiang@example.org");

    private final SigningPolicy policy;
    private final List<String> codes = new ArrayList<>();
    private List<List<SignerRole>> order = TWO_IN_SEQUENCE;
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

    /** Sends new envelopes in {@code groups}. */
    TestDesk inOrder(List<List<SignerRole>> groups) {
        order = groups;
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
    public List<List<SignerRole>> signingOrder() {
        return order;
    }

    /** Liangjiang has a representative of its own; every other district the default one. */
    @Override
    public DistrictRepresentative districtRepresentativeOf(String district) {
        return "Liangjiang".equals(district) ? LIANGJIANG : DEFAULT_DISTRICT;
    }
}
