package org.investflow.signing.envelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import org.springframework.data.annotation.Transient;

/**
 * The one-time links an envelope mailed to its signers, and the codes sent for them; only hashes
 * are kept. A link serves its place only while it is that place's turn ({@code inTurn}); any link
 * that cannot be used is refused as the same {@link InvalidLinkException}. Part of {@link Envelope}.
 */
public class SigningLinks {

    private List<SigningLink> issued = new ArrayList<>();
    /** The hashes of the links issued since the envelope was loaded, to be filed under their token before it is stored; not stored. */
    @Transient
    private List<String> unfiled = new ArrayList<>();

    /** Keeps the hash of a new link {@code token} for place {@code signerOrder}, valid until {@code expiresAt}. */
    void issue(String token, int signerOrder, Instant expiresAt) {
        SigningLink link = SigningLink.issue(token, signerOrder, expiresAt);
        issued = append(link);
        unfiled.add(link.tokenHash());
    }

    /** The hashes of the links issued since the envelope was loaded (or created), oldest first. */
    List<String> issuedSinceLoaded() {
        return List.copyOf(unfiled);
    }

    /** Keeps the hash of a new code from {@code newCode} for the link; refused once the link had its codes. */
    SentCode sendCode(String tokenHash, Supplier<String> newCode, Instant now, SigningPolicy policy, IntPredicate inTurn) {
        SigningLink link = usable(tokenHash, now, policy, inTurn);
        if (!link.mayHaveAnotherCode(policy)) {
            throw new InvalidLinkException();
        }
        String code = newCode.get();
        replace(link.withCode(code, now, policy));
        return new SentCode(link.signerOrder(), code);
    }

    /** The link's place if {@code code} is right; a wrong code is counted, and too many lock the link. */
    OptionalInt checkCode(String tokenHash, String code, Instant now, SigningPolicy policy, IntPredicate inTurn) {
        SigningLink link = usable(tokenHash, now, policy, inTurn);
        if (!link.acceptsCode(code, now)) {
            replace(link.withWrongCode());
            return OptionalInt.empty();
        }
        return OptionalInt.of(link.signerOrder());
    }

    /** Marks the link as used to view the contract, once; answers its place. */
    int viewed(String tokenHash, Instant now, SigningPolicy policy, IntPredicate inTurn) {
        SigningLink link = usable(tokenHash, now, policy, inTurn);
        if (link.viewed()) {
            throw new InvalidLinkException();
        }
        replace(link.asViewed());
        return link.signerOrder();
    }

    /** Every link of place {@code signerOrder} is used up (it signed). */
    void consumeAllOf(int signerOrder) {
        issued = issued.stream().map(link -> link.signerOrder() == signerOrder ? link.asConsumed() : link).toList();
    }

    /** Every link dies (the envelope closed). */
    void consumeAll() {
        issued = issued.stream().map(SigningLink::asConsumed).toList();
    }

    /** The links issued, oldest first. */
    List<SigningLink> all() {
        return List.copyOf(issued);
    }

    private SigningLink usable(String tokenHash, Instant now, SigningPolicy policy, IntPredicate inTurn) {
        SigningLink link = issued.stream().filter(each -> each.tokenHash().equals(tokenHash)).findFirst()
                .orElseThrow(InvalidLinkException::new);
        if (!inTurn.test(link.signerOrder()) || !link.isUsable(now, policy)) {
            throw new InvalidLinkException();
        }
        return link;
    }

    private void replace(SigningLink changed) {
        issued = issued.stream().map(each -> each.tokenHash().equals(changed.tokenHash()) ? changed : each).toList();
    }

    private List<SigningLink> append(SigningLink link) {
        List<SigningLink> more = new ArrayList<>(issued);
        more.add(link);
        return more;
    }

    /** A code to mail to the signer of place {@code signerOrder}. */
    record SentCode(int signerOrder, String code) {
    }
}
