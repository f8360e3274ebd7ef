package org.investflow.signing.seal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

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

/**
 * Tells whether a PDF is a contract the commission sealed and nobody changed since: exactly one seal,
 * covering the whole file, whose CMS signature matches the bytes and whose certificate chains to the
 * commission's root CA (the trust anchor, not the seal certificate itself, so seals can be rotated), and
 * whose embedded agreed terms, if any, hash to the fingerprint it prints.
 */
public final class SealVerifier {

    /** Thrown when the upload is not a PDF at all. */
    public static final class NotAPdfException extends RuntimeException {
        NotAPdfException(Throwable cause) {
            super("the upload is not a PDF", cause);
        }
    }

    private final X509Certificate trustAnchor;

    /** Verifies against {@code trustAnchor}, the commission's root CA: any seal certificate it issued is the commission's. */
    public SealVerifier(X509Certificate trustAnchor) {
        this.trustAnchor = trustAnchor;
    }

    public SealVerification verify(byte[] pdf) {
        String hash = RenderedPdf.sha256(pdf);
        try (PDDocument document = load(pdf)) {
            EmbeddedTerms terms = EmbeddedTerms.of(document);
            List<PDSignature> seals = document.getSignatureDictionaries();
            if (seals.size() != 1) {
                return new SealVerification(false, seals.isEmpty() ? "the document carries no seal" : "the document carries more than one seal",
                        hash, null, null, null, null, null, null, null).withTerms(terms);
            }
            SealVerification sealed = check(pdf, hash, seals.get(0), document.getDocumentInformation()).withTerms(terms);
            return sealed.valid() && Boolean.FALSE.equals(terms.matches())
                    ? sealed.refused("the embedded agreed terms do not match the fingerprint the contract prints") : sealed;
        } catch (IOException | RuntimeException e) {
            if (e instanceof NotAPdfException notAPdf) {
                throw notAPdf;
            }
            return new SealVerification(false, "the document's structure cannot be read: " + e.getClass().getSimpleName(), hash, null, null,
                    null, null, null, null, null);
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
        String caseId = info.getCustomMetadataValue("InvestFlowCaseId");
        String contractHash = info.getCustomMetadataValue("InvestFlowDocumentHash");
        SealVerification found = new SealVerification(false, null, hash, null, sealedAt, caseId, contractHash, null, null, null);
        int[] range = seal.getByteRange();
        if (range.length != 4 || range[0] != 0 || (long) range[2] + range[3] != pdf.length) {
            return found.refused("the document was changed after it was sealed");
        }
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(seal.getSignedContent(pdf)), signatureOf(seal, pdf));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate certificate = converter.getCertificate(matches.iterator().next());
            SealVerification signed = new SealVerification(false, null, hash, certificate.getSubjectX500Principal().getName(), sealedAt, caseId,
                    contractHash, null, null, null);
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                return signed.refused("the seal does not match the document: it was tampered with");
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = cms.getCertificates().getMatches(null);
            List<X509Certificate> included = new ArrayList<>();
            for (X509CertificateHolder holder : all) {
                included.add(converter.getCertificate(holder));
            }
            if (!chainsToCommission(certificate, included, sealedAt)) {
                return signed.refused("the seal's certificate is not the commission's: it does not chain to the commission's root CA");
            }
            return new SealVerification(true, "sealed by the commission and unmodified", hash, signed.signer(), sealedAt, caseId, contractHash,
                    null, null, null);
        } catch (CMSException | GeneralSecurityException | OperatorCreationException | RuntimeException e) {
            return found.refused("the seal does not match the document: it was tampered with");
        }
    }

    /** The CMS structure alone: the /Contents placeholder is zero-padded after it, which strict DER parsing refuses. */
    private static ContentInfo signatureOf(PDSignature seal, byte[] pdf) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(seal.getContents(pdf))) {
            return ContentInfo.getInstance(in.readObject());
        }
    }

    /**
     * Whether {@code certificate} has a valid path (PKIX, no revocation checks here) to the trust anchor through the
     * certificates the seal carries, at the sealing time: a rotated seal certificate under the same CA still verifies
     * the contracts sealed before.
     */
    private boolean chainsToCommission(X509Certificate certificate, List<X509Certificate> included, Instant sealedAt) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(Set.of(new TrustAnchor(trustAnchor, null)), target);
            parameters.setRevocationEnabled(false);
            if (sealedAt != null) {
                parameters.setDate(Date.from(sealedAt));
            }
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(included)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
