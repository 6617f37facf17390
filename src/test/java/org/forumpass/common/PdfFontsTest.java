package org.forumpass.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 (memory): parsed font sets are about 15 MB each, so documents written at once share a bounded number of
 * them; one more document waits for a set to come back and then writes with that very set.
 */
class PdfFontsTest {
    @Test
    void aDocumentBeyondTheSetsWaitsForOneAndReusesIt() throws Exception {
        List<TrueTypeFont[]> held = new ArrayList<>();
        try {
            for (int i = 0; i < PdfFonts.MAX_SETS; i++) {
                held.add(PdfFonts.borrow());
            }
            for (int i = 1; i < held.size(); i++) {
                assertNotSame(held.get(0), held.get(i), "each document being written has a set of its own");
            }
            assertTrue(held.get(0)[2].getNumberOfGlyphs() > 20_000, "the set holds the Chinese font");

            CompletableFuture<TrueTypeFont[]> next = CompletableFuture.supplyAsync(PdfFonts::borrow);
            try {
                next.get(500, TimeUnit.MILLISECONDS);
                throw new AssertionError("a set beyond " + PdfFonts.MAX_SETS + " was handed out");
            } catch (TimeoutException expected) {
                assertFalse(next.isDone(), "the extra document waits");
            }
            TrueTypeFont[] givenBack = held.remove(0);
            PdfFonts.release(givenBack);
            TrueTypeFont[] got = next.get(10, TimeUnit.SECONDS);
            assertSame(givenBack, got, "the waiting document writes with the set given back, nothing parsed again");
            held.add(got);
            assertEquals(PdfFonts.MAX_SETS, held.size());
        } finally {
            held.forEach(PdfFonts::release);
        }
    }

    @Test
    void setsUnusedForAMinuteAreDroppedButOneStays() {
        List<TrueTypeFont[]> held = new ArrayList<>();
        for (int i = 0; i < PdfFonts.MAX_SETS; i++) {
            held.add(PdfFonts.borrow());
        }
        held.forEach(PdfFonts::release);
        long now = System.nanoTime();
        assertEquals(PdfFonts.MAX_SETS, PdfFonts.idleSets(), "every set given back waits in the pool");
        assertEquals(0, PdfFonts.trim(now), "nothing is dropped while the sets were used within the minute");
        assertEquals(PdfFonts.MAX_SETS, PdfFonts.idleSets());

        long later = now + TimeUnit.SECONDS.toNanos(PdfFonts.IDLE_SECONDS + 1);
        assertEquals(PdfFonts.MAX_SETS - 1, PdfFonts.trim(later), "a minute later all but one are dropped");
        assertEquals(1, PdfFonts.idleSets());
        assertEquals(0, PdfFonts.trim(later + TimeUnit.HOURS.toNanos(1)), "the last one stays, so the next badge parses nothing");

        TrueTypeFont[] next = PdfFonts.borrow();
        try {
            assertSame(held.get(held.size() - 1), next, "the set kept is the one given back last");
            assertEquals(0, PdfFonts.idleSets());
        } finally {
            PdfFonts.release(next);
        }
    }
}
