package org.forumpass.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.forumpass.common.error.DomainException;

/**
 * Turns an uploaded photo into what is stored, safely: the magic bytes must say JPEG or PNG; the size is read from the
 * header before anything is decoded, so a decompression bomb is refused unread; a CMYK JPEG is refused from its frame
 * header; a truncated file is refused (the JPEG reader only warns, so warnings count as failures); the (given or
 * centred) 3:4 crop is decoded with subsampling, scaled to at most 600×800 and drawn into a fresh RGB image, which is
 * written as a new JPEG: no EXIF, GPS, XMP, ICC or comment block of the upload survives.
 */
final class PhotoImage {
    static final int MIN_WIDTH = 300;
    static final int MIN_HEIGHT = 400;
    static final int MAX_SIDE = 10_000;
    static final long MAX_PIXELS = 40_000_000L;
    static final int OUT_WIDTH = 600;
    static final int OUT_HEIGHT = 800;
    static final int THUMB_WIDTH = 96;
    static final int THUMB_HEIGHT = 128;

    record Crop(int x, int y, int width, int height) {
    }

    record Processed(byte[] jpeg, int width, int height, byte[] thumbnail) {
    }

    private PhotoImage() {
    }

    static Processed process(byte[] data, Crop crop) {
        String format = sniff(data);
        if (format.equals("jpeg") && jpegComponents(data) == 4) {
            throw unreadable("This is a CMYK JPEG, which cannot be read (the server's JPEG reader supports RGB and greyscale "
                    + "only); save the photo as an RGB JPEG or a PNG");
        }
        ImageReader reader = reader(format);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            int w;
            int h;
            try {
                w = reader.getWidth(0);
                h = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw unreadable("The image header cannot be read: it is not a valid " + format.toUpperCase() + " file");
            }
            if (w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                throw new DomainException(PhotoError.TOO_MANY_PIXELS, "The image is " + w + "×" + h
                        + " pixels; at most " + MAX_SIDE + " on a side and " + MAX_PIXELS / 1_000_000 + " megapixels. It was not decoded");
            }
            if (w < MIN_WIDTH || h < MIN_HEIGHT) {
                throw new DomainException(PhotoError.TOO_SMALL, "The image is " + w + "×" + h
                        + " pixels; a photo needs at least " + MIN_WIDTH + "×" + MIN_HEIGHT);
            }
            Rectangle region = region(w, h, crop);
            int step = Math.max(1, Math.min(region.width / OUT_WIDTH, region.height / OUT_HEIGHT));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(region);
            param.setSourceSubsampling(step, step, 0, 0);
            boolean[] warned = {false};
            reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
            BufferedImage decoded;
            try {
                decoded = reader.read(0, param);
            } catch (IOException | RuntimeException e) {
                throw unreadable("The image data cannot be decoded (the file may be truncated or damaged): " + e.getMessage());
            }
            if (warned[0]) {
                throw unreadable("The image data is incomplete (the file is truncated or damaged)");
            }
            int outW = Math.min(OUT_WIDTH, region.width);
            int outH = outW * 4 / 3;
            BufferedImage photo = draw(decoded, outW, outH);
            decoded = null;
            BufferedImage thumb = draw(photo, THUMB_WIDTH, THUMB_HEIGHT);
            return new Processed(jpeg(photo, 0.88f), outW, outH, jpeg(thumb, 0.85f));
        } catch (IOException e) {
            throw unreadable("The image cannot be read");
        } finally {
            reader.dispose();
        }
    }

    /** "jpeg" or "png" from the first bytes; anything else (PDF, SVG, GIF, WebP, HEIC, …) is refused. */
    static String sniff(byte[] d) {
        if (d.length >= 3 && (d[0] & 0xff) == 0xFF && (d[1] & 0xff) == 0xD8 && (d[2] & 0xff) == 0xFF) {
            return "jpeg";
        }
        if (d.length >= 8 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G' && d[4] == 0x0D
                && d[5] == 0x0A && d[6] == 0x1A && d[7] == 0x0A) {
            return "png";
        }
        String what = d.length >= 4 && d[0] == '%' && d[1] == 'P' && d[2] == 'D' && d[3] == 'F' ? "a PDF document"
                : d.length >= 3 && d[0] == 'G' && d[1] == 'I' && d[2] == 'F' ? "a GIF image"
                : new String(d, 0, Math.min(d.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1).contains("<svg") ? "an SVG image"
                : d.length == 0 ? "empty" : "not an image this server reads";
        throw unreadable("The file is " + what + "; send a JPEG or PNG photo");
    }

    /** The number of colour components in the JPEG's frame header (SOFn), or -1 when there is none before the scan. */
    static int jpegComponents(byte[] d) {
        int i = 2;
        while (i + 4 < d.length) {
            if ((d[i] & 0xff) != 0xFF) {
                return -1;
            }
            int marker = d[i + 1] & 0xff;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xD8 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                i += 2;
                continue;
            }
            int length = ((d[i + 2] & 0xff) << 8) | (d[i + 3] & 0xff);
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                return i + 9 < d.length ? d[i + 9] & 0xff : -1;
            }
            if (marker == 0xDA) {
                return -1;
            }
            i += 2 + length;
        }
        return -1;
    }

    /** The given crop trimmed to 3:4 around its centre, or the largest centred 3:4 region. */
    static Rectangle region(int w, int h, Crop crop) {
        if (crop != null) {
            if (crop.x() < 0 || crop.y() < 0 || crop.width() <= 0 || crop.height() <= 0
                    || (long) crop.x() + crop.width() > w || (long) crop.y() + crop.height() > h) {
                throw DomainException.invalid("crop", "must lie inside the " + w + "×" + h + " image");
            }
            Rectangle r = fit(crop.x(), crop.y(), crop.width(), crop.height());
            if (r.width < MIN_WIDTH || r.height < MIN_HEIGHT) {
                throw DomainException.invalid("crop", "must be at least " + MIN_WIDTH + "×" + MIN_HEIGHT + " pixels");
            }
            return r;
        }
        Rectangle r = fit(0, 0, w, h);
        if (r.width < MIN_WIDTH || r.height < MIN_HEIGHT) {
            throw new DomainException(PhotoError.TOO_SMALL, "The image is " + w + "×" + h
                    + " pixels; its centred 3:4 part is smaller than " + MIN_WIDTH + "×" + MIN_HEIGHT);
        }
        return r;
    }

    private static Rectangle fit(int x, int y, int w, int h) {
        int cw = Math.min(w, h * 3 / 4);
        int ch = cw * 4 / 3;
        return new Rectangle(x + (w - cw) / 2, y + (h - ch) / 2, cw, ch);
    }

    /** A fresh RGB image (white under any transparency) scaled from {@code src}. */
    static BufferedImage draw(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A new baseline JPEG written without the upload's metadata. */
    static byte[] jpeg(BufferedImage img, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), p);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static ImageReader reader(String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        return readers.next();
    }

    private static DomainException unreadable(String detail) {
        return new DomainException(PhotoError.UNREADABLE, detail);
    }
}
