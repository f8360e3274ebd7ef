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
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The commission's sealing key and its certificate chain (the same shape serves the local CA itself and a local
 * time-stamping authority's key): the seal certificate first, then its issuers up to
 * the commission's root CA, the trust anchor verification checks against. Production loads it from a PKCS#12
 * keystore mounted from a secret; the local stack generates a local root CA and a seal issued by it once into
 * {@code .devstack/}, tests generate theirs. RSA with PKCS#1 v1.5 padding signs deterministically, so sealing
 * the same contract at the same time gives the same bytes.
 *
 * @param chain the seal certificate, then its issuers; the last is the trust anchor
 */
public record CommissionSeal(PrivateKey key, List<X509Certificate> chain) {

    public CommissionSeal {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a seal needs its certificate");
        }
    }

    /** The certificate that seals. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The root of the chain: the commission CA verification trusts. */
    public X509Certificate trustAnchor() {
        return chain.get(chain.size() - 1);
    }

    /**
     * A new development root CA named after {@code subject} and a seal for {@code subject} issued by it, both valid
     * from a day before {@code now} for {@code validity} (the CA twice as long).
     */
    public static CommissionSeal generate(String subject, Instant now, Duration validity) {
        CommissionSeal root = authority("CN=InvestFlow Local Commission Root CA,O=Chongqing Municipal Commission of Commerce,C=CN", now,
                validity.multipliedBy(2));
        return root.issue(subject, now, validity);
    }

    /** A self-signed root CA that can issue seals ({@link #issue}). */
    public static CommissionSeal authority(String subject, Instant now, Duration validity) {
        KeyPair keys = newKeys();
        X500Name name = new X500Name(subject);
        X509Certificate certificate = certify(name, keys.getPublic(), name, keys.getPrivate(), now, validity, Use.AUTHORITY);
        return new CommissionSeal(keys.getPrivate(), List.of(certificate));
    }

    /** A new seal for {@code subject} issued by this CA: its chain is the new certificate followed by this chain. */
    public CommissionSeal issue(String subject, Instant now, Duration validity) {
        return issue(subject, now, validity, Use.SEAL);
    }

    /**
     * A new time-stamping authority's key and certificate for {@code subject} issued by this CA (extended key usage
     * timeStamping, critical, as RFC 3161 requires), with its chain.
     */
    public CommissionSeal issueTimestampAuthority(String subject, Instant now, Duration validity) {
        return issue(subject, now, validity, Use.TIMESTAMPING);
    }

    private CommissionSeal issue(String subject, Instant now, Duration validity, Use use) {
        KeyPair keys = newKeys();
        X509Certificate certificate = certify(new X500Name(subject), keys.getPublic(),
                X500Name.getInstance(certificate().getSubjectX500Principal().getEncoded()), key, now, validity, use);
        return new CommissionSeal(keys.getPrivate(), Stream.concat(Stream.of(certificate), chain.stream()).toList());
    }

    /** What a certificate is for: issuing others, sealing contracts, or time-stamping. */
    private enum Use {
        AUTHORITY, SEAL, TIMESTAMPING
    }

    private static KeyPair newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static X509Certificate certify(X500Name subject, PublicKey publicKey, X500Name issuer, PrivateKey issuerKey, Instant now,
                                           Duration validity, Use use) {
        try {
            boolean authority = use == Use.AUTHORITY;
            int usage = authority ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(validity)),
                    subject, publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(authority))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            if (use == Use.TIMESTAMPING) {
                builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue the certificate of " + subject, e);
        }
    }

    /** The seal stored under {@code alias} in the PKCS#12 keystore {@code file}, with its chain. */
    public static CommissionSeal load(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!(store.getKey(alias, password) instanceof PrivateKey key)) {
                throw new IllegalStateException("the commission seal keystore " + file + " holds no private key under alias " + alias);
            }
            Certificate[] chain = store.getCertificateChain(alias);
            return new CommissionSeal(key, Arrays.stream(chain).map(X509Certificate.class::cast).toList());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read the commission seal keystore " + file + " (wrong password or not a PKCS#12 file?)", e);
        }
    }

    /** Writes this seal with its chain as a PKCS#12 keystore {@code file}. */
    public void store(Path file, char[] password, String alias) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, password);
            store.setKeyEntry(alias, key, password, chain.toArray(Certificate[]::new));
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write the commission seal to " + file, e);
        }
    }

    /** {@code certificate} in PEM, as {@code openssl}, {@code pdfsig}'s NSS database and {@code trust-anchor} settings read it. */
    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** Fails loudly when the certificate is expired or not yet valid at {@code now}: no contract may be sealed with it. */
    public CommissionSeal requireValidAt(Instant now) {
        try {
            certificate().checkValidity(Date.from(now));
            return this;
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new IllegalStateException("the commission seal certificate " + certificate().getSubjectX500Principal()
                    + " is not valid at " + now + " (valid " + certificate().getNotBefore().toInstant() + " to "
                    + certificate().getNotAfter().toInstant() + ")", e);
        }
    }
}
