package org.investflow.signing.seal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
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

/**
 * Tells whether a PDF is a contract the commission sealed and nobody changed since: exactly one seal,
 * covering the whole file, whose CMS signature matches the bytes and whose certificate chains to the
 * commission's trusted certificate.
 */
public final class SealVerifier {

    /** Thrown when the upload is not a PDF at all. */
    public static final class NotAPdfException extends RuntimeException {
        NotAPdfException(Throwable cause) {
            super("the upload is not a PDF", cause);
        }
    }

    private final X509Certificate trusted;

    public SealVerifier(X509Certificate trusted) {
        this.trusted = trusted;
    }

    public SealVerification verify(byte[] pdf) {
        String hash = RenderedPdf.sha256(pdf);
        try (PDDocument document = load(pdf)) {
            List<PDSignature> seals = document.getSignatureDictionaries();
            if (seals.size() != 1) {
                return new SealVerification(false, seals.isEmpty() ? "the document carries no seal" : "the document carries more than one seal",
                        hash, null, null, null, null);
            }
            return check(pdf, hash, seals.get(0), document.getDocumentInformation());
        } catch (IOException e) {
            throw new NotAPdfException(e);
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
        int[] range = seal.getByteRange();
        if (range.length != 4 || range[0] != 0 || (long) range[2] + range[3] != pdf.length) {
            return new SealVerification(false, "the document was changed after it was sealed", hash, null, sealedAt, caseId, contractHash);
        }
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(seal.getSignedContent(pdf)), signatureOf(seal, pdf));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            String subject = certificate.getSubjectX500Principal().getName();
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                return new SealVerification(false, "the seal does not match the document: it was tampered with", hash, subject, sealedAt, caseId, contractHash);
            }
            if (!chainsToCommission(certificate)) {
                return new SealVerification(false, "the seal's certificate is not the commission's", hash, subject, sealedAt, caseId, contractHash);
            }
            return new SealVerification(true, "sealed by the commission and unmodified", hash, subject, sealedAt, caseId, contractHash);
        } catch (CMSException | GeneralSecurityException | OperatorCreationException | RuntimeException e) {
            return new SealVerification(false, "the seal does not match the document: it was tampered with", hash, null, sealedAt, caseId, contractHash);
        }
    }

    /** The CMS structure alone: the /Contents placeholder is zero-padded after it, which strict DER parsing refuses. */
    private static ContentInfo signatureOf(PDSignature seal, byte[] pdf) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(seal.getContents(pdf))) {
            return ContentInfo.getInstance(in.readObject());
        }
    }

    private boolean chainsToCommission(X509Certificate certificate) {
        try {
            certificate.verify(trusted.getPublicKey());
            return certificate.getIssuerX500Principal().equals(trusted.getSubjectX500Principal());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
