package org.investflow.signing.seal;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Root certificates trusted for one purpose (the commission's seal, or time-stamping authorities), and whether a
 * certificate has a valid PKIX path to one of them through given intermediates at a given time (no revocation
 * checks here: offline, and the roots are the commission's own or named in configuration).
 */
public record TrustedRoots(List<X509Certificate> roots) {

    public TrustedRoots {
        roots = List.copyOf(roots);
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted root is needed");
        }
    }

    public static TrustedRoots of(X509Certificate... roots) {
        return new TrustedRoots(List.of(roots));
    }

    /** Whether {@code certificate} chains to one of the roots through {@code included} at {@code at} (now when null). */
    boolean trust(X509Certificate certificate, Collection<X509Certificate> included, Instant at) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            Set<TrustAnchor> anchors = roots.stream().map(root -> new TrustAnchor(root, null)).collect(Collectors.toSet());
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            if (at != null) {
                parameters.setDate(Date.from(at));
            }
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(included)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
