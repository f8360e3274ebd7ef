package org.investflow.signing.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.junit.jupiter.api.Test;

/** The envelope's audit trail part: recorded entries chain, the head follows the last entry, the trail verifies. */
class AuditTrailTest {

    static final Instant T0 = Instant.parse("2026-04-10T09:00:00Z");
    static final String DOCUMENT = "d".repeat(64);

    @Test
    void aNewTrailIsEmptyIntactAndHeadedByGenesis() {
        AuditTrail trail = new AuditTrail();
        assertThat(trail.entries()).isEmpty();
        assertThat(trail.head()).isEqualTo(AuditChain.GENESIS);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void recordedEntriesAreChainedAndTheHeadFollowsTheLast() {
        AuditTrail trail = new AuditTrail();
        trail.record(AuditAction.SENT, Actor.SYSTEM, T0, Origin.SYSTEM, DOCUMENT);
        trail.record(AuditAction.VIEWED, new Actor("investor-1", Role.INVESTOR), T0.plusSeconds(5), new Origin("203.0.113.7", "Firefox"), DOCUMENT);
        assertThat(trail.entries()).extracting(AuditEntry::action).containsExactly(AuditAction.SENT, AuditAction.VIEWED);
        assertThat(trail.entries().get(1)).extracting(AuditEntry::actorId, AuditEntry::actorRole, AuditEntry::clientAddress)
                .containsExactly("investor-1", "INVESTOR", "203.0.113.7");
        assertThat(trail.entries().get(1).previousHash()).isEqualTo(trail.entries().get(0).hash());
        assertThat(trail.head()).isEqualTo(trail.entries().get(1).hash());
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void theEntriesHandedOutCannotChangeTheTrail() {
        AuditTrail trail = new AuditTrail();
        trail.record(AuditAction.SENT, Actor.SYSTEM, T0, Origin.SYSTEM, DOCUMENT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> trail.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(trail.entries()).hasSize(1);
    }
}
