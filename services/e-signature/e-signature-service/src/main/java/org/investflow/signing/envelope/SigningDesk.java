package org.investflow.signing.envelope;

import java.util.List;

/**
 * What an envelope needs from outside to act: the signing policy, fresh secrets, where signers are
 * reached and who signs. Given by the application service, so the envelope stays free of Spring and
 * randomness.
 */
public interface SigningDesk {

    SigningPolicy policy();

    /** When sealing a fully signed envelope is tried again. */
    default SealingSchedule sealingSchedule() {
        return SealingSchedule.standard();
    }

    /** A fresh link token: at least 128 bits from a SecureRandom, base64url. */
    String newToken();

    /** A fresh six-digit one-time code from a SecureRandom. */
    String newCode();

    /** The email address of user {@code userId}. */
    String addressOf(String userId);

    /** The URL a signer opens with link token {@code token}. */
    String linkTo(String token);

    /** The signing order of new envelopes: groups of signer roles, in sequence; the roles of one group sign in parallel. */
    List<List<SignerRole>> signingOrder();

    /** Who signs for {@code district} (null when the agreement names none): its configured representative, or the default one. */
    DistrictRepresentative districtRepresentativeOf(String district);
}
