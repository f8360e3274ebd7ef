package org.investflow.signing.seal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.investflow.signing.contract.RenderedPdf;
import org.investflow.signing.seal.SealVerification.Finding;

/**
 * Tells whether a PDF is a contract the commission sealed and nobody changed since: exactly one seal,
 * covering the whole file, whose CMS signature matches the bytes and whose certificate chains to the
 * commission's root CA (the trust anchor, not the seal certificate itself, so seals can be rotated), whose
 * time-stamp, if any, is a trusted TSA's over that signature (the chain is then checked at the time-stamp's
 * time, so contracts keep verifying after the seal certificate expires), and whose embedded agreed terms, if
 * any, hash to the fingerprint it prints.
 */
public final class SealVerifier {

    /** Thrown when the upload is not a PDF at all. */
    public static final class NotAPdfException extends RuntimeException {
        NotAPdfException(Throwable cause) {
            super("the upload is not a PDF", cause);
        }
    }

    private final TrustedRoots commission;
    private final TrustedRoots timestampAuthorities;

    /** Verifies seals against {@code trustAnchor}, the commission's root CA, which also vouches for the time-stamping authority. */
    public SealVerifier(X509Certificate trustAnchor) {
        this(TrustedRoots.of(trustAnchor), TrustedRoots.of(trustAnchor));
    }

    /**
     * Verifies against {@code commission}, the commission's root CA (any seal certificate it issued is the commission's), and
     * trusts the time-stamps of authorities that chain to {@code timestampAuthorities}.
     */
    public SealVerifier(TrustedRoots commission, TrustedRoots timestampAuthorities) {
        this.commission = commission;
        this.timestampAuthorities = timestampAuthorities;
    }

    public SealVerification verify(byte[] pdf) {
        String hash = RenderedPdf.sha256(pdf);
        try (PDDocument document = load(pdf)) {
            EmbeddedTerms terms = EmbeddedTerms.of(document);
            List<PDSignature> seals = document.getSignatureDictionaries();
            if (seals.size() != 1) {
                return SealVerification.of(hash, null, null, null).withTerms(terms)
                        .refused(seals.isEmpty() ? Finding.NO_SEAL : Finding.MORE_THAN_ONE_SEAL,
                                seals.isEmpty() ? "the document carries no seal" : "the document carries more than one seal");
            }
            SealVerification sealed = check(pdf, hash, seals.get(0), document.getDocumentInformation()).withTerms(terms);
            return sealed.valid() && Boolean.FALSE.equals(terms.matches())
                    ? sealed.refused(Finding.TERMS_DO_NOT_MATCH, "the embedded agreed terms do not match the fingerprint the contract prints") : sealed;
        } catch (IOException | RuntimeException e) {
            if (e instanceof NotAPdfException notAPdf) {
                throw notAPdf;
            }
            return SealVerification.of(hash, null, null, null)
                    .refused(Finding.UNREADABLE, "the document's structure cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static PDDocument load(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new NotAPdfException(e);
        }
    }

    private SealVerification check(byte[] pdf, String hash, PDSignature seal, PDDocumentInformation info) throws IOException {
        Instant sealedAt = seal.getSignDate() == null ? null : seal.getSignDate().toInstant();
        SealVerification found = SealVerification.of(hash, sealedAt, info.getCustomMetadataValue("InvestFlowCaseId"),
                info.getCustomMetadataValue("InvestFlowDocumentHash"));
        int[] range = seal.getByteRange();
        if (range.length != 4 || range[0] != 0 || (long) range[2] + range[3] != pdf.length) {
            return found.refused(Finding.CHANGED_AFTER_SEALING, "the document was changed after it was sealed");
        }
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(seal.getSignedContent(pdf)), signatureOf(seal, pdf));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate certificate = converter.getCertificate(matches.iterator().next());
            SealVerification signed = found.signedBy(certificate.getSubjectX500Principal().getName());
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                return signed.refused(Finding.TAMPERED, "the seal does not match the document: it was tampered with");
            }
            SealTimestamp timestamp = SealTimestamp.of(signer, timestampAuthorities);
            SealVerification stamped = timestamp == null ? signed : signed.timestamped(timestamp.at(), timestamp.authority());
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = cms.getCertificates().getMatches(null);
            List<X509Certificate> included = new ArrayList<>();
            for (X509CertificateHolder holder : all) {
                included.add(converter.getCertificate(holder));
            }
            // at the time-stamp's time when there is one: a seal certificate expired since still verifies
            if (!commission.trust(certificate, included, timestamp == null ? sealedAt : timestamp.at())) {
                return stamped.refused(Finding.NOT_THE_COMMISSIONS_SEAL, "the seal's certificate is not the commission's: it does not chain to the commission's root CA");
            }
            return stamped.accepted();
        } catch (SealTimestamp.BrokenTimestampException e) {
            return found.refused(Finding.BROKEN_TIMESTAMP, e.getMessage());
        } catch (CMSException | GeneralSecurityException | OperatorCreationException | RuntimeException e) {
            return found.refused(Finding.TAMPERED, "the seal does not match the document: it was tampered with");
        }
    }

    /** The CMS structure alone: the /Contents placeholder is zero-padded after it, which strict DER parsing refuses. */
    private static ContentInfo signatureOf(PDSignature seal, byte[] pdf) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(seal.getContents(pdf))) {
            return ContentInfo.getInstance(in.readObject());
        }
    }

}
