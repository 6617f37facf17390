package org.forumpass.badge;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.forumpass.event.Category;

/**
 * Printable badges: A6 portrait, one per page, or four A6 per A4 sheet for office printers. Names print
 * in their own script with embedded Noto fonts (subset, so a badge is tens of kilobytes): each run of
 * text takes the first font that has its glyphs; Arabic is shaped into joined forms and laid out right to
 * left. Long names shrink, then wrap. Parsed fonts are pooled, since a parsed TrueType font is not safe
 * to share between documents being written at once.
 */
public final class BadgePdf {
    /** What one badge shows. */
    public record Card(String latinName, String nativeName, String organization, String country, Category category,
                       String categoryLabel, String eventName, String eventDates, String code,
                       /** Issue 14: the accepted photo (JPEG), read while the page is drawn; null: none. */
                       java.util.function.Supplier<byte[]> photo) {
    }

    public enum Layout { A6, A4X4 }

    private static final float MM = 72f / 25.4f;
    private static final PDRectangle A6 = new PDRectangle(105 * MM, 148 * MM);
    private static final String[] FONT_FILES = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansSC-Regular.ttf",
            "NotoSansArabic-Regular.ttf", "NotoSansThai-Regular.ttf", "NotoSansSinhala-Regular.ttf"};
    private static final byte[][] FONT_BYTES = new byte[FONT_FILES.length][];
    private static final BlockingQueue<TrueTypeFont[]> POOL = new ArrayBlockingQueue<>(8);
    /** Drawn for a character that no embedded font has. */
    private static final int REPLACEMENT = '\uFFFD';

    static {
        for (int i = 0; i < FONT_FILES.length; i++) {
            try (InputStream in = BadgePdf.class.getResourceAsStream("/fonts/" + FONT_FILES[i])) {
                FONT_BYTES[i] = in.readAllBytes();
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("Missing font /fonts/" + FONT_FILES[i], e);
            }
        }
    }

    private BadgePdf() {
    }

    /** Writes the cards to {@code out}; memory stays bounded (images and pages spill to a scratch file). */
    public static void write(List<Card> cards, Layout layout, OutputStream out) {
        TrueTypeFont[] ttfs = borrow();
        try (PDDocument doc = new PDDocument(MemoryUsageSetting.setupMixed(8L << 20).streamCache)) {
            Fonts fonts = new Fonts(doc, ttfs);
            if (layout == Layout.A6) {
                for (Card card : cards) {
                    Card c = fonts.printable(card);
                    PDPage page = new PDPage(A6);
                    doc.addPage(page);
                    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                        draw(doc, cs, fonts, c, 0, 0);
                    }
                }
            } else {
                for (int i = 0; i < cards.size(); i += 4) {
                    PDPage page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                        for (int k = 0; k < 4 && i + k < cards.size(); k++) {
                            float x = (k % 2) * A6.getWidth();
                            float y = (k < 2 ? 1 : 0) * A6.getHeight();
                            draw(doc, cs, fonts, fonts.printable(cards.get(i + k)), x, y);
                            cs.setStrokingColor(new Color(0xcccccc));
                            cs.setLineWidth(0.3f);
                            cs.addRect(x, y, A6.getWidth(), A6.getHeight());
                            cs.stroke();
                        }
                    }
                }
            }
            doc.getDocumentInformation().setTitle("ForumPass badges");
            doc.getDocumentInformation().setCreator("ForumPass");
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            POOL.offer(ttfs);
        }
    }

    private static void draw(PDDocument doc, PDPageContentStream cs, Fonts fonts, Card c, float x0, float y0) throws IOException {
        float w = A6.getWidth();
        float h = A6.getHeight();
        float margin = 8 * MM;
        float inner = w - 2 * margin;
        // category band
        float band = 16 * MM;
        cs.setNonStrokingColor(colour(c.category()));
        cs.addRect(x0, y0 + h - band, w, band);
        cs.fill();
        cs.setNonStrokingColor(Color.WHITE);
        line(cs, fonts, c.categoryLabel().toUpperCase(java.util.Locale.ROOT), x0 + w / 2, y0 + h - band + 5.5f * MM, 14, true, true);
        cs.setNonStrokingColor(new Color(0x1b2430));
        float y = y0 + h - band - 7 * MM;
        y = block(cs, fonts, c.eventName(), x0 + margin, y, inner, 9, 8, 2, true);
        cs.setNonStrokingColor(new Color(0x5b6675));
        y = block(cs, fonts, c.eventDates(), x0 + margin, y - 1, inner, 7.5f, 6, 1, false);
        cs.setNonStrokingColor(new Color(0x1b2430));
        y -= 5 * MM;
        y = block(cs, fonts, c.latinName(), x0 + margin, y, inner, 20, 12, 2, true);
        if (c.nativeName() != null && !c.nativeName().isBlank()) {
            y = block(cs, fonts, c.nativeName(), x0 + margin, y - 2, inner, 18, 11, 2, false);
        }
        y = block(cs, fonts, c.organization(), x0 + margin, y - 4, inner, 11, 8, 2, false);
        cs.setNonStrokingColor(new Color(0x5b6675));
        block(cs, fonts, c.country(), x0 + margin, y - 1, inner, 10, 8, 1, false);
        // QR and its string
        float qr = 38 * MM;
        float qx = x0 + (w - qr) / 2;
        float qy = y0 + 12 * MM;
        if (BadgePhotos.draw(doc, cs, c.photo(), x0 + margin, qy, qr)) {
            qx = x0 + w - margin - qr; // the photo on the left, the QR on the right
        }
        qr(cs, c.code(), qx, qy, qr);
        cs.setNonStrokingColor(new Color(0x1b2430));
        String code = c.code();
        int half = (code.length() + 1) / 2;
        line(cs, fonts, code.substring(0, half), x0 + w / 2, y0 + 8.5f * MM, 5.5f, false, true);
        line(cs, fonts, code.substring(half), x0 + w / 2, y0 + 6 * MM, 5.5f, false, true);
    }

    /** The QR code as vector squares (runs of dark modules): sharp at any print resolution, a few kilobytes. */
    private static void qr(PDPageContentStream cs, String code, float x, float y, float size) throws IOException {
        com.google.zxing.common.BitMatrix m = QrRenderer.matrix(code, 0);
        float module = size / m.getWidth();
        cs.setNonStrokingColor(Color.WHITE);
        cs.addRect(x, y, size, size);
        cs.fill();
        cs.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < m.getHeight(); row++) {
            int col = 0;
            while (col < m.getWidth()) {
                if (!m.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < m.getWidth() && m.get(col, row)) {
                    col++;
                }
                cs.addRect(x + start * module, y + size - (row + 1) * module, (col - start) * module, module);
            }
        }
        cs.fill();
    }

    /** Text in up to {@code maxLines} lines: the largest size from {@code size} down to {@code min} that fits. */
    private static float block(PDPageContentStream cs, Fonts fonts, String text, float x, float top, float width,
                               float size, float min, int maxLines, boolean bold) throws IOException {
        if (text == null || text.isBlank()) {
            return top;
        }
        String visual = visual(text);
        float s = size;
        List<String> lines;
        while (true) {
            if (fonts.width(visual, s, bold) <= width) {
                lines = List.of(visual);
                break;
            }
            if (s - 0.5f < min) {
                lines = wrap(fonts, visual, s, width, bold, maxLines);
                break;
            }
            s -= 0.5f;
        }
        float y = top - s;
        boolean rtl = isRtl(text);
        for (String l : lines) {
            float lx = rtl ? x + width - fonts.width(l, s, bold) : x;
            fonts.show(cs, l, lx, y, s, bold);
            y -= s * 1.2f;
        }
        return y + s * 0.2f;
    }

    private static void line(PDPageContentStream cs, Fonts fonts, String text, float centre, float y, float size,
                             boolean bold, boolean centred) throws IOException {
        String visual = visual(text);
        float x = centred ? centre - fonts.width(visual, size, bold) / 2 : centre;
        fonts.show(cs, visual, x, y, size, bold);
    }

    private static List<String> wrap(Fonts fonts, String text, float size, float width, boolean bold, int maxLines)
            throws IOException {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (!rest.isEmpty() && lines.size() < maxLines) {
            int cut = rest.length();
            while (cut > 1 && fonts.width(rest.substring(0, cut), size, bold) > width) {
                int space = rest.lastIndexOf(' ', cut - 1);
                cut = space > 0 ? space : cut - 1;
            }
            if (lines.size() == maxLines - 1 && cut < rest.length()) {
                String last = rest;
                while (last.length() > 1 && fonts.width(last + "…", size, bold) > width) {
                    last = last.substring(0, last.length() - 1);
                }
                lines.add(last.strip() + (last.length() < rest.length() ? "…" : ""));
                return lines;
            }
            lines.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        return lines;
    }

    /** Arabic letters joined (presentation forms) and the line in visual order; other text unchanged. */
    static String visual(String text) {
        if (!isRtl(text)) {
            return text;
        }
        try {
            String shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL
                    | ArabicShaping.LENGTH_GROW_SHRINK).shape(text);
            Bidi bidi = new Bidi(shaped, Bidi.DIRECTION_DEFAULT_RIGHT_TO_LEFT);
            return bidi.writeReordered(Bidi.DO_MIRRORING);
        } catch (ArabicShapingException e) {
            return text;
        }
    }

    private static boolean isRtl(String text) {
        return text.codePoints().anyMatch(cp -> {
            byte d = Character.getDirectionality(cp);
            return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        });
    }

    private static Color colour(Category c) {
        return switch (c) {
            case GOVERNMENT -> new Color(0xb3261e);
            case DIPLOMATIC -> new Color(0x6a1b9a);
            case ACADEMIC -> new Color(0x0b5cab);
            case INDUSTRY -> new Color(0x147a3d);
            case MEDIA -> new Color(0xe65100);
            case SPEAKER -> new Color(0xb8860b);
            case STAFF -> new Color(0x37474f);
        };
    }

    private static TrueTypeFont[] borrow() {
        TrueTypeFont[] set = POOL.poll();
        if (set != null) {
            return set;
        }
        TrueTypeFont[] fresh = new TrueTypeFont[FONT_BYTES.length];
        try {
            for (int i = 0; i < FONT_BYTES.length; i++) {
                fresh[i] = new TTFParser().parse(new RandomAccessReadBuffer(FONT_BYTES[i]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fresh;
    }

    /** The fonts of one document, loaded into it on first use; picks a font per code point. */
    private static final class Fonts {
        private final PDDocument doc;
        private final TrueTypeFont[] ttfs;
        private final PDType0Font[] loaded;

        Fonts(PDDocument doc, TrueTypeFont[] ttfs) {
            this.doc = doc;
            this.ttfs = ttfs;
            this.loaded = new PDType0Font[ttfs.length];
        }

        /** Index of the font for a code point: bold Latin for bold text, then the first font that has it; -1 if none. */
        private int fontFor(int cp, boolean bold) throws IOException {
            int first = bold ? 1 : 0;
            if (ttfs[first].getUnicodeCmapLookup().getGlyphId(cp) > 0) {
                return first;
            }
            for (int i = 0; i < ttfs.length; i++) {
                if (i != 1 && ttfs[i].getUnicodeCmapLookup().getGlyphId(cp) > 0) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * The card as it can be drawn: a character no embedded font has (an emoji, cuneiform) becomes the
         * replacement glyph, so one name never fails a badge nor a whole event's print run. Each field is
         * measured once here; a field that still cannot be set (a font quirk) prints with every character
         * outside printable ASCII replaced, rather than failing.
         */
        Card printable(Card c) {
            return new Card(field(c.latinName(), true), field(c.nativeName(), false), field(c.organization(), false),
                    field(c.country(), false), c.category(), field(c.categoryLabel(), true), field(c.eventName(), true),
                    field(c.eventDates(), false), c.code(), c.photo());
        }

        private String field(String text, boolean bold) {
            if (text == null) {
                return null;
            }
            try {
                width(visual(text), 10, bold);
                width(visual(text.toUpperCase(java.util.Locale.ROOT)), 10, bold);
                return text;
            } catch (IOException | RuntimeException e) {
                return text.codePoints().map(cp -> cp >= 0x20 && cp < 0x7f ? cp : '?')
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            }
        }

        private PDType0Font font(int i) throws IOException {
            if (loaded[i] == null) {
                loaded[i] = PDType0Font.load(doc, ttfs[i], true);
            }
            return loaded[i];
        }

        /** Splits text into runs of one font. */
        private List<Object[]> runs(String text, boolean bold) throws IOException {
            List<Object[]> runs = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            int current = -1;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.getType(cp) == Character.FORMAT || Character.isISOControl(cp)) {
                    continue; // zero-width joiners, bidi marks: nothing to draw
                }
                int f = Character.isWhitespace(cp) && current >= 0 ? current : fontFor(cp, bold);
                if (f < 0) {
                    cp = REPLACEMENT;
                    f = fontFor(cp, bold);
                    if (f < 0) {
                        cp = '?';
                        f = bold ? 1 : 0;
                    }
                }
                if (f != current && run.length() > 0) {
                    runs.add(new Object[] {current, run.toString()});
                    run.setLength(0);
                }
                current = f;
                run.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
            }
            if (run.length() > 0) {
                runs.add(new Object[] {current, run.toString()});
            }
            return runs;
        }

        float width(String text, float size, boolean bold) throws IOException {
            float w = 0;
            for (Object[] r : runs(text, bold)) {
                w += font((int) r[0]).getStringWidth((String) r[1]) / 1000f * size;
            }
            return w;
        }

        void show(PDPageContentStream cs, String text, float x, float y, float size, boolean bold) throws IOException {
            cs.beginText();
            cs.newLineAtOffset(x, y);
            for (Object[] r : runs(text, bold)) {
                cs.setFont(font((int) r[0]), size);
                cs.showText((String) r[1]);
            }
            cs.endText();
        }
    }
}
