package org.forumpass.badge;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.forumpass.common.PdfFonts;
import org.forumpass.event.Category;

/**
 * Printable badges: A6 portrait, one per page, or four A6 per A4 sheet for office printers. Names print
 * in their own script with embedded Noto fonts (subset, so a badge is tens of kilobytes): each run of
 * text takes the first font that has its glyphs; Arabic is shaped into joined forms and laid out right to
 * left ({@link PdfFonts}, shared with the visa letters). Long names shrink, then wrap. Issue 16: above the QR code, a
 * band per access zone the delegate may enter, in the zone's colour with its code in bold on a white label, so that the
 * door reads it at a glance and a badge printed in black and white still names every zone.
 */
public final class BadgePdf {
    /** What one badge shows. */
    public record Card(String latinName, String nativeName, String organization, String country, Category category,
                       String categoryLabel, String eventName, String eventDates, String code,
                       /** Issue 14: the accepted photo (JPEG), read while the page is drawn; null: none. */
                       java.util.function.Supplier<byte[]> photo,
                       /** Issue 16: the access zones the delegate may enter, in the organizer's order; empty: none. */
                       List<ZoneBand> zones) {
        public Card {
            zones = zones == null ? List.of() : List.copyOf(zones);
        }
    }

    /** Issue 16: an access zone as the badge prints it: its code and its colour ({@code #RRGGBB}). */
    public record ZoneBand(String code, String color) {
    }

    /** Zone bands per row, and rows at most; more zones than fit end with a "+n" band. */
    static final int ZONES_PER_ROW = 4;
    static final int ZONE_ROWS = 2;

    public enum Layout { A6, A4X4 }

    private static final float MM = 72f / 25.4f;
    private static final PDRectangle A6 = new PDRectangle(105 * MM, 148 * MM);
    private BadgePdf() {
    }

    /** Writes the cards to {@code out}; memory stays bounded (images and pages spill to a scratch file). */
    public static void write(List<Card> cards, Layout layout, OutputStream out) {
        TrueTypeFont[] ttfs = PdfFonts.borrow();
        try (PDDocument doc = new PDDocument(MemoryUsageSetting.setupMixed(8L << 20).streamCache)) {
            Fonts fonts = new Fonts(new PdfFonts(doc, ttfs));
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
            PdfFonts.release(ttfs);
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
        y = block(cs, fonts, c.country(), x0 + margin, y - 1, inner, 10, 8, 1, false);
        // QR and its string
        float qr = 38 * MM;
        float qx = x0 + (w - qr) / 2;
        float qy = y0 + 12 * MM;
        zones(cs, fonts, c.zones(), x0 + margin, inner, qy + qr + 2 * MM, y - 2 * MM);
        if (BadgePhotos.draw(doc, cs, c.photo(), x0 + margin, qy, qr)) {
            qx = x0 + w - margin - qr; // the photo on the left, the QR on the right
        }
        QrRenderer.drawPdf(cs, c.code(), qx, qy, qr);
        cs.setNonStrokingColor(new Color(0x1b2430));
        String code = c.code();
        int half = (code.length() + 1) / 2;
        line(cs, fonts, code.substring(0, half), x0 + w / 2, y0 + 8.5f * MM, 5.5f, false, true);
        line(cs, fonts, code.substring(half), x0 + w / 2, y0 + 6 * MM, 5.5f, false, true);
    }

    /**
     * The zone bands, in rows of up to {@value #ZONES_PER_ROW} from {@code bottom} up (at most {@value #ZONE_ROWS} rows;
     * lower when the text above leaves less room than {@code top}). Each band is filled with the zone's colour and framed
     * in black, with its code in bold black on a white label in the middle: readable on any colour, and in black-and-white
     * print the codes (and the frames around light colours) still tell the zones apart.
     */
    private static void zones(PDPageContentStream cs, Fonts fonts, List<ZoneBand> zones, float x, float width, float bottom,
                              float top) throws IOException {
        if (zones.isEmpty()) {
            return;
        }
        int max = ZONES_PER_ROW * ZONE_ROWS;
        List<ZoneBand> shown = new ArrayList<>(zones.size() <= max ? zones : zones.subList(0, max - 1));
        if (zones.size() > max) {
            shown.add(new ZoneBand("+" + (zones.size() - max + 1), "#FFFFFF"));
        }
        int rows = (shown.size() + ZONES_PER_ROW - 1) / ZONES_PER_ROW;
        float gap = 1.5f * MM;
        float rowHeight = Math.max(5 * MM, Math.min(7.5f * MM, (top - bottom - (rows - 1) * gap) / rows));
        float labelPad = 1.1f * MM;
        for (int row = 0; row < rows; row++) {
            List<ZoneBand> line = shown.subList(row * ZONES_PER_ROW, Math.min(shown.size(), (row + 1) * ZONES_PER_ROW));
            float bandWidth = (width - (ZONES_PER_ROW - 1) * gap) / ZONES_PER_ROW;
            float lineWidth = line.size() * bandWidth + (line.size() - 1) * gap;
            float bx = x + (width - lineWidth) / 2;
            float by = bottom + (rows - 1 - row) * (rowHeight + gap);
            for (ZoneBand z : line) {
                cs.setNonStrokingColor(colour(z.color()));
                cs.setStrokingColor(Color.BLACK);
                cs.setLineWidth(0.6f);
                cs.addRect(bx, by, bandWidth, rowHeight);
                cs.fillAndStroke();
                // the white label: as wide as its code (the zone's colour shows on both sides), at most the band less
                // a margin of colour
                float lw = bandWidth - 2 * labelPad - 2 * MM;
                float lh = rowHeight - 2 * labelPad;
                String code = z.code();
                float size = Math.min(9, lh * 0.75f);
                while (size > 4.5f && fonts.width(code, size, true) > lw - 2 * MM) {
                    size -= 0.5f;
                }
                if (fonts.width(code, size, true) > lw - 2 * MM) {
                    while (code.length() > 1 && fonts.width(code + "…", size, true) > lw - 2 * MM) {
                        code = code.substring(0, code.length() - 1);
                    }
                    code = code + "…";
                }
                float label = Math.min(lw, fonts.width(code, size, true) + 3 * MM);
                cs.setNonStrokingColor(Color.WHITE);
                cs.addRect(bx + (bandWidth - label) / 2, by + labelPad, label, lh);
                cs.fill();
                cs.setNonStrokingColor(Color.BLACK);
                line(cs, fonts, code, bx + bandWidth / 2, by + (rowHeight - size * 0.7f) / 2, size, true, true);
                bx += bandWidth + gap;
            }
        }
    }

    /** A zone's colour ({@code #RRGGBB}, checked when the zones were saved); grey if it cannot be read. */
    static Color colour(String hex) {
        try {
            return new Color(Integer.parseInt(hex.substring(1), 16));
        } catch (RuntimeException e) {
            return Color.GRAY;
        }
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

    static String visual(String text) {
        return PdfFonts.visual(text);
    }

    private static boolean isRtl(String text) {
        return PdfFonts.isRtl(text);
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

    /** The shared fonts of one document ({@link PdfFonts}), and how a whole card is made printable. */
    private static final class Fonts {
        private final PdfFonts fonts;

        Fonts(PdfFonts fonts) {
            this.fonts = fonts;
        }

        /**
         * The card as it can be drawn: a character no embedded font has (an emoji, cuneiform) becomes the
         * replacement glyph, so one name never fails a badge nor a whole event's print run; a field that still
         * cannot be set prints with every character outside printable ASCII replaced, rather than failing.
         */
        Card printable(Card c) {
            return new Card(fonts.printable(c.latinName(), true), fonts.printable(c.nativeName(), false),
                    fonts.printable(c.organization(), false), fonts.printable(c.country(), false), c.category(),
                    fonts.printable(c.categoryLabel(), true), fonts.printable(c.eventName(), true),
                    fonts.printable(c.eventDates(), false), c.code(), c.photo(), c.zones());
        }

        float width(String text, float size, boolean bold) throws IOException {
            return fonts.width(text, size, bold);
        }

        void show(PDPageContentStream cs, String text, float x, float y, float size, boolean bold) throws IOException {
            fonts.show(cs, text, x, y, size, bold);
        }
    }
}
