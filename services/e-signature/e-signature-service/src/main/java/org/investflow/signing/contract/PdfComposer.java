package org.investflow.signing.contract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.TimeZone;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays text out on A4 pages in the embedded CJK font (a subset of WenQuanYi Micro Hei that covers
 * Latin, CJK punctuation and every CJK unified ideograph), wrapping lines and breaking pages, and
 * writes the file so that the same input gives the same bytes: fixed document id, dates given by
 * the caller, a fixed producer, and a font subset whose tag PDFBox derives from the glyphs used.
 */
final class PdfComposer implements AutoCloseable {

    static final String PRODUCER = "InvestFlow e-signature (Apache PDFBox 3.0.8)";
    private static final String FONT = "/fonts/wqy-microhei-subset.ttf";
    private static final byte[] FONT_BYTES = loadFont();
    /**
     * Parsed fonts waiting for the next document: parsing the 4 MB font took longer than laying a contract out, so
     * each is parsed once and reused; one composer at a time holds one (a parsed font reads its tables lazily, so it
     * is not shared between threads), so there are as many as contracts were ever rendered at the same time.
     */
    private static final Queue<TrueTypeFont> PARSED = new ConcurrentLinkedQueue<>();
    private static final float MARGIN = 56;
    private static final float TEXT_WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument document = new PDDocument();
    private final TrueTypeFont glyphs;
    private final PDType0Font font;
    private final String footer;
    private PDPageContentStream content;
    private float y;
    private int pages;

    PdfComposer(String footer) {
        try {
            glyphs = borrowFont();
            font = PDType0Font.load(document, glyphs, true);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded contract font cannot be read", e);
        }
        this.footer = footer;
    }

    private static TrueTypeFont borrowFont() throws IOException {
        TrueTypeFont parsed = PARSED.poll();
        return parsed != null ? parsed : new TTFParser().parse(new RandomAccessReadBuffer(FONT_BYTES));
    }

    private static byte[] loadFont() {
        try (InputStream in = PdfComposer.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException(FONT + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Title, dates and InvestFlow's own keys of the document information dictionary. */
    void describe(String title, Instant created, Map<String, String> custom) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor("InvestFlow");
        info.setCreator("InvestFlow e-signature");
        info.setProducer(PRODUCER);
        info.setCreationDate(calendar(created));
        info.setModificationDate(calendar(created));
        custom.forEach(info::setCustomMetadataValue);
    }

    static Calendar calendar(Instant at) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.setTimeInMillis(at.toEpochMilli());
        return calendar;
    }

    /**
     * Attaches {@code bytes} as a PDF/A-3 style associated file of the document: an embedded file named {@code name}
     * with MIME type {@code mimeType}, listed in the embedded-files name tree and in the catalog's {@code /AF} with
     * {@code /AFRelationship /Data}, so standard tools (pdfdetach) list and extract it.
     */
    void attach(String name, byte[] bytes, String mimeType, String description, Instant at) {
        try {
            PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(bytes), COSName.FLATE_DECODE);
            file.setSubtype(mimeType);
            file.setSize(bytes.length);
            file.setCreationDate(calendar(at));
            file.setModDate(calendar(at));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(name);
            spec.setFileUnicode(name);
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            spec.setFileDescription(description);
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Data");
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of(name, spec));
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
            names.setEmbeddedFiles(files);
            catalog.setNames(names);
            COSArray associated = new COSArray();
            associated.add(spec);
            catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot attach " + name, e);
        }
    }

    void title(String text) {
        write(text, 18, 30);
        space(8);
    }

    void heading(String text) {
        space(10);
        write(text, 13, 20);
    }

    void paragraph(String text) {
        write(text, 10.5f, 16);
    }

    void small(String text) {
        write(text, 8.5f, 12);
    }

    void space(float points) {
        y -= points;
    }

    void newPage() {
        try {
            closePage();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            pages++;
            y = PDRectangle.A4.getHeight() - MARGIN;
            place(footer + " · " + pages, 8, MARGIN, MARGIN / 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text, float size, float leading) {
        for (String line : new LineBreaker(this::width, size, TEXT_WIDTH).lines(printable(text))) {
            if (content == null || y - leading < MARGIN) {
                newPage();
            }
            y -= leading;
            place(line, size, MARGIN, y);
        }
    }

    private void place(String text, float size, float x, float atY) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Control characters become spaces and characters the font lacks become '?', so any name renders. */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
                out.append(' ');
            } else {
                out.appendCodePoint(hasGlyph(codePoint) ? codePoint : '?');
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            return glyphs.getUnicodeCmapLookup().getGlyphId(codePoint) != 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The finished file; {@code identity} seeds the trailer's document id, so it never depends on the clock. */
    byte[] toBytes(String identity) {
        try {
            closePage();
            document.setDocumentId(Long.parseLong(RenderedPdf.sha256(identity.getBytes(StandardCharsets.UTF_8)).substring(0, 15), 16));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closePage() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    @Override
    public void close() {
        try {
            closePage();
            document.close();
            PARSED.offer(glyphs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
