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

/** QR codes of badge strings: error correction M, the standard quiet zone of four modules. */
public final class QrRenderer {
    public static final int MIN_SIZE = 120;
    public static final int MAX_SIZE = 1200;

    private QrRenderer() {
    }

    public static BitMatrix matrix(String code, int size) {
        try {
            return new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "ISO-8859-1"));
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

    public static int clamp(int size) {
        return Math.max(MIN_SIZE, Math.min(MAX_SIZE, size));
    }
}
