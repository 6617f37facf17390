package org.forumpass.common;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Issue 18: one page of a {@link PdfStreamWriter} document being drawn: the content stream's operators (rectangles,
 * colours, text in the embedded fonts, JPEG images) and what the page uses (glyphs, images). It refers to no object of
 * the document, so pages are drawn on any thread and numbered by the writer, in order. Numbers are written with five
 * decimals at most, the same on every machine.
 */
public final class PdfCanvas {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** A JPEG to show as it is (DCTDecode): its size and colour components come from its frame header. */
    public record Jpeg(byte[] data, int width, int height, int components, boolean adobeInverted) {
        /** The JPEG's frame header read; null if this is not a JPEG that a PDF can show. */
        public static Jpeg of(byte[] data) {
            if (data == null || data.length < 4 || (data[0] & 0xff) != 0xFF || (data[1] & 0xff) != 0xD8) {
                return null;
            }
            boolean adobe = false;
            int i = 2;
            while (i + 4 <= data.length) {
                if ((data[i] & 0xff) != 0xFF) {
                    return null;
                }
                int marker = data[i + 1] & 0xff;
                if (marker == 0xFF) {
                    i++;
                    continue;
                }
                if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    i += 2;
                    continue;
                }
                int len = ((data[i + 2] & 0xff) << 8) | (data[i + 3] & 0xff);
                if (marker == 0xEE && len >= 7 && i + 9 <= data.length
                        && new String(data, i + 4, 5, StandardCharsets.ISO_8859_1).equals("Adobe")) {
                    adobe = true;
                }
                boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
                if (sof) {
                    if (i + 10 > data.length) {
                        return null;
                    }
                    int height = ((data[i + 5] & 0xff) << 8) | (data[i + 6] & 0xff);
                    int width = ((data[i + 7] & 0xff) << 8) | (data[i + 8] & 0xff);
                    int comps = data[i + 9] & 0xff;
                    if (width <= 0 || height <= 0 || (comps != 1 && comps != 3 && comps != 4)) {
                        return null;
                    }
                    return new Jpeg(data, width, height, comps, adobe && comps == 4);
                }
                if (marker == 0xD9 || marker == 0xDA) {
                    return null;
                }
                i += 2 + len;
            }
            return null;
        }
    }

    /** A drawn page: its content stream (deflated), the glyphs it shows, per font, and its images in order. */
    public record Page(float width, float height, byte[] content, int[][] glyphs, List<Jpeg> images) {
    }

    private final PdfGlyphs fonts;
    private final float width;
    private final float height;
    private final StringBuilder ops = new StringBuilder(4096);
    /** Per font: the glyph ids shown and, at the same index, the character each stands for (smallest seen). */
    private final java.util.TreeMap<Integer, Integer>[] used;
    private final List<Jpeg> images = new ArrayList<>(1);

    @SuppressWarnings("unchecked")
    public PdfCanvas(PdfGlyphs fonts, float width, float height) {
        this.fonts = fonts;
        this.width = width;
        this.height = height;
        this.used = new java.util.TreeMap[fonts.fonts()];
    }

    public PdfGlyphs fonts() {
        return fonts;
    }

    /** A number with at most five decimals (as PDFBox writes them): module edges meet exactly at any print resolution. */
    private PdfCanvas num(float v) {
        long m = Math.round((double) v * 100_000);
        if (m < 0) {
            ops.append('-');
            m = -m;
        }
        ops.append(m / 100_000);
        long frac = m % 100_000;
        if (frac != 0) {
            ops.append('.');
            for (long d = 10_000; d > frac; d /= 10) {
                ops.append('0');
            }
            while (frac % 10 == 0) {
                frac /= 10;
            }
            ops.append(frac);
        }
        ops.append(' ');
        return this;
    }

    private void rgb(int rgb) {
        num(((rgb >> 16) & 0xff) / 255f).num(((rgb >> 8) & 0xff) / 255f).num((rgb & 0xff) / 255f);
    }

    /** The fill colour, 0xRRGGBB. */
    public void fillColor(int rgb) {
        rgb(rgb);
        ops.append("rg\n");
    }

    public void strokeColor(int rgb) {
        rgb(rgb);
        ops.append("RG\n");
    }

    public void lineWidth(float w) {
        num(w);
        ops.append("w\n");
    }

    public void rect(float x, float y, float w, float h) {
        num(x).num(y).num(w).num(h);
        ops.append("re\n");
    }

    public void fill() {
        ops.append("f\n");
    }

    public void stroke() {
        ops.append("S\n");
    }

    public void fillAndStroke() {
        ops.append("B\n");
    }

    /** A line already in visual order with its baseline starting at (x, y). */
    public void text(String text, float x, float y, float size, boolean bold) {
        List<PdfGlyphs.Run> runs = fonts.runs(text, bold);
        if (runs.isEmpty()) {
            return;
        }
        ops.append("BT\n");
        num(x).num(y);
        ops.append("Td\n");
        for (PdfGlyphs.Run r : runs) {
            ops.append("/F").append(r.font()).append(' ');
            num(size);
            ops.append("Tf\n<");
            java.util.TreeMap<Integer, Integer> u = used[r.font()];
            if (u == null) {
                u = used[r.font()] = new java.util.TreeMap<>();
            }
            int[] gids = r.gids();
            int[] cps = r.codePoints();
            for (int i = 0; i < gids.length; i++) {
                int g = gids[i];
                ops.append(HEX[(g >> 12) & 15]).append(HEX[(g >> 8) & 15]).append(HEX[(g >> 4) & 15]).append(HEX[g & 15]);
                u.merge(g, cps[i], Math::min);
            }
            ops.append("> Tj\n");
        }
        ops.append("ET\n");
    }

    /** The image with its bottom-left corner at (x, y), stretched to w × h. */
    public void image(Jpeg jpeg, float x, float y, float w, float h) {
        int n = images.size();
        images.add(jpeg);
        ops.append("q\n");
        num(w).num(0).num(0).num(h).num(x).num(y);
        ops.append("cm\n/Im").append(n).append(" Do\nQ\n");
    }

    /** The finished page: its content deflated here, on the thread that drew it. */
    public Page finish() {
        byte[] raw = ops.toString().getBytes(StandardCharsets.ISO_8859_1);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3 + 64);
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                out.write(buf, 0, n);
            }
            int[][] glyphs = new int[used.length][];
            for (int f = 0; f < used.length; f++) {
                if (used[f] != null) {
                    int[] pairs = new int[used[f].size() * 2];
                    int i = 0;
                    for (var e : used[f].entrySet()) {
                        pairs[i++] = e.getKey();
                        pairs[i++] = e.getValue();
                    }
                    glyphs[f] = pairs;
                }
            }
            return new Page(width, height, out.toByteArray(), glyphs, List.copyOf(images));
        } finally {
            deflater.end();
        }
    }
}
