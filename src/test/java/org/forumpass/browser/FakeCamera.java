package org.forumpass.browser;

import com.google.zxing.common.BitMatrix;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** A Y4M video (what chromium plays as a fake camera) showing one QR code on white, as a phone would see a badge. */
final class FakeCamera {
    private static final int W = 640;
    private static final int H = 480;

    private FakeCamera() {
    }

    static Path video(String code) throws Exception {
        BitMatrix m = org.forumpass.badge.QrRenderer.matrix(code, 0); // the badge's own QR
        int module = Math.min(W, H) * 9 / 10 / m.getWidth();
        int size = module * m.getWidth();
        int left = (W - size) / 2;
        int top = (H - size) / 2;
        byte[] luma = new byte[W * H];
        Arrays.fill(luma, (byte) 235);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (m.get(x / module, y / module)) {
                    luma[(top + y) * W + left + x] = (byte) 16;
                }
            }
        }
        byte[] chroma = new byte[(W / 2) * (H / 2)];
        Arrays.fill(chroma, (byte) 128);
        Path file = Files.createTempFile("badge-camera", ".y4m");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + W + " H" + H + " F10:1 Ip A1:1 C420\n").getBytes(StandardCharsets.US_ASCII));
            for (int f = 0; f < 10; f++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(luma);
                out.write(chroma);
                out.write(chroma);
            }
        } catch (IOException e) {
            throw e;
        }
        return file;
    }
}
