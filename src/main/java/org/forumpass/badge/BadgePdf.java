package org.forumpass.badge;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.forumpass.common.PdfCanvas;
import org.forumpass.common.PdfFonts;
import org.forumpass.common.PdfGlyphs;
import org.forumpass.common.PdfStreamWriter;
import org.forumpass.event.Category;

/**
 * Printable badges: A6 portrait, one per page, or four A6 per A4 sheet for office printers. Names print
 * in their own script with embedded Noto fonts (subset, so a badge is tens of kilobytes): each run of
 * text takes the first font that has its glyphs; Arabic is shaped into joined forms and laid out right to
 * left ({@link PdfFonts}, shared with the visa letters). Long names shrink, then wrap. Issue 16: above the QR code, a
 * band per access zone the delegate may enter, in the zone's colour with its code in bold on a white label, so that the
 * door reads it at a glance and a badge printed in black and white still names every zone. Issue 18: the PDF is written
 * by {@link PdfStreamWriter} as its pages are drawn (several at once, {@link PdfGlyphs}), not built whole by PDFBox and
 * saved at the end; text is set glyph by glyph without the fonts' ligatures.
 */
public final class BadgePdf {
    /** What one badge shows. */
    public record Card(String latinName, String nativeName, String organization, String country, Category category,
                       String categoryLabel, String eventName, String eventDates, String code,
                       /** Issue 14: the accepted photo (JPEG), read just before the page is drawn (issue 18: on the writing thread); null: none. */
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

    /** Pages drawn ahead of the one being written, per render thread: enough to keep the threads busy, few in memory. */
    private static final int AHEAD_PER_THREAD = 4;

    /**
     * Writes the cards to {@code out} as they are drawn (issue 18): the first page leaves at once, memory stays flat
     * whatever the number of badges, and pages are drawn by {@code forumpass.badge.render-threads} threads (default: one
     * per core). The bytes are the same whatever the number of threads.
     */
    public static void write(List<Card> cards, Layout layout, OutputStream out) {
        write(cards, layout, out, renderThreads());
    }

    static int renderThreads() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("forumpass.badge.render-threads", Integer.class)
                .filter(n -> n > 0).orElse(Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #write(List, Layout, OutputStream)} with {@code threads} drawing the pages. */
    public static void write(List<Card> cards, Layout layout, OutputStream out, int threads) {
        int perPage = layout == Layout.A6 ? 1 : 4;
        int pages = (cards.size() + perPage - 1) / perPage;
        TrueTypeFont[] ttfs = PdfFonts.borrow();
        ExecutorService pool = null;
        try {
            PdfGlyphs glyphs = new PdfGlyphs(ttfs);
            OutputStream buffered = new java.io.BufferedOutputStream(out, 32 * 1024);
            PdfStreamWriter pdf = new PdfStreamWriter(buffered, glyphs);
            if (threads <= 1 || pages <= 1) {
                for (int p = 0; p < pages; p++) {
                    pdf.page(page(glyphs, layout, cards, p, photos(cards, p, perPage)));
                    if (p == 0) {
                        buffered.flush();
                    }
                }
            } else {
                pool = Executors.newFixedThreadPool(threads, RENDER_THREADS);
                ArrayDeque<Future<PdfCanvas.Page>> ahead = new ArrayDeque<>();
                int written = 0;
                for (int p = 0; p < pages; p++) {
                    // photos are read here, on the request's thread, in the order of the pages (16 to a query)
                    byte[][] photos = photos(cards, p, perPage);
                    int index = p;
                    ahead.add(pool.submit(() -> page(glyphs, layout, cards, index, photos)));
                    while (ahead.size() >= threads * AHEAD_PER_THREAD) {
                        pdf.page(next(ahead));
                        if (written++ == 0) {
                            buffered.flush();
                        }
                    }
                }
                while (!ahead.isEmpty()) {
                    pdf.page(next(ahead));
                }
            }
            pdf.finish("ForumPass badges", "ForumPass");
            buffered.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            PdfFonts.release(ttfs);
        }
    }

    private static final java.util.concurrent.ThreadFactory RENDER_THREADS = new java.util.concurrent.ThreadFactory() {
        private final java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "badge-render-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    };

    private static PdfCanvas.Page next(ArrayDeque<Future<PdfCanvas.Page>> ahead) throws IOException {
        try {
            return ahead.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("badge rendering interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IOException(e.getCause());
        }
    }

    /** The photos of page {@code p}'s cards (null where a card has none). */
    private static byte[][] photos(List<Card> cards, int p, int perPage) {
        byte[][] photos = new byte[perPage][];
        for (int k = 0; k < perPage && p * perPage + k < cards.size(); k++) {
            Card c = cards.get(p * perPage + k);
            photos[k] = c.photo() == null ? null : c.photo().get();
        }
        return photos;
    }

    /** Draws page {@code p}: one A6 card, or up to four on an A4 sheet. */
    private static PdfCanvas.Page page(PdfGlyphs glyphs, Layout layout, List<Card> cards, int p, byte[][] photos) {
        if (layout == Layout.A6) {
            PdfCanvas cs = new PdfCanvas(glyphs, A6.getWidth(), A6.getHeight());
            draw(cs, cards.get(p), photos[0], 0, 0);
            return cs.finish();
        }
        PdfCanvas cs = new PdfCanvas(glyphs, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        for (int k = 0; k < 4 && p * 4 + k < cards.size(); k++) {
            float x = (k % 2) * A6.getWidth();
            float y = (k < 2 ? 1 : 0) * A6.getHeight();
            draw(cs, cards.get(p * 4 + k), photos[k], x, y);
            cs.strokeColor(0xcccccc);
            cs.lineWidth(0.3f);
            cs.rect(x, y, A6.getWidth(), A6.getHeight());
            cs.stroke();
        }
        return cs.finish();
    }

    private static void draw(PdfCanvas cs, Card c, byte[] photo, float x0, float y0) {
        PdfGlyphs fonts = cs.fonts();
        float w = A6.getWidth();
        float h = A6.getHeight();
        float margin = 8 * MM;
        float inner = w - 2 * margin;
        // category band
        float band = 16 * MM;
        cs.fillColor(colour(c.category()));
        cs.rect(x0, y0 + h - band, w, band);
        cs.fill();
        cs.fillColor(0xFFFFFF);
        line(cs, fonts, c.categoryLabel().toUpperCase(java.util.Locale.ROOT), x0 + w / 2, y0 + h - band + 5.5f * MM, 14, true, true);
        cs.fillColor(0x1b2430);
        float y = y0 + h - band - 7 * MM;
        y = block(cs, fonts, c.eventName(), x0 + margin, y, inner, 9, 8, 2, true);
        cs.fillColor(0x5b6675);
        y = block(cs, fonts, c.eventDates(), x0 + margin, y - 1, inner, 7.5f, 6, 1, false);
        cs.fillColor(0x1b2430);
        y -= 5 * MM;
        y = block(cs, fonts, c.latinName(), x0 + margin, y, inner, 20, 12, 2, true);
        if (c.nativeName() != null && !c.nativeName().isBlank()) {
            y = block(cs, fonts, c.nativeName(), x0 + margin, y - 2, inner, 18, 11, 2, false);
        }
        y = block(cs, fonts, c.organization(), x0 + margin, y - 4, inner, 11, 8, 2, false);
        cs.fillColor(0x5b6675);
        y = block(cs, fonts, c.country(), x0 + margin, y - 1, inner, 10, 8, 1, false);
        // QR and its string
        float qr = 38 * MM;
        float qx = x0 + (w - qr) / 2;
        float qy = y0 + 12 * MM;
        zones(cs, fonts, c.zones(), x0 + margin, inner, qy + qr + 2 * MM, y - 2 * MM);
        if (BadgePhotos.draw(cs, photo, x0 + margin, qy, qr)) {
            qx = x0 + w - margin - qr; // the photo on the left, the QR on the right
        }
        QrRenderer.drawPdf(cs, c.code(), qx, qy, qr);
        cs.fillColor(0x1b2430);
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
    private static void zones(PdfCanvas cs, PdfGlyphs fonts, List<ZoneBand> zones, float x, float width, float bottom,
                              float top) {
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
                cs.fillColor(colour(z.color()));
                cs.strokeColor(0x000000);
                cs.lineWidth(0.6f);
                cs.rect(bx, by, bandWidth, rowHeight);
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
                cs.fillColor(0xFFFFFF);
                cs.rect(bx + (bandWidth - label) / 2, by + labelPad, label, lh);
                cs.fill();
                cs.fillColor(0x000000);
                line(cs, fonts, code, bx + bandWidth / 2, by + (rowHeight - size * 0.7f) / 2, size, true, true);
                bx += bandWidth + gap;
            }
        }
    }

    /** A zone's colour ({@code #RRGGBB}, checked when the zones were saved, as 0xRRGGBB); grey if it cannot be read. */
    static int colour(String hex) {
        try {
            return Integer.parseInt(hex.substring(1), 16) & 0xFFFFFF;
        } catch (RuntimeException e) {
            return 0x808080;
        }
    }

    /** Text in up to {@code maxLines} lines: the largest size from {@code size} down to {@code min} that fits. */
    private static float block(PdfCanvas cs, PdfGlyphs fonts, String text, float x, float top, float width,
                               float size, float min, int maxLines, boolean bold) {
        if (text == null || text.isBlank()) {
            return top;
        }
        String visual = visual(text);
        float unit = fonts.width(visual, 1, bold); // the width at 1 pt: one measure for every size tried
        float s = size;
        List<String> lines;
        while (true) {
            if (unit * s <= width) {
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
            cs.text(l, lx, y, s, bold);
            y -= s * 1.2f;
        }
        return y + s * 0.2f;
    }

    private static void line(PdfCanvas cs, PdfGlyphs fonts, String text, float centre, float y, float size,
                             boolean bold, boolean centred) {
        String visual = visual(text);
        float x = centred ? centre - fonts.width(visual, size, bold) / 2 : centre;
        cs.text(visual, x, y, size, bold);
    }

    private static List<String> wrap(PdfGlyphs fonts, String text, float size, float width, boolean bold, int maxLines) {
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

    private static int colour(Category c) {
        return switch (c) {
            case GOVERNMENT -> 0xb3261e;
            case DIPLOMATIC -> 0x6a1b9a;
            case ACADEMIC -> 0x0b5cab;
            case INDUSTRY -> 0x147a3d;
            case MEDIA -> 0xe65100;
            case SPEAKER -> 0xb8860b;
            case STAFF -> 0x37474f;
        };
    }
}
