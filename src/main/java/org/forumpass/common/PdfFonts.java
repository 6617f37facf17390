package org.forumpass.common;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.forumpass.common.error.CommonError;
import org.forumpass.common.error.DomainException;

/**
 * Text in any script for PDFBox documents (badges, visa letters), moved here from the badge's PDF so that every
 * printed document sets names alike: the embedded Noto fonts (subset, so a page is tens of kilobytes), each run of
 * text in the first font that has its glyphs (bold Latin for bold text), Arabic shaped into joined forms and laid
 * out right to left, a character no font has drawn as the replacement glyph. Parsed fonts are pooled, a bounded
 * number of sets ({@link #borrow()} / {@link #release}), since a parsed TrueType font is not safe to share between
 * documents being written at once; one {@code PdfFonts} serves one document. Sets beyond one that have not been used
 * for {@link #IDLE_SECONDS} are dropped, so that a replica that printed a crowd's badges does not keep their fonts.
 */
public final class PdfFonts {
    private static final String[] FONT_FILES = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansSC-Regular.ttf",
            "NotoSansArabic-Regular.ttf", "NotoSansThai-Regular.ttf", "NotoSansSinhala-Regular.ttf"};
    /**
     * Parsed sets at most (issue 18: memory): a set holds its own copy of every font file (FontBox copies what it parses)
     * and the tables it built, about 15 MB, mostly the Chinese font. Documents written at once beyond this number wait
     * for a set to come back instead of parsing more, so a crowd of badge downloads cannot fill a 256 MB heap.
     */
    static final int MAX_SETS = Math.max(3, Runtime.getRuntime().availableProcessors());
    private static final Semaphore SETS = new Semaphore(MAX_SETS, true);
    /** How long a document waits for a set when all are in use. */
    static final int WAIT_SECONDS = 20;
    /** Sets not in use, the most recently given back first; a set is taken from the front. */
    private static final BlockingDeque<Idle> POOL = new LinkedBlockingDeque<>(MAX_SETS);
    /** A set unused this long is dropped, unless it is the only one left (issue 18: memory after a rush). */
    static final long IDLE_SECONDS = 60;
    private static ScheduledExecutorService trimmer; // started with the first parsed set, under the class's lock
    /** Drawn for a character that no embedded font has. */
    private static final int REPLACEMENT = '\uFFFD';

    private final PDDocument doc;
    private final TrueTypeFont[] ttfs;
    private final PDType0Font[] loaded;

    /** The fonts of one document, loaded into it on first use; {@code ttfs} from {@link #borrow()}. */
    public PdfFonts(PDDocument doc, TrueTypeFont[] ttfs) {
        this.doc = doc;
        this.ttfs = ttfs;
        this.loaded = new PDType0Font[ttfs.length];
    }

    /**
     * A parsed set of the fonts, from the pool or freshly parsed from the app's resources (at most {@link #MAX_SETS}
     * are ever made; a caller beyond them waits for one, up to {@link #WAIT_SECONDS} s, then gets a 503
     * {@code service.unavailable}); give it back with {@link #release} once the document is written, also when writing
     * it failed.
     */
    public static TrueTypeFont[] borrow() {
        try {
            if (!SETS.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new DomainException(CommonError.UNAVAILABLE, "Every PDF writer is busy; try again in a moment");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(CommonError.UNAVAILABLE, "Interrupted while waiting for a PDF writer");
        }
        Idle idle = POOL.pollFirst();
        if (idle != null) {
            return idle.set;
        }
        try {
            TrueTypeFont[] set = parse();
            startTrimmer();
            return set;
        } catch (RuntimeException | Error e) {
            SETS.release();
            throw e;
        }
    }

    public static void release(TrueTypeFont[] set) {
        if (!POOL.offerFirst(new Idle(set, System.nanoTime()))) {
            throw new IllegalStateException("More font sets given back than were borrowed");
        }
        SETS.release();
    }

    /** Drops the sets unused for {@link #IDLE_SECONDS} as of {@code now} ({@link System#nanoTime()}), keeping one; how many. */
    static int trim(long now) {
        int dropped = 0;
        while (POOL.size() > 1) {
            Idle oldest = POOL.peekLast();
            if (oldest == null || now - oldest.since < TimeUnit.SECONDS.toNanos(IDLE_SECONDS) || !POOL.removeLastOccurrence(oldest)) {
                break;
            }
            dropped++;
        }
        return dropped;
    }

    /** Sets parsed and not in use now. */
    static int idleSets() {
        return POOL.size();
    }

    /** Called on each parse (a few times a run at most), so a plain lock is enough. */
    private static synchronized void startTrimmer() {
        if (trimmer == null) {
            trimmer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "pdf-fonts-trim");
                t.setDaemon(true);
                return t;
            });
            trimmer.scheduleWithFixedDelay(() -> trim(System.nanoTime()), IDLE_SECONDS / 2, IDLE_SECONDS / 2, TimeUnit.SECONDS);
        }
    }

    private record Idle(TrueTypeFont[] set, long since) {
    }

    private static TrueTypeFont[] parse() {
        TrueTypeFont[] fresh = new TrueTypeFont[FONT_FILES.length];
        for (int i = 0; i < FONT_FILES.length; i++) {
            try (InputStream in = PdfFonts.class.getResourceAsStream("/fonts/" + FONT_FILES[i])) {
                if (in == null) {
                    throw new IllegalStateException("Missing font /fonts/" + FONT_FILES[i]);
                }
                fresh[i] = new TTFParser().parse(new RandomAccessReadBuffer(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the font /fonts/" + FONT_FILES[i], e);
            }
        }
        return fresh;
    }

    /** Arabic letters joined (presentation forms) and the line in visual order; other text unchanged. */
    public static String visual(String text) {
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

    public static boolean isRtl(String text) {
        return text.codePoints().anyMatch(cp -> {
            byte d = Character.getDirectionality(cp);
            return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        });
    }

    /**
     * The text as it can be drawn: measured once here; a text that still cannot be set (a font quirk) comes back
     * with every character outside printable ASCII replaced, so that one name never fails a whole document.
     */
    public String printable(String text, boolean bold) {
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

    /** The width in points of a line already in visual order. */
    public float width(String text, float size, boolean bold) throws IOException {
        float w = 0;
        for (Object[] r : runs(text, bold)) {
            w += font((int) r[0]).getStringWidth((String) r[1]) / 1000f * size;
        }
        return w;
    }

    /** Draws a line already in visual order with its baseline at (x, y). */
    public void show(PDPageContentStream cs, String text, float x, float y, float size, boolean bold) throws IOException {
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (Object[] r : runs(text, bold)) {
            cs.setFont(font((int) r[0]), size);
            cs.showText((String) r[1]);
        }
        cs.endText();
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
}
