package org.investflow.signing.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;

/**
 * The local TSA answers many sealings at once with tokens that each verify: its BouncyCastle generator keeps the
 * signature and digest state of the token being signed, so tokens signed at the same time broke one another (one
 * executed contract in 96 failed verification with BROKEN_TIMESTAMP in the pipeline benchmark).
 */
class LocalTimestampAuthorityTest {

    private static final int THREADS = 4;
    private static final int TOKENS_EACH = 40;

    @Test
    void tokensSignedConcurrentlyEachVerifyOverTheirOwnSignatureValue() throws Exception {
        ExecutorService sealers = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int sealer = thread;
                results.add(sealers.submit((Callable<List<String>>) () -> stampAndCheck(sealer)));
            }
            List<String> broken = new ArrayList<>();
            for (Future<List<String>> result : results) {
                broken.addAll(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(broken).as("tokens that do not verify").isEmpty();
        } finally {
            sealers.shutdownNow();
        }
    }

    private static List<String> stampAndCheck(int sealer) throws Exception {
        List<String> broken = new ArrayList<>();
        for (int n = 0; n < TOKENS_EACH; n++) {
            byte[] signatureValue = ("signature value " + sealer + "-" + n).getBytes(StandardCharsets.UTF_8);
            TimeStampToken token = new TimeStampToken(new CMSSignedData(SealTest.TSA.timestamp(signatureValue)));
            X509CertificateHolder signer = (X509CertificateHolder) token.getCertificates().getMatches(token.getSID()).iterator().next();
            try {
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
                if (!java.util.Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(), RemoteTimestampAuthority.sha256(signatureValue))) {
                    broken.add(sealer + "-" + n + ": imprint of another signature");
                }
            } catch (org.bouncycastle.tsp.TSPException invalid) {
                broken.add(sealer + "-" + n + ": " + invalid.getMessage());
            }
        }
        return broken;
    }
}
