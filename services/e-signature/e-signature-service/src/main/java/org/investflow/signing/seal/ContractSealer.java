package org.investflow.signing.seal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Seals a PDF with the commission's PAdES-BASELINE-T signature ({@code ETSI.CAdES.detached}: a CMS
 * signature over the whole file but the signature value, with the ESS signing-certificate-v2
 * attribute, the claimed signing time in the signature dictionary, not in the CMS, and an RFC 3161
 * signature time-stamp from a TSA as an unsigned attribute). Added as an incremental update, so the
 * signed contract's bytes stay inside the sealed file. The claimed time comes from the caller and the
 * trailer id from the contract; the time-stamp is the TSA's, so two sealings differ in it: the sealed
 * bytes are kept, not re-made.
 */
public final class ContractSealer {

    static final String REASON = "Executed InvestFlow contract";
    /** Room for the CMS: the seal's chain, and the time-stamp token with a real TSA's chain. */
    private static final int SIGNATURE_SIZE = 24_000;

    private ContractSealer() {
    }

    /**
     * {@code pdf} sealed with {@code seal} at {@code at}, its signature time-stamped by {@code timestamps}
     * (PAdES-BASELINE-T); a TSA that cannot be reached fails the sealing with {@link SignatureTimestamper.TimestampUnavailableException}.
     */
    public static byte[] seal(byte[] pdf, CommissionSeal seal, Instant at, String location, SignatureTimestamper timestamps) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.setDocumentId(at.toEpochMilli());
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(seal.certificate().getSubjectX500Principal().getName());
            signature.setReason(REASON);
            signature.setLocation(location);
            signature.setSignDate(calendar(at));
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SIGNATURE_SIZE);
                document.addSignature(signature, content -> timestamped(cms(content.readAllBytes(), seal), timestamps), options);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.saveIncremental(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seal the contract", e);
        }
    }

    /** The signature with the TSA's token over its value as the unsigned signature-time-stamp attribute. */
    private static byte[] timestamped(CMSSignedData signed, SignatureTimestamper timestamps) throws IOException {
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        ContentInfo token = ContentInfo.getInstance(timestamps.timestamp(signer.getSignature()));
        AttributeTable unsigned = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, new DERSet(token)));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, unsigned);
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped)).getEncoded(ASN1Encoding.DER);
    }

    private static CMSSignedData cms(byte[] content, CommissionSeal seal) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(signedAttributes(seal))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(seal.key()), seal.certificate()));
            generator.addCertificates(new JcaCertStore(seal.chain()));
            return generator.generate(new CMSProcessableByteArray(content), false);
        } catch (CMSException | OperatorCreationException | GeneralSecurityException e) {
            throw new IOException("cannot create the CMS signature", e);
        }
    }

    /** Content type, message digest and the signing certificate's hash; no signing-time (PAdES keeps it in /M). */
    private static CMSAttributeTableGenerator signedAttributes(CommissionSeal seal) throws GeneralSecurityException {
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(signingCertificate(seal))));
        DefaultSignedAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
        return parameters -> standard.getAttributes(parameters).remove(CMSAttributes.signingTime);
    }

    private static SigningCertificateV2 signingCertificate(CommissionSeal seal) throws GeneralSecurityException {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seal.certificate().getEncoded());
            IssuerSerial issuer = new IssuerSerial(new GeneralNames(new GeneralName(
                    X500Name.getInstance(seal.certificate().getIssuerX500Principal().getEncoded()))), seal.certificate().getSerialNumber());
            return new SigningCertificateV2(new ESSCertIDv2(hash, issuer));
        } catch (CertificateEncodingException e) {
            throw new GeneralSecurityException(e);
        }
    }

    static Calendar calendar(Instant at) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.setTimeInMillis(at.toEpochMilli());
        return calendar;
    }
}
