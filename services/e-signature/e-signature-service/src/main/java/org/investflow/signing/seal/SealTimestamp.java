package org.investflow.signing.seal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The RFC 3161 signature time-stamp on a seal's signer, checked: signed by a TSA certificate with the timeStamping
 * usage that chains to a trusted TSA root at the time it states, over exactly the seal's signature value.
 *
 * @param at        the time the TSA vouches for
 * @param authority the TSA certificate's subject
 */
record SealTimestamp(Instant at, String authority) {

    /** Thrown when a seal carries a time-stamp that does not hold. */
    static final class BrokenTimestampException extends Exception {
        BrokenTimestampException(String message) {
            super(message);
        }
    }

    /** The checked time-stamp of {@code signer}; null when it carries none. */
    static SealTimestamp of(SignerInformation signer, TrustedRoots authorities) throws BrokenTimestampException {
        Attribute attribute = signer.getUnsignedAttributes() == null ? null
                : signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return null;
        }
        try {
            TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0)));
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> named = token.getCertificates().getMatches(token.getSID());
            if (named.isEmpty()) {
                throw new BrokenTimestampException("the seal's time-stamp does not carry its authority's certificate");
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate tsa = converter.getCertificate(named.iterator().next());
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
            if (!Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(), digest(token, signer.getSignature()))) {
                throw new BrokenTimestampException("the seal's time-stamp is not over this seal's signature");
            }
            Instant at = token.getTimeStampInfo().getGenTime().toInstant();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> carried = token.getCertificates().getMatches(null);
            List<X509Certificate> included = carried.stream().map(holder -> certificate(converter, holder)).toList();
            if (!authorities.trust(tsa, included, at)) {
                throw new BrokenTimestampException("the seal's time-stamp is not from a trusted time-stamping authority");
            }
            return new SealTimestamp(at, tsa.getSubjectX500Principal().getName());
        } catch (TSPException | IOException | GeneralSecurityException | OperatorCreationException | RuntimeException e) {
            throw new BrokenTimestampException("the seal's time-stamp does not hold: it was tampered with or is not a time-stamp");
        }
    }

    private static byte[] digest(TimeStampToken token, byte[] value) throws OperatorCreationException, IOException {
        DigestCalculator calculator = new JcaDigestCalculatorProviderBuilder().build().get(token.getTimeStampInfo().getHashAlgorithm());
        try (OutputStream out = calculator.getOutputStream()) {
            out.write(value);
        }
        return calculator.getDigest();
    }

    private static X509Certificate certificate(JcaX509CertificateConverter converter, X509CertificateHolder holder) {
        try {
            return converter.getCertificate(holder);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
