package org.investflow.signing.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The commission's sealing key and its certificate. Production loads it from a PKCS#12 keystore
 * mounted from a secret; the local stack and tests generate a self-signed one (its own trust anchor).
 * RSA with PKCS#1 v1.5 padding signs deterministically, so sealing the same contract at the same
 * time gives the same bytes.
 */
public record CommissionSeal(PrivateKey key, X509Certificate certificate) {

    public CommissionSeal {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** A new self-signed seal for {@code subject} (an X.500 name), valid from a day before {@code now} for {@code validity}. */
    public static CommissionSeal generate(String subject, Instant now, Duration validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name(subject);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(validity)), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyCertSign));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new CommissionSeal(keys.getPrivate(), certificate);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the commission seal", e);
        }
    }

    /** The seal stored under {@code alias} in the PKCS#12 keystore {@code file}. */
    public static CommissionSeal load(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!(store.getKey(alias, password) instanceof PrivateKey key)) {
                throw new IllegalStateException("keystore " + file + " holds no private key under alias " + alias);
            }
            return new CommissionSeal(key, (X509Certificate) store.getCertificate(alias));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read the commission seal from " + file, e);
        }
    }

    /** Writes this seal as a PKCS#12 keystore {@code file}. */
    public void store(Path file, char[] password, String alias) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, password);
            store.setKeyEntry(alias, key, password, new java.security.cert.Certificate[] {certificate});
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write the commission seal to " + file, e);
        }
    }

    /** Fails loudly when the certificate is expired or not yet valid at {@code now}: no contract may be sealed with it. */
    public CommissionSeal requireValidAt(Instant now) {
        try {
            certificate.checkValidity(Date.from(now));
            return this;
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new IllegalStateException("the commission seal certificate " + certificate.getSubjectX500Principal()
                    + " is not valid at " + now + " (valid " + certificate.getNotBefore().toInstant() + " to "
                    + certificate.getNotAfter().toInstant() + ")", e);
        }
    }
}
