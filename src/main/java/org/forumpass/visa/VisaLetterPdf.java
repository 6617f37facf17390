package org.forumpass.visa;

import com.ibm.icu.text.BreakIterator;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.forumpass.badge.QrRenderer;
import org.forumpass.common.I18n;
import org.forumpass.common.PdfFonts;

/**
 * Visa invitation letters: one A4 page each, English and Chinese on the same page (the labels of the holder's
 * details carry both languages; the letter's text is written once in each). Text in any script is set with the
 * badge's fonts ({@link PdfFonts}: Latin, CJK, Arabic, Thai, Sinhala, per character); the verification URL is a
 * vector QR code ({@link QrRenderer#drawPdf}). The words come from the texts bundles ({@code visa.pdf.*}), English
 * and Chinese whatever the reader's language.
 */
final class VisaLetterPdf {
    /** Everything one page prints. Dates are the event's local dates; the address and purpose may hold line breaks. */
    record Letter(String reference, LocalDate issuedOn, String givenName, String familyName, String nativeName,
                  String nationality, String passportNumber, LocalDate dateOfBirth, String eventEn, String eventZh,
                  LocalDate startsOn, LocalDate endsOn, String venueEn, String venueZh, String issuerEn, String issuerZh,
                  String addressEn, String addressZh, String signatory, String titleEn, String titleZh, String purposeEn,
                  String purposeZh, String verificationUrl) {
    }

    private static final float MARGIN = 50;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final Color INK = new Color(0x1b2430);
    private static final Color MUTED = new Color(0x4a5563);
    /** The verification QR code: its side and lower left corner, in points (tests read it there). */
    static final float QR = 84;
    static final float QR_X = PAGE.getWidth() - MARGIN - QR;
    static final float QR_Y = MARGIN + 10;
    private static final float SIGNATURE = 190;

    private VisaLetterPdf() {
    }

    static void write(List<Letter> letters, OutputStream out) {
        TrueTypeFont[] ttfs = PdfFonts.borrow();
        try (PDDocument doc = new PDDocument()) {
            PdfFonts fonts = new PdfFonts(doc, ttfs);
            for (Letter l : letters) {
                PDPage page = new PDPage(PAGE);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    new Writer(cs, fonts).letter(l);
                }
            }
            doc.getDocumentInformation().setTitle(letters.size() == 1 ? "Visa invitation letter " + letters.get(0).reference()
                    : "Visa invitation letters");
            doc.getDocumentInformation().setCreator("ForumPass");
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            PdfFonts.release(ttfs);
        }
    }

    static String date(LocalDate d, String lang) {
        return d == null ? "" : d.format(DateTimeFormatter.ofPattern(I18n.text(lang, "visa.pdf.date"),
                "zh".equals(lang) ? Locale.CHINESE : Locale.ENGLISH));
    }

    /** Both languages of a text: "en / zh", or the one given. */
    private static String both(String key) {
        return I18n.text("en", key) + " / " + I18n.text("zh", key);
    }

    /** Draws one page from the top down. */
    private static final class Writer {
        private final PDPageContentStream cs;
        private final PdfFonts fonts;
        private final float width = PAGE.getWidth() - 2 * MARGIN;
        private float y = PAGE.getHeight() - MARGIN;

        Writer(PDPageContentStream cs, PdfFonts fonts) {
            this.cs = cs;
            this.fonts = fonts;
        }

        void letter(Letter l) throws IOException {
            cs.setNonStrokingColor(INK);
            // the issuer, left; the reference and the date of issue, right
            float right = 190;
            float left = width - right - 16;
            float top = y;
            paragraph(l.issuerEn(), MARGIN, left, 13, true, 1.2f);
            paragraph(l.issuerZh(), MARGIN, left, 12, true, 1.2f);
            cs.setNonStrokingColor(MUTED);
            paragraph(l.addressEn(), MARGIN, left, 8.5f, false, 1.25f);
            paragraph(l.addressZh(), MARGIN, left, 8.5f, false, 1.25f);
            float leftBottom = y;
            y = top;
            float rx = MARGIN + width - right;
            paragraph(both("visa.pdf.reference"), rx, right, 8, false, 1.2f);
            cs.setNonStrokingColor(INK);
            paragraph(l.reference(), rx, right, 10, true, 1.3f);
            cs.setNonStrokingColor(MUTED);
            paragraph(both("visa.pdf.issued_on"), rx, right, 8, false, 1.2f);
            cs.setNonStrokingColor(INK);
            paragraph(date(l.issuedOn(), "en"), rx, right, 10, false, 1.25f);
            paragraph(date(l.issuedOn(), "zh"), rx, right, 10, false, 1.25f);
            y = Math.min(y, leftBottom) - 6;
            rule();
            y -= 14;
            centred(I18n.text("en", "visa.pdf.title"), 15, true);
            centred(I18n.text("zh", "visa.pdf.title"), 15, true);
            y -= 8;

            // the holder, as in the passport
            float label = 200;
            row(both("visa.pdf.name"), l.givenName() + " " + l.familyName(), label, true);
            if (l.nativeName() != null && !l.nativeName().isBlank()) {
                row(both("visa.pdf.native_name"), l.nativeName(), label, false);
            }
            row(both("visa.pdf.nationality"), country(l.nationality(), Locale.ENGLISH) + " / "
                    + country(l.nationality(), Locale.CHINESE) + " (" + l.nationality() + ")", label, false);
            row(both("visa.pdf.passport"), l.passportNumber(), label, true);
            row(both("visa.pdf.birth"), date(l.dateOfBirth(), "en") + " / " + date(l.dateOfBirth(), "zh"), label, false);
            y -= 10;

            // the letter, once in each language
            text(l, "en", l.eventEn(), l.venueEn(), l.issuerEn(), l.purposeEn());
            y -= 6;
            text(l, "zh", l.eventZh(), l.venueZh(), l.issuerZh(), l.purposeZh());
            y -= 14;

            // the signature, left
            cs.setStrokingColor(MUTED);
            cs.setLineWidth(0.5f);
            cs.moveTo(MARGIN, y - 22);
            cs.lineTo(MARGIN + 200, y - 22);
            cs.stroke();
            y -= 36;
            paragraph(l.signatory(), MARGIN, SIGNATURE, 11, true, 1.3f);
            paragraph(l.titleEn(), MARGIN, SIGNATURE, 9.5f, false, 1.25f);
            paragraph(l.titleZh(), MARGIN, SIGNATURE, 9.5f, false, 1.25f);
            paragraph(l.issuerEn(), MARGIN, SIGNATURE, 9.5f, false, 1.25f);
            paragraph(l.issuerZh(), MARGIN, SIGNATURE, 9.5f, false, 1.25f);

            // the verification code, always in the same place: the bottom right corner, its caption on its left
            QrRenderer.drawPdf(cs, l.verificationUrl(), QR_X, QR_Y, QR);
            cs.setNonStrokingColor(MUTED);
            y = QR_Y + QR - 4;
            paragraph(both("visa.pdf.verify"), QR_X - 206, 196, 8, true, 1.25f);
            paragraph(l.verificationUrl(), QR_X - 206, 196, 7, false, 1.25f);
        }

        private void text(Letter l, String lang, String event, String venue, String issuer, String purpose) throws IOException {
            Map<String, Object> values = Map.of("issuer", issuer, "event", event, "venue", venue,
                    "from", date(l.startsOn(), lang), "to", date(l.endsOn(), lang));
            boolean oneDay = l.startsOn().equals(l.endsOn());
            for (String p : List.of(I18n.text(lang, "visa.pdf.salutation"),
                    I18n.text(lang, oneDay ? "visa.pdf.body_one_day" : "visa.pdf.body", values),
                    I18n.text(lang, "visa.pdf.purpose", Map.of("purpose", purpose)), I18n.text(lang, "visa.pdf.closing"))) {
                paragraph(p, MARGIN, width, 10, false, 1.45f);
                y -= 3;
            }
        }

        private void row(String label, String value, float labelWidth, boolean bold) throws IOException {
            float top = y;
            cs.setNonStrokingColor(MUTED);
            paragraph(label, MARGIN, labelWidth - 8, 8.5f, false, 1.3f);
            float after = y;
            y = top;
            cs.setNonStrokingColor(INK);
            paragraph(value, MARGIN + labelWidth, width - labelWidth, 11, bold, 1.3f, false);
            y = Math.min(y, after) - 3;
        }

        private void rule() throws IOException {
            cs.setStrokingColor(new Color(0x9aa3ad));
            cs.setLineWidth(0.6f);
            cs.moveTo(MARGIN, y);
            cs.lineTo(MARGIN + width, y);
            cs.stroke();
        }

        private void centred(String text, float size, boolean bold) throws IOException {
            String t = PdfFonts.visual(fonts.printable(text, bold));
            y -= size;
            fonts.show(cs, t, MARGIN + (width - fonts.width(t, size, bold)) / 2, y, size, bold);
            y -= size * 0.35f;
        }

        /** Text wrapped to the width (between words, and between CJK characters), one line under the other from y. */
        private void paragraph(String text, float x, float w, float size, boolean bold, float leading) throws IOException {
            paragraph(text, x, w, size, bold, leading, true);
        }

        /** {@code alignRtl}: a right-to-left line ends at the right edge (in the holder's table it starts at the left, as the others). */
        private void paragraph(String text, float x, float w, float size, boolean bold, float leading, boolean alignRtl)
                throws IOException {
            if (text == null || text.isBlank()) {
                return;
            }
            for (String line : wrap(fonts.printable(text, bold), size, bold, w)) {
                y -= size;
                String visual = PdfFonts.visual(line);
                float lx = alignRtl && PdfFonts.isRtl(line) ? x + w - fonts.width(visual, size, bold) : x;
                fonts.show(cs, visual, lx, y, size, bold);
                y -= size * (leading - 1);
            }
        }

        private List<String> wrap(String text, float size, boolean bold, float w) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String para : text.split("\n")) {
                BreakIterator breaks = BreakIterator.getLineInstance(Locale.ROOT);
                breaks.setText(para);
                StringBuilder line = new StringBuilder();
                int start = breaks.first();
                for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
                    String unit = para.substring(start, end);
                    if (line.length() > 0 && !fits(line + unit, size, bold, w)) {
                        lines.add(line.toString().strip());
                        line.setLength(0);
                    }
                    if (line.length() == 0 && !fits(unit, size, bold, w)) {
                        // longer than a line on its own (a URL): cut it by characters
                        for (int i = 0; i < unit.length(); ) {
                            int cp = unit.codePointAt(i);
                            String more = line.toString() + Character.toString(cp);
                            if (line.length() > 0 && !fits(more, size, bold, w)) {
                                lines.add(line.toString());
                                line.setLength(0);
                            }
                            line.appendCodePoint(cp);
                            i += Character.charCount(cp);
                        }
                        continue;
                    }
                    line.append(unit);
                }
                if (line.length() > 0 || para.isEmpty()) {
                    lines.add(line.toString().strip());
                }
            }
            return lines;
        }

        private boolean fits(String text, float size, boolean bold, float w) throws IOException {
            return fonts.width(PdfFonts.visual(text.strip()), size, bold) <= w;
        }

        private static String country(String code, Locale in) {
            if (code == null) {
                return "";
            }
            String name = new Locale("", code).getDisplayCountry(in);
            return name == null || name.isBlank() ? code : name;
        }
    }
}
