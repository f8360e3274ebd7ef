package org.investflow.signing.contract.persistence;

import org.bson.Document;
import org.investflow.signing.contract.RenderedPdf;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Executed contracts in GridFS ({@code fs.files} / {@code fs.chunks}), one file per envelope and hash, named
 * {@code <envelopeId>/<sha256>.pdf}: written once, never rewritten, read back byte for byte.
 */
public class GridFsExecutedContracts implements ExecutedContracts {

    private static final String PDF = "application/pdf";

    private final ReactiveGridFsTemplate gridFs;

    public GridFsExecutedContracts(ReactiveGridFsTemplate gridFs) {
        this.gridFs = gridFs;
    }

    @Override
    public Mono<String> store(String envelopeId, String caseId, RenderedPdf sealed) {
        String hash = sealed.sha256();
        Document metadata = new Document("envelopeId", envelopeId).append("caseId", caseId).append("sha256", hash);
        return gridFs.findFirst(named(envelopeId, hash))
                .map(existing -> hash)
                .switchIfEmpty(Mono.defer(() -> gridFs.store(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(sealed.bytes())),
                        fileName(envelopeId, hash), PDF, metadata).thenReturn(hash)));
    }

    @Override
    public Mono<RenderedPdf> find(String envelopeId, String sha256) {
        return gridFs.findFirst(named(envelopeId, sha256))
                .flatMap(gridFs::getResource)
                .flatMap(resource -> DataBufferUtils.join(resource.getDownloadStream()))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return new RenderedPdf(bytes);
                });
    }

    private static Query named(String envelopeId, String sha256) {
        return Query.query(Criteria.where("filename").is(fileName(envelopeId, sha256)));
    }

    private static String fileName(String envelopeId, String sha256) {
        return envelopeId + "/" + sha256 + ".pdf";
    }
}
