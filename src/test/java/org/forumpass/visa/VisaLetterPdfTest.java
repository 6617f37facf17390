package org.forumpass.visa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** The letter's printed QR code reads back whatever its reference (no Quarkus: the PDF is drawn from plain values). */
class VisaLetterPdfTest {
    @Test
    void everyLettersQrCodeReadsBackItsVerificationUrl() throws Exception {
        List<VisaLetterPdf.Letter> letters = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String reference = VisaReference.next();
            letters.add(new VisaLetterPdf.Letter(reference, LocalDate.of(2026, 5, 1), "Anna", "Novák", "Анна Новак", "CZ",
                    "E1234567" + (i % 10), LocalDate.of(1980, 1, 2), "Forum", "论坛", LocalDate.of(2026, 9, 1),
                    LocalDate.of(2026, 9, 3), "Hall, City", "会场，城市", "Committee", "组委会", "Street 1", "街道1号",
                    "Chen Hua", "Secretary-General", "秘书长", "To attend.", "参会。",
                    "https://register.example.org" + ":" + (8000 + i * 37) + "/api/v1/visa-letters/" + reference));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VisaLetterPdf.write(letters, out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertEquals(letters.size(), doc.getNumberOfPages());
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < letters.size(); i++) {
                assertEquals(letters.get(i).verificationUrl(), VisaLetterTest.qr(renderer.renderImageWithDPI(i, 200)),
                        "page " + (i + 1));
            }
        }
    }
}
