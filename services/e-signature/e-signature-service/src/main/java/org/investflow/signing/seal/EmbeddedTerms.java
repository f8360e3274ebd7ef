package org.investflow.signing.seal;

import java.io.IOException;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.investflow.signing.contract.RenderedPdf;

/**
 * The agreed terms a contract carries: the fingerprint it prints (document information) and the SHA-256 of the
 * canonical terms embedded as {@code agreed-terms.json}.
 *
 * @param printed  the printed fingerprint, null when the document names none
 * @param embedded SHA-256 of the embedded terms, null when none are embedded
 */
record EmbeddedTerms(String printed, String embedded) {

    static final String FILE = "agreed-terms.json";

    static EmbeddedTerms of(PDDocument document) throws IOException {
        String printed = document.getDocumentInformation().getCustomMetadataValue("InvestFlowTermsFingerprint");
        PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
        PDEmbeddedFilesNameTreeNode files = names == null ? null : names.getEmbeddedFiles();
        Map<String, PDComplexFileSpecification> named = files == null ? null : files.getNames();
        PDComplexFileSpecification terms = named == null ? null : named.get(FILE);
        if (terms == null || terms.getEmbeddedFile() == null) {
            return new EmbeddedTerms(printed, null);
        }
        return new EmbeddedTerms(printed, RenderedPdf.sha256(terms.getEmbeddedFile().toByteArray()));
    }

    /** Whether the embedded terms hash to the printed fingerprint; null when nothing is embedded. */
    Boolean matches() {
        return embedded == null ? null : embedded.equals(printed);
    }
}
