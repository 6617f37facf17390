package org.forumpass.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.HorizontalMetricsTable;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * Issue 18: the embedded fonts as glyphs for {@link PdfStreamWriter}, read by several threads at once. Every table a
 * page needs (the Unicode cmap, the advance widths, the units per em) is read once here, on the thread that borrowed
 * the set ({@link PdfFonts#borrow()}); afterwards only those parsed, never-changing tables are consulted, so the pages
 * of one document can be laid out in parallel. The font chosen for a character is that of {@link PdfFonts}: bold Latin
 * for bold text, then the first font that has the glyph, the replacement glyph for a character that none has. Text is
 * shown glyph by glyph from the cmap, without the fonts' GSUB substitutions (PDFBox's shaping pass): Latin ligatures
 * (fi, fl) print as their two letters; Arabic is joined beforehand ({@link PdfFonts#visual}).
 */
public final class PdfGlyphs {
    /** Drawn for a character that no embedded font has. */
    private static final int REPLACEMENT = '\uFFFD';

    /** One run of text in one font: its glyph ids and, for each glyph, the character it stands for. */
    public record Run(int font, int[] gids, int[] codePoints) {
    }

    final TrueTypeFont[] ttfs;
    private final CmapLookup[] cmaps;
    private final HorizontalMetricsTable[] hmtx;
    private final float[] scale;

    /** Reads the tables of a borrowed set; the set stays the caller's (release it once the document is written). */
    public PdfGlyphs(TrueTypeFont[] ttfs) {
        this.ttfs = ttfs;
        int n = ttfs.length;
        cmaps = new CmapLookup[n];
        hmtx = new HorizontalMetricsTable[n];
        scale = new float[n];
        try {
            for (int i = 0; i < n; i++) {
                cmaps[i] = ttfs[i].getUnicodeCmapLookup();
                hmtx[i] = ttfs[i].getHorizontalMetrics();
                scale[i] = 1000f / ttfs[i].getUnitsPerEm();
                cmaps[i].getGlyphId('A');
                hmtx[i].getAdvanceWidth(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int fonts() {
        return ttfs.length;
    }

    /** The advance of a glyph in thousandths of the font size. */
    public float advance(int font, int gid) {
        return hmtx[font].getAdvanceWidth(gid) * scale[font];
    }

    /** The width in points of a line already in visual order. */
    public float width(String text, float size, boolean bold) {
        float w = 0;
        for (Run r : runs(text, bold)) {
            for (int gid : r.gids()) {
                w += advance(r.font(), gid);
            }
        }
        return w / 1000f * size;
    }

    /** Index of the font for a code point: bold Latin for bold text, then the first font that has it; -1 if none. */
    private int fontFor(int cp, boolean bold) {
        int first = bold ? 1 : 0;
        if (cmaps[first].getGlyphId(cp) > 0) {
            return first;
        }
        for (int i = 0; i < cmaps.length; i++) {
            if (i != 1 && cmaps[i].getGlyphId(cp) > 0) {
                return i;
            }
        }
        return -1;
    }

    /** Splits a line in visual order into runs of one font (as {@link PdfFonts} does), glyph by glyph. */
    public List<Run> runs(String text, boolean bold) {
        List<Run> runs = new ArrayList<>(2);
        int[] gids = new int[text.length()];
        int[] cps = new int[text.length()];
        int n = 0;
        int current = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.FORMAT || Character.isISOControl(cp)) {
                continue; // zero-width joiners, bidi marks: nothing to draw
            }
            boolean space = Character.isWhitespace(cp);
            int f = space && current >= 0 && cmaps[current].getGlyphId(' ') > 0 ? current : fontFor(space ? ' ' : cp, bold);
            if (f < 0) {
                cp = REPLACEMENT;
                f = fontFor(cp, bold);
                if (f < 0) {
                    cp = '?';
                    f = bold ? 1 : 0;
                }
            }
            if (f != current && n > 0) {
                runs.add(new Run(current, java.util.Arrays.copyOf(gids, n), java.util.Arrays.copyOf(cps, n)));
                n = 0;
            }
            current = f;
            if (space) {
                cp = ' ';
            }
            gids[n] = cmaps[f].getGlyphId(cp);
            cps[n] = cp;
            n++;
        }
        if (n > 0) {
            runs.add(new Run(current, java.util.Arrays.copyOf(gids, n), java.util.Arrays.copyOf(cps, n)));
        }
        return runs;
    }
}
