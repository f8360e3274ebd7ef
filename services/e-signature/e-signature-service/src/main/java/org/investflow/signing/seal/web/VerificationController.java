package org.investflow.signing.seal.web;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import org.investflow.platform.domain.InvalidInputException;
import org.investflow.signing.seal.SealVerification;
import org.investflow.signing.seal.SealVerifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Anyone (no token needed) uploads a PDF as the request body and learns whether it is a contract the
 * commission sealed and nobody changed since, who sealed it when, and the file's SHA-256. Uploads
 * are read up to {@code investflow.signing.verification-max-size} bytes; beyond that 413.
 */
@RestController
class VerificationController {

    private final SealVerifier verifier;
    private final int maxBytes;

    VerificationController(SealVerifier verifier, @Value("${investflow.signing.verification-max-size:5242880}") int maxBytes) {
        this.verifier = verifier;
        this.maxBytes = maxBytes;
    }

    @PostMapping(path = "/api/verifications", consumes = {"application/pdf", "application/octet-stream"})
    Mono<SealVerification> verify(@RequestBody Flux<DataBuffer> upload) {
        return upload.collect(() -> new Upload(maxBytes), Upload::add)
                .map(Upload::bytes)
                .publishOn(Schedulers.boundedElastic())
                .map(this::verified);
    }

    /**
     * The body read to its end (so the client gets its 413 instead of a reset connection) but kept
     * only up to the limit.
     */
    private static final class Upload {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int limit;
        private long total;

        Upload(int limit) {
            this.limit = limit;
        }

        void add(DataBuffer buffer) {
            byte[] bytes = bytesOf(buffer);
            total += bytes.length;
            if (total <= limit) {
                kept.writeBytes(bytes);
            }
        }

        byte[] bytes() {
            if (total > limit) {
                throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "the upload is larger than " + limit + " bytes");
            }
            if (total == 0) {
                throw notAPdf();
            }
            return kept.toByteArray();
        }
    }

    private SealVerification verified(byte[] pdf) {
        try {
            return verifier.verify(pdf);
        } catch (SealVerifier.NotAPdfException e) {
            throw notAPdf();
        }
    }

    private static InvalidInputException notAPdf() {
        return new InvalidInputException(Map.of("body", "must be a PDF file"));
    }

    private static byte[] bytesOf(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }
}
