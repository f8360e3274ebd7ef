package org.investflow.signing.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A time-stamping authority of the local stack and the tests (BouncyCastle's TSP): signs RFC 3161 tokens with a key
 * whose certificate (extended key usage timeStamping) is issued by a local CA, at the time of its clock. Answers
 * in process ({@link #timestamp}) or over HTTP ({@link #serve}), as a real TSA does. Never used by production, which
 * names a real TSA.
 */
public final class LocalTimestampAuthority implements SignatureTimestamper {

    /** The TSA policy its tokens name: an OID of the example arc 2.999 (ITU-T X.660), meaning "development only". */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.999.3161.1");
    private static final SecureRandom SERIALS = new SecureRandom();

    private final CommissionSeal credential;
    private final Clock clock;
    private final TimeStampResponseGenerator responses;

    /** A TSA signing with {@code credential}: a key whose certificate has the timeStamping extended key usage, and its chain. */
    public LocalTimestampAuthority(CommissionSeal credential, Clock clock) {
        this.credential = credential;
        this.clock = clock;
        this.responses = new TimeStampResponseGenerator(tokens(credential), TSPAlgorithms.ALLOWED);
    }

    /** A TSA with its own, new local root CA: for tests and fleets that bring no CA of their own. */
    public static LocalTimestampAuthority generate(Clock clock) {
        CommissionSeal root = CommissionSeal.authority("CN=InvestFlow Local Timestamp Root CA (development),O=InvestFlow,C=CN", clock.instant(),
                Duration.ofDays(3650));
        return new LocalTimestampAuthority(root.issueTimestampAuthority("CN=InvestFlow Local Timestamp Authority (development),O=InvestFlow,C=CN",
                clock.instant(), Duration.ofDays(1825)), clock);
    }

    private static TimeStampTokenGenerator tokens(CommissionSeal credential) {
        try {
            DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                    .build("SHA256withRSA", credential.key(), credential.certificate()), sha256, POLICY);
            generator.addCertificates(new JcaCertStore(credential.chain()));
            return generator;
        } catch (OperatorCreationException | TSPException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the local time-stamping authority with " + credential.certificate().getSubjectX500Principal(), e);
        }
    }

    /** The root CA its certificate chains to: what a verifier trusts for its tokens. */
    public X509Certificate root() {
        return credential.trustAnchor();
    }

    /**
     * The answer (DER {@code TimeStampResp}) to the DER {@code TimeStampReq} {@code request}: granted, or rejected naming why.
     * One at a time: the generator keeps the signature and digest state of the token it signs, and tokens signed at
     * once broke one another.
     */
    public synchronized byte[] respond(byte[] request) throws IOException {
        try {
            return responses.generate(new TimeStampRequest(request), new BigInteger(64, SERIALS), Date.from(clock.instant())).getEncoded();
        } catch (TSPException e) {
            throw new IOException("cannot answer the time-stamp request", e);
        }
    }

    @Override
    public byte[] timestamp(byte[] signatureValue) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        try {
            byte[] answer = respond(generator.generate(NISTObjectIdentifiers.id_sha256, RemoteTimestampAuthority.sha256(signatureValue)).getEncoded());
            return new TimeStampResponse(answer).getTimeStampToken().getEncoded();
        } catch (IOException | TSPException e) {
            throw new TimestampUnavailableException("the local time-stamping authority failed", e);
        }
    }

    /** Serves RFC 3161 over HTTP on {@code host}:{@code port} (0: any free port), any path, until closed. */
    public Served serve(String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
        server.createContext("/", this::answer);
        server.start();
        return new Served(server, URI.create("http://" + host + ":" + server.getAddress().getPort() + "/tsa"));
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] reply;
            try {
                reply = respond(in.readNBytes(64 * 1024));
            } catch (IOException | RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    /** A running HTTP endpoint of the TSA. */
    public record Served(HttpServer server, URI url) implements AutoCloseable {
        @Override
        public void close() {
            server.stop(0);
        }
    }
}
