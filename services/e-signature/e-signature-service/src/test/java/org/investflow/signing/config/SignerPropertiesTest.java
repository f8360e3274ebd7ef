package org.investflow.signing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.investflow.signing.envelope.DistrictRepresentative;
import org.investflow.signing.envelope.SignerRole;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The signing order and the district representatives as the configuration gives them. */
class SignerPropertiesTest {

    static SignerProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("investflow.signing.signers", SignerProperties.class);
    }

    @Test
    void withoutSettingsTheInvestorSignsFirstThenTheCommissionAndTheDistrictInParallel() {
        SignerProperties defaults = bind(Map.of());
        assertThat(defaults.order()).containsExactly(List.of(SignerRole.INVESTOR_SIGNATORY),
                List.of(SignerRole.COMMISSION_REPRESENTATIVE, SignerRole.DISTRICT_REPRESENTATIVE));
        assertThat(defaults.representativeOf(null).email()).isEqualTo("district-representative@users.investflow.local");
    }

    @Test
    void groupsAndDistrictsBindFromIndexedPropertiesAndDistrictsMatchIgnoringCase() {
        SignerProperties configured = bind(Map.of(
                "investflow.signing.signers.order[0][0]", "INVESTOR_SIGNATORY",
                "investflow.signing.signers.order[1][0]", "DISTRICT_REPRESENTATIVE",
                "investflow.signing.signers.order[2][0]", "COMMISSION_REPRESENTATIVE",
                "investflow.signing.signers.district-representatives.default.name", "Zhou Min 周敏",
                "investflow.signing.signers.district-representatives.default.email", "district@cq.example",
                "investflow.signing.signers.district-representatives.[Liangjiang New Area].name", "Chen Jing 陈静",
                "investflow.signing.signers.district-representatives.[Liangjiang New Area].email", "liangjiang@cq.example"));
        assertThat(configured.order()).hasSize(3).element(1).isEqualTo(List.of(SignerRole.DISTRICT_REPRESENTATIVE));
        assertThat(configured.representativeOf("liangjiang new area")).isEqualTo(new DistrictRepresentative("Chen Jing 陈静", "liangjiang@cq.example"));
        assertThat(configured.representativeOf("Yubei").email()).isEqualTo("district@cq.example");
    }

    @Test
    void anOrderMissingOrRepeatingARoleOrDistrictsWithoutADefaultStopTheStart() {
        assertThatThrownBy(() -> bind(Map.of("investflow.signing.signers.order[0][0]", "INVESTOR_SIGNATORY",
                "investflow.signing.signers.order[1][0]", "COMMISSION_REPRESENTATIVE"))).isInstanceOf(BindException.class)
                .hasRootCauseMessage("investflow.signing.signers.order must name every signer role exactly once: "
                        + "[[INVESTOR_SIGNATORY], [COMMISSION_REPRESENTATIVE]]");
        assertThatThrownBy(() -> bind(Map.of("investflow.signing.signers.order[0][0]", "INVESTOR_SIGNATORY",
                "investflow.signing.signers.order[0][1]", "INVESTOR_SIGNATORY",
                "investflow.signing.signers.order[1][0]", "COMMISSION_REPRESENTATIVE",
                "investflow.signing.signers.order[1][1]", "DISTRICT_REPRESENTATIVE"))).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("investflow.signing.signers.district-representatives.yubei.name", "Wang",
                "investflow.signing.signers.district-representatives.yubei.email", "yubei@cq.example")))
                .isInstanceOf(BindException.class).hasRootCauseMessage("investflow.signing.signers.district-representatives needs a 'default' entry");
    }
}
