package org.investflow.signing.envelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;

/**
 * The places of an envelope in their signing order: groups in sequence, the places of one group in
 * parallel. Knows whose turn it is, who may sign which place, and the turns' deadlines and reminders.
 * Part of {@link Envelope}, stored with it.
 */
public class SigningOrder {

    private List<Signer> places;

    SigningOrder() {
    }

    private SigningOrder(List<Signer> places) {
        this.places = List.copyOf(places);
    }

    /** The places of {@code desk}'s signing order for {@code agreement}, numbered in sequence, each group a step. */
    static SigningOrder of(Agreement agreement, SigningDesk desk) {
        List<Signer> places = new ArrayList<>();
        List<List<SignerRole>> groups = desk.signingOrder();
        for (int group = 1; group <= groups.size(); group++) {
            for (SignerRole role : groups.get(group - 1)) {
                places.add(placeOf(places.size() + 1, group, role, agreement, desk));
            }
        }
        return new SigningOrder(places);
    }

    private static Signer placeOf(int order, int group, SignerRole role, Agreement agreement, SigningDesk desk) {
        return switch (role) {
            case INVESTOR_SIGNATORY -> Signer.awaiting(order, group, role, agreement.investorId());
            case COMMISSION_REPRESENTATIVE -> Signer.awaiting(order, group, role, agreement.officerId());
            case DISTRICT_REPRESENTATIVE -> Signer.awaiting(order, group, role, desk.districtRepresentativeOf(agreement.terms().district()));
        };
    }

    /** Every place, in order. */
    List<Signer> all() {
        return places;
    }

    Signer place(int order) {
        return places.get(order - 1);
    }

    /** The unsigned places of the first group not complete: those whose turn it is, in parallel; none once all signed. */
    List<Signer> inTurn() {
        OptionalInt step = unsigned().mapToInt(Signer::group).min();
        return step.isEmpty() ? List.of() : unsigned().filter(each -> each.group() == step.getAsInt()).toList();
    }

    boolean isInTurn(int order) {
        return inTurn().stream().anyMatch(each -> each.order() == order);
    }

    /** Who signed last (the latest signature; of two at once, the later place): whose signature executes the contract. */
    Actor lastSigner() {
        return places.stream().filter(Signer::hasSigned)
                .max(Comparator.comparing(Signer::signedAt).thenComparingInt(Signer::order)).orElseThrow().actor();
    }

    /** Whether only {@code place} is left to sign. */
    boolean isLastToSign(Signer place) {
        return unsigned().allMatch(each -> each.order() == place.order());
    }

    /**
     * The place {@code signer} signs: refused unless it is theirs and unsigned. Whether it is their
     * turn is {@link #blockingTurnOf}'s question, so who may sign is checked before when.
     */
    Signer placeOf(Actor signer, String envelopeId) {
        SignerRole role = SignerRole.actingAs(signer.role());
        Signer place = places.stream().filter(each -> each.role() == role).findFirst().orElseThrow();
        if (!place.mayBeSignedBy(signer.id())) {
            throw new ForbiddenException(signer.id() + " may not sign envelope " + envelopeId + " as " + role);
        }
        if (place.hasSigned()) {
            throw new RuleViolationException(role + " has already signed envelope " + envelopeId);
        }
        return place;
    }

    /** The roles in turn before {@code place}'s, when its group's turn has not come; empty when it has. */
    Optional<String> blockingTurnOf(Signer place) {
        List<Signer> current = inTurn();
        if (current.get(0).group() == place.group()) {
            return Optional.empty();
        }
        return Optional.of(current.stream().map(each -> each.role().name()).collect(Collectors.joining(" and ")));
    }

    /** The place of {@code viewer} when they are one of the signers. */
    Optional<Signer> placeOfViewer(Actor viewer) {
        return places.stream().filter(each -> each.isSignerOf(viewer)).findFirst();
    }

    /** Starts the turn of every place in turn whose turn has not started (a whole group together); answers those. */
    List<Signer> startTurns(Instant now, SigningPolicy policy) {
        List<Signer> started = inTurn().stream().filter(each -> each.turn() == null)
                .map(each -> each.withTurn(Turn.startingAt(now, policy))).toList();
        started.forEach(this::replace);
        return started;
    }

    /** The first place in turn past its deadline at {@code now}. */
    Optional<Signer> overdue(Instant now) {
        return inTurn().stream().filter(each -> each.turn().isOverdue(now)).findFirst();
    }

    /** Counts a reminder for every place in turn whose reminder is due; answers them. */
    List<Signer> remindDue(Instant now, SigningPolicy policy) {
        List<Signer> reminded = inTurn().stream().filter(each -> each.turn().isReminderDue(now))
                .map(each -> each.withTurn(each.turn().reminded(now, policy))).toList();
        reminded.forEach(this::replace);
        return reminded;
    }

    /** The soonest next reminder or deadline of the places in turn; null when nobody is left to sign. */
    Instant nextWatchAt() {
        return inTurn().stream().map(each -> each.turn().nextWatchAt()).min(Instant::compareTo).orElse(null);
    }

    /** Reminders sent to all places so far. */
    int remindersSent() {
        return places.stream().mapToInt(Signer::remindersSent).sum();
    }

    void replace(Signer changed) {
        places = places.stream().map(each -> each.order() == changed.order() ? changed : each).toList();
    }

    private Stream<Signer> unsigned() {
        return places.stream().filter(each -> !each.hasSigned());
    }
}
