package org.forumpass.common;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer of every export: UTF-8 with a byte-order mark (so spreadsheet programs read every
 * script right), RFC 4180, and every text cell neutralised against formula injection.
 */
public final class CsvWriter implements AutoCloseable {
    private final Writer writer;
    private final CSVPrinter printer;

    public CsvWriter(OutputStream out) throws IOException {
        writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        printer = new CSVPrinter(writer, CSVFormat.RFC4180);
    }

    /** One record; numbers stay numbers, everything else is written as neutralised text, null as empty. */
    public void row(List<?> cells) throws IOException {
        for (Object c : cells) {
            printer.print(c == null ? "" : c instanceof Number ? c.toString() : neutralise(c.toString()));
        }
        printer.println();
    }

    public void flush() throws IOException {
        printer.flush();
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    /**
     * Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP "CSV injection"): a cell
     * whose first character, after any leading spaces, is = + - @ (or their full-width forms ＝ ＋ － ＠,
     * which some spreadsheet programs fold to ASCII), a tab, a carriage return or a line feed.
     */
    public static String neutralise(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        return switch (s.charAt(i)) {
            case '=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> "'" + s;
            default -> s;
        };
    }
}
