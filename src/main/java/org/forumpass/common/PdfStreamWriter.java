package org.forumpass.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.DeflaterOutputStream;
import org.apache.fontbox.ttf.HeaderTable;
import org.apache.fontbox.ttf.HorizontalHeaderTable;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * Issue 18: a PDF written as it is made. The header goes out first, then each page's objects (its images, its content
 * stream, the page) as soon as the page is handed over, and at the end what only the whole document knows: the fonts
 * (each subset to the glyphs of every page, with its widths and a ToUnicode map so that the text can be searched and
 * copied), the page tree, the catalog, the cross-reference table and the trailer. Memory holds the glyphs used and an
 * offset per object, never the pages.
 *
 * <p>The bytes depend on the pages alone: objects are numbered in the order they are written (pages in document order,
 * whichever thread drew them), there is no date, and the document ID is a digest of the bytes before it.
 */
public final class PdfStreamWriter {
    private static final int CATALOG = 1;
    private static final int PAGES = 2;
    private static final int FIRST_FONT = 3;
    /** The tables a subset keeps (those PDFBox keeps for an embedded CIDFontType2). */
    private static final List<String> TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
            "fpgm", "gasp");

    private final OutputStream out;
    private final MessageDigest digest;
    private final PdfGlyphs fonts;
    private long position;
    private long[] offsets = new long[1024];
    private int nextObject;
    private final List<Integer> pages = new ArrayList<>();
    /** Per font: glyph id → the character it stands for (the smallest one seen). */
    private final TreeMap<Integer, Integer>[] glyphs;
    private final StringBuilder line = new StringBuilder(512);

    @SuppressWarnings("unchecked")
    public PdfStreamWriter(OutputStream out, PdfGlyphs fonts) throws IOException {
        this.out = out;
        this.fonts = fonts;
        try {
            this.digest = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.glyphs = new TreeMap[fonts.fonts()];
        nextObject = FIRST_FONT + fonts.fonts();
        write("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1));
        write(new byte[] {'%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'});
    }

    private void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    private void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        position += len;
    }

    private void write(CharSequence s) throws IOException {
        write(s.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private int allocate() {
        return nextObject++;
    }

    private void begin(int object) throws IOException {
        if (object >= offsets.length) {
            offsets = Arrays.copyOf(offsets, Math.max(object + 1, offsets.length * 2));
        }
        offsets[object] = position;
        write(object + " 0 obj\n");
    }

    private void object(int object, CharSequence body) throws IOException {
        begin(object);
        write(body);
        write("\nendobj\n");
    }

    private void stream(int object, CharSequence dict, byte[] data) throws IOException {
        begin(object);
        write("<<" + dict + " /Length " + data.length + ">>\nstream\n");
        write(data);
        write("\nendstream\nendobj\n");
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length / 2 + 64);
        try (DeflaterOutputStream z = new DeflaterOutputStream(bytes)) {
            z.write(data);
        }
        return bytes.toByteArray();
    }

    /** Writes a page drawn on a {@link PdfCanvas}: its images, its content stream, the page object. */
    public void page(PdfCanvas.Page page) throws IOException {
        List<Integer> images = new ArrayList<>(page.images().size());
        for (PdfCanvas.Jpeg jpeg : page.images()) {
            int n = allocate();
            images.add(n);
            String space = switch (jpeg.components()) {
                case 1 -> "/DeviceGray";
                case 4 -> "/DeviceCMYK";
                default -> "/DeviceRGB";
            };
            stream(n, "/Type /XObject /Subtype /Image /Width " + jpeg.width() + " /Height " + jpeg.height() + " /ColorSpace "
                    + space + " /BitsPerComponent 8 /Filter /DCTDecode"
                    + (jpeg.adobeInverted() ? " /Decode [1 0 1 0 1 0 1 0]" : ""), jpeg.data());
        }
        int content = allocate();
        stream(content, "/Filter /FlateDecode", page.content());
        line.setLength(0);
        line.append("<< /Type /Page /Parent ").append(PAGES).append(" 0 R /MediaBox [0 0 ");
        number(line, page.width()).append(' ');
        number(line, page.height()).append("] /Resources << /ProcSet [/PDF /Text /ImageC]");
        boolean anyFont = false;
        for (int f = 0; f < page.glyphs().length; f++) {
            int[] pairs = page.glyphs()[f];
            if (pairs == null) {
                continue;
            }
            if (!anyFont) {
                line.append(" /Font <<");
                anyFont = true;
            }
            line.append(" /F").append(f).append(' ').append(FIRST_FONT + f).append(" 0 R");
            TreeMap<Integer, Integer> g = glyphs[f];
            if (g == null) {
                g = glyphs[f] = new TreeMap<>();
            }
            for (int i = 0; i < pairs.length; i += 2) {
                g.merge(pairs[i], pairs[i + 1], Math::min);
            }
        }
        if (anyFont) {
            line.append(" >>");
        }
        if (!images.isEmpty()) {
            line.append(" /XObject <<");
            for (int i = 0; i < images.size(); i++) {
                line.append(" /Im").append(i).append(' ').append(images.get(i)).append(" 0 R");
            }
            line.append(" >>");
        }
        line.append(" >> /Contents ").append(content).append(" 0 R >>");
        int pageObject = allocate();
        object(pageObject, line);
        pages.add(pageObject);
    }

    private static StringBuilder number(StringBuilder sb, float v) {
        long m = Math.round((double) v * 1000);
        sb.append(m / 1000);
        if (m % 1000 != 0) {
            String frac = String.format(java.util.Locale.ROOT, "%03d", Math.abs(m % 1000)).replaceAll("0+$", "");
            sb.append('.').append(frac);
        }
        return sb;
    }

    /** Writes the fonts, the page tree, the catalog, the document information, the cross-references and the trailer. */
    public void finish(String title, String creator) throws IOException {
        for (int f = 0; f < glyphs.length; f++) {
            if (glyphs[f] == null) {
                object(FIRST_FONT + f, "null"); // no page uses this font
            } else {
                font(f, glyphs[f]);
            }
        }
        StringBuilder kids = new StringBuilder(pages.size() * 8 + 64);
        kids.append("<< /Type /Pages /Count ").append(pages.size()).append(" /Kids [");
        for (int p : pages) {
            kids.append(p).append(" 0 R ");
        }
        kids.append("] >>");
        object(PAGES, kids);
        object(CATALOG, "<< /Type /Catalog /Pages " + PAGES + " 0 R >>");
        int info = allocate();
        object(info, "<< /Title " + text(title) + " /Creator " + text(creator) + " /Producer (ForumPass) >>");
        long xref = position;
        StringBuilder x = new StringBuilder(nextObject * 20 + 64);
        x.append("xref\n0 ").append(nextObject).append("\n0000000000 65535 f \n");
        for (int i = 1; i < nextObject; i++) {
            String off = Long.toString(offsets[i]);
            x.append("0".repeat(10 - off.length())).append(off).append(" 00000 n \n");
        }
        write(x);
        byte[] id = digest.digest();
        StringBuilder hex = new StringBuilder();
        for (byte b : id) {
            hex.append(String.format("%02X", b & 0xff));
        }
        out.write(("trailer\n<< /Size " + nextObject + " /Root " + CATALOG + " 0 R /Info " + info + " 0 R /ID [<" + hex + "> <"
                + hex + ">] >>\nstartxref\n" + xref + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** A PDF text string: ASCII as a literal, anything else as UTF-16BE in hex. */
    private static String text(String s) {
        if (s.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")";
        }
        StringBuilder sb = new StringBuilder("<FEFF");
        for (char c : s.toCharArray()) {
            sb.append(String.format("%04X", (int) c));
        }
        return sb.append('>').toString();
    }

    /**
     * One font, subset to the glyphs used: a Type0 font with Identity-H encoding whose character ids are the glyph ids of
     * the whole font (so pages could be written before the subset was known), mapped to the subset's by CIDToGIDMap.
     */
    private void font(int f, TreeMap<Integer, Integer> used) throws IOException {
        TrueTypeFont ttf = fonts.ttfs[f];
        TTFSubsetter subsetter = new TTFSubsetter(ttf, TABLES);
        subsetter.addGlyphIds(new TreeSet<>(used.keySet()));
        ByteArrayOutputStream subset = new ByteArrayOutputStream();
        subsetter.writeToStream(subset);
        Map<Integer, Integer> newToOld = subsetter.getGIDMap();
        byte[] fontFile = subset.toByteArray();
        String tag = tag(used);
        String name = tag + "+" + (ttf.getName() == null ? "Font" + f : ttf.getName().replaceAll("[^A-Za-z0-9-]", ""));
        int maxCid = 0;
        for (int old : newToOld.values()) {
            maxCid = Math.max(maxCid, old);
        }
        byte[] cidToGid = new byte[(maxCid + 1) * 2];
        for (Map.Entry<Integer, Integer> e : newToOld.entrySet()) {
            int cid = e.getValue();
            cidToGid[cid * 2] = (byte) (e.getKey() >> 8);
            cidToGid[cid * 2 + 1] = (byte) (e.getKey() & 0xff);
        }
        int cidFont = allocate();
        int descriptor = allocate();
        int file = allocate();
        int toUnicode = allocate();
        int map = allocate();
        object(FIRST_FONT + f, "<< /Type /Font /Subtype /Type0 /BaseFont /" + name + " /Encoding /Identity-H /DescendantFonts ["
                + cidFont + " 0 R] /ToUnicode " + toUnicode + " 0 R >>");
        StringBuilder w = new StringBuilder("[");
        for (int gid : used.keySet()) {
            w.append(gid).append(" [").append(Math.round(fonts.advance(f, gid))).append("] ");
        }
        w.append(']');
        object(cidFont, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /" + name
                + " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor " + descriptor
                + " 0 R /DW 1000 /W " + w + " /CIDToGIDMap " + map + " 0 R >>");
        HeaderTable head = ttf.getHeader();
        HorizontalHeaderTable hhea = ttf.getHorizontalHeader();
        OS2WindowsMetricsTable os2 = ttf.getOS2Windows();
        float s = 1000f / head.getUnitsPerEm();
        int capHeight = os2 != null && os2.getCapHeight() > 0 ? os2.getCapHeight() : hhea.getAscender();
        object(descriptor, "<< /Type /FontDescriptor /FontName /" + name + " /Flags 4 /FontBBox [" + Math.round(head.getXMin() * s)
                + " " + Math.round(head.getYMin() * s) + " " + Math.round(head.getXMax() * s) + " " + Math.round(head.getYMax() * s)
                + "] /ItalicAngle 0 /Ascent " + Math.round(hhea.getAscender() * s) + " /Descent " + Math.round(hhea.getDescender() * s)
                + " /CapHeight " + Math.round(capHeight * s) + " /StemV 80 /FontFile2 " + file + " 0 R >>");
        stream(file, "/Length1 " + fontFile.length + " /Filter /FlateDecode", deflate(fontFile));
        stream(toUnicode, "/Filter /FlateDecode", deflate(toUnicode(used)));
        stream(map, "/Filter /FlateDecode", deflate(cidToGid));
    }

    /** Six capital letters from the glyphs of the subset, as subset font names have them. */
    private static String tag(TreeMap<Integer, Integer> used) {
        long h = 1125899906842597L;
        for (int g : used.keySet()) {
            h = 31 * h + g;
        }
        StringBuilder sb = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            sb.append((char) ('A' + Math.floorMod(h, 26)));
            h /= 26;
        }
        return sb.toString();
    }

    private static byte[] toUnicode(TreeMap<Integer, Integer> used) {
        StringBuilder c = new StringBuilder(used.size() * 16 + 512);
        c.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(used.entrySet());
        for (int from = 0; from < entries.size(); from += 100) {
            List<Map.Entry<Integer, Integer>> chunk = entries.subList(from, Math.min(entries.size(), from + 100));
            c.append(chunk.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, Integer> e : chunk) {
                c.append(String.format("<%04X> <", e.getKey()));
                for (char ch : Character.toChars(e.getValue())) {
                    c.append(String.format("%04X", (int) ch));
                }
                c.append(">\n");
            }
            c.append("endbfchar\n");
        }
        c.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return c.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
