package org.forumpass.badge;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** QR codes of badge strings (and of visa letters' verification URLs): error correction M, the standard quiet zone of four modules. */
public final class QrRenderer {
    public static final int MIN_SIZE = 120;
    public static final int MAX_SIZE = 1200;

    private QrRenderer() {
    }

    /** Mask chosen per code (see {@link #matrix}); bounded, since it only saves work. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Integer> MASKS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The code's QR matrix. ZXing picks the mask with the lowest penalty score, yet about one code in a
     * hundred then trips ZXing's own finder (seen on clean images: a finder-like run in the data). So each
     * code is read back once with the ordinary detector, and when that fails the next mask that reads is used:
     * what phones read should not depend on luck.
     */
    public static BitMatrix matrix(String code, int size) {
        Integer mask = MASKS.get(code);
        if (mask == null) {
            BitMatrix minimal = encode(code, 0, -1);
            mask = -1;
            if (!readsBack(code, minimal)) {
                for (int m = 0; m < 8; m++) {
                    BitMatrix other = encode(code, 0, m);
                    if (readsBack(code, other)) {
                        mask = m;
                        minimal = other;
                        break;
                    }
                }
                if (mask < 0) {
                    minimal = encode(code, 0, -1);
                }
            }
            if (MASKS.size() > 50_000) {
                MASKS.clear();
            }
            MASKS.put(code, mask);
            if (size == 0) {
                return minimal; // a badge's first drawing: the matrix just read back, not encoded again
            }
        }
        return encode(code, size, mask);
    }

    private static boolean readsBack(String code, BitMatrix minimal) {
        return readsBack(code, minimal, 3) && readsBack(code, minimal, 5) && readsBack(code, minimal, 6);
    }

    /**
     * Issue 18: the read-back runs ZXing's detector and decoder on the module matrix itself, scaled to the module size,
     * with no image drawn and binarized first: a clean black-and-white image binarizes to exactly that matrix, so what is
     * checked is unchanged (the finder patterns as the detector finds them at this scale) at a fraction of the cost.
     */
    private static boolean readsBack(String code, BitMatrix minimal, int moduleSize) {
        BitMatrix scaled = scale(minimal, moduleSize);
        try {
            return code.equals(new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                    new Given(scaled)), READ_HINTS).getText());
        } catch (com.google.zxing.ReaderException e) {
            return false;
        }
    }

    private static final Map<com.google.zxing.DecodeHintType, Object> READ_HINTS = Map.of(
            com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE,
            com.google.zxing.DecodeHintType.POSSIBLE_FORMATS, java.util.List.of(BarcodeFormat.QR_CODE));

    /** A binarizer that answers a matrix already black and white (the modules, drawn dark on light). */
    private static final class Given extends com.google.zxing.Binarizer {
        private final BitMatrix matrix;

        Given(BitMatrix matrix) {
            super(new Luminance(matrix));
            this.matrix = matrix;
        }

        @Override
        public com.google.zxing.common.BitArray getBlackRow(int y, com.google.zxing.common.BitArray row) {
            return matrix.getRow(y, row);
        }

        @Override
        public BitMatrix getBlackMatrix() {
            return matrix;
        }

        @Override
        public com.google.zxing.Binarizer createBinarizer(com.google.zxing.LuminanceSource source) {
            throw new UnsupportedOperationException();
        }
    }

    /** The matrix as luminance (0 for a dark module, 255 for light), for whatever asks the source rather than the binarizer. */
    private static final class Luminance extends com.google.zxing.LuminanceSource {
        private final BitMatrix matrix;

        Luminance(BitMatrix matrix) {
            super(matrix.getWidth(), matrix.getHeight());
            this.matrix = matrix;
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            byte[] r = row != null && row.length >= getWidth() ? row : new byte[getWidth()];
            for (int x = 0; x < getWidth(); x++) {
                r[x] = matrix.get(x, y) ? 0 : (byte) 255;
            }
            return r;
        }

        @Override
        public byte[] getMatrix() {
            byte[] m = new byte[getWidth() * getHeight()];
            for (int y = 0; y < getHeight(); y++) {
                for (int x = 0; x < getWidth(); x++) {
                    m[y * getWidth() + x] = matrix.get(x, y) ? 0 : (byte) 255;
                }
            }
            return m;
        }
    }

    /** The matrix with each module {@code factor} × {@code factor}: a row is made once and copied {@code factor} times. */
    private static BitMatrix scale(BitMatrix m, int factor) {
        BitMatrix out = new BitMatrix(m.getWidth() * factor, m.getHeight() * factor);
        com.google.zxing.common.BitArray row = new com.google.zxing.common.BitArray(out.getWidth());
        for (int y = 0; y < m.getHeight(); y++) {
            row.clear();
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    row.setRange(x * factor, (x + 1) * factor);
                }
            }
            for (int k = 0; k < factor; k++) {
                out.setRow(y * factor + k, row);
            }
        }
        return out;
    }

    private static BitMatrix encode(String code, int size, int mask) {
        try {
            Map<EncodeHintType, Object> hints = new java.util.EnumMap<>(EncodeHintType.class);
            hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
            hints.put(EncodeHintType.MARGIN, 4);
            hints.put(EncodeHintType.CHARACTER_SET, "ISO-8859-1");
            if (mask >= 0) {
                hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
            }
            return new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, size, size, hints);
        } catch (WriterException e) {
            throw new IllegalStateException("QR encoding failed", e);
        }
    }

    public static byte[] png(String code, int size) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix(code, clamp(size)), "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage image(String code, int size) {
        return MatrixToImageWriter.toBufferedImage(matrix(code, size));
    }

    /** One path of unit squares: a few kilobytes, sharp at any size. */
    public static String svg(String code) {
        BitMatrix m = matrix(code, 0);
        StringBuilder d = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    d.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
                + d + "\"/></svg>";
    }

    /**
     * The code as vector squares on a PDF page (runs of dark modules on white, the quiet zone included): sharp at
     * any print resolution, a few kilobytes. Visa letters draw their codes with it, through PDFBox.
     */
    public static void drawPdf(org.apache.pdfbox.pdmodel.PDPageContentStream cs, String code, float x, float y, float size)
            throws IOException {
        cs.setNonStrokingColor(java.awt.Color.WHITE);
        cs.addRect(x, y, size, size);
        cs.fill();
        cs.setNonStrokingColor(java.awt.Color.BLACK);
        IOException[] failed = new IOException[1];
        darkRuns(code, x, y, size, (rx, ry, w, h) -> {
            if (failed[0] == null) {
                try {
                    cs.addRect(rx, ry, w, h);
                } catch (IOException e) {
                    failed[0] = e;
                }
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        cs.fill();
    }

    /** The same squares on a page of a streamed PDF (issue 18: badges). */
    public static void drawPdf(org.forumpass.common.PdfCanvas cs, String code, float x, float y, float size) {
        cs.fillColor(0xFFFFFF);
        cs.rect(x, y, size, size);
        cs.fill();
        cs.fillColor(0x000000);
        darkRuns(code, x, y, size, cs::rect);
        cs.fill();
    }

    /** A rectangle in PDF page coordinates (origin bottom left). */
    interface Rect {
        void add(float x, float y, float width, float height);
    }

    /** Each horizontal run of dark modules of the code's matrix, as a rectangle in a square of {@code size} at (x, y). */
    private static void darkRuns(String code, float x, float y, float size, Rect out) {
        BitMatrix m = matrix(code, 0);
        float module = size / m.getWidth();
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
                out.add(x + start * module, y + size - (row + 1) * module, (col - start) * module, module);
            }
        }
    }

    public static int clamp(int size) {
        return Math.max(MIN_SIZE, Math.min(MAX_SIZE, size));
    }
}
