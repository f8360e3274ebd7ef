package org.investflow.signing.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.investflow.signing.envelope.DistrictRepresentative;
import org.investflow.signing.envelope.SignerRole;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who signs new envelopes, in which order: {@code order} lists groups of signer roles in sequence
 * (the roles of one group sign in parallel, every role exactly once); {@code district-representatives}
 * maps a district (as the agreed land names it) to its representative, with a {@code default} entry
 * for agreements without land or for a district not listed.
 */
@ConfigurationProperties("investflow.signing.signers")
public record SignerProperties(List<List<SignerRole>> order, Map<String, DistrictRepresentative> districtRepresentatives) {

    /** The entry for agreements whose district has none of its own. */
    public static final String DEFAULT_DISTRICT = "default";
    static final List<List<SignerRole>> DEFAULT_ORDER = List.of(List.of(SignerRole.INVESTOR_SIGNATORY),
            List.of(SignerRole.COMMISSION_REPRESENTATIVE, SignerRole.DISTRICT_REPRESENTATIVE));
    static final DistrictRepresentative DEVELOPMENT_REPRESENTATIVE = new DistrictRepresentative(
            "District representative (development) 区政府代表", "district-representative@users.investflow.local");

    public SignerProperties {
        order = order == null || order.isEmpty() ? DEFAULT_ORDER : order.stream().map(List::copyOf).toList();
        districtRepresentatives = districtRepresentatives == null || districtRepresentatives.isEmpty()
                ? Map.of(DEFAULT_DISTRICT, DEVELOPMENT_REPRESENTATIVE) : Map.copyOf(districtRepresentatives);
        requireEveryRoleOnce(order);
        if (!districtRepresentatives.containsKey(DEFAULT_DISTRICT)) {
            throw new IllegalArgumentException("investflow.signing.signers.district-representatives needs a 'default' entry");
        }
    }

    private static void requireEveryRoleOnce(List<List<SignerRole>> order) {
        Set<SignerRole> seen = EnumSet.noneOf(SignerRole.class);
        long places = order.stream().peek(group -> {
            if (group.isEmpty()) {
                throw new IllegalArgumentException("investflow.signing.signers.order has an empty group");
            }
        }).flatMap(List::stream).filter(seen::add).count();
        if (seen.size() != SignerRole.values().length || places != order.stream().mapToLong(List::size).sum()) {
            throw new IllegalArgumentException("investflow.signing.signers.order must name every signer role exactly once: " + order);
        }
    }

    /** The representative of {@code district}, matched ignoring case; the default one for none or an unlisted district. */
    public DistrictRepresentative representativeOf(String district) {
        if (district != null) {
            String wanted = district.strip().toLowerCase(Locale.ROOT);
            for (Map.Entry<String, DistrictRepresentative> entry : districtRepresentatives.entrySet()) {
                if (entry.getKey().strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return entry.getValue();
                }
            }
        }
        return districtRepresentatives.get(DEFAULT_DISTRICT);
    }
}
