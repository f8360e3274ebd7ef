package org.investflow.signing.seal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * A TSA reached over HTTP (RFC 3161 section 3.4: {@code application/timestamp-query} in,
 * {@code application/timestamp-reply} out). Each request carries a random nonce and asks for the TSA's
 * certificate; the answer must be granted and match the request (imprint, nonce), or sealing waits and retries.
 * Blocking: call on a bounded-elastic thread.
 */
public final class RemoteTimestampAuthority implements SignatureTimestamper {

    private static final SecureRandom NONCES = new SecureRandom();

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    public RemoteTimestampAuthority(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public byte[] timestamp(byte[] signatureValue) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, sha256(signatureValue), new BigInteger(64, NONCES));
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new TimestampUnavailableException("the time-stamping authority " + url + " answered HTTP " + answer.statusCode(), null);
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new TimestampUnavailableException("the time-stamping authority " + url + " granted no token: "
                        + response.getStatusString(), null);
            }
            return response.getTimeStampToken().getEncoded();
        } catch (IOException | TSPException e) {
            throw new TimestampUnavailableException("no time-stamp from " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimestampUnavailableException("interrupted while asking " + url + " for a time-stamp", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
