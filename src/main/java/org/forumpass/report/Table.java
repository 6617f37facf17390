package org.forumpass.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.forumpass.common.CsvWriter;

/**
 * A table written row by row to CSV or XLSX, never held whole in memory. An XLSX workbook can give each group a
 * sheet of its own ({@link #sheetPerGroup()}), after a summary sheet written last but shown first.
 */
interface Table extends AutoCloseable {
    void header(List<String> names) throws IOException;

    void row(List<?> cells) throws IOException;

    /** A subtotal or total line, set apart (bold in XLSX). */
    void total(List<?> cells) throws IOException;

    /** Whether each group goes on a sheet of its own (XLSX with sheets=group). */
    default boolean sheetPerGroup() {
        return false;
    }

    /**
     * Starts the sheet of a group, its header repeated (only when {@link #sheetPerGroup()}); answers the sheet's name,
     * which may be shortened or numbered to be a valid, unique sheet name.
     */
    default String sheet(String group) throws IOException {
        return null;
    }

    /** The summary sheet's lines (only when {@link #sheetPerGroup()}): title lines, then a header, rows and the total. */
    default void summary(List<String> titles, List<String> header, List<List<?>> rows, List<?> total) throws IOException {
    }

    @Override
    void close() throws IOException;

    static Table csv(OutputStream out) throws IOException {
        return new Csv(out);
    }

    static Table xlsx(OutputStream out, String sheet) {
        return new Xlsx(out, sheet, null);
    }

    /** A workbook with a summary sheet named {@code summary} first, then one sheet per group. */
    static Table xlsxPerGroup(OutputStream out, String summary) {
        return new Xlsx(out, null, summary);
    }

    /** CSV through the one writer of every export ({@link CsvWriter}: BOM, RFC 4180, cells neutralised). */
    final class Csv implements Table {
        private final CsvWriter csv;

        Csv(OutputStream out) throws IOException {
            csv = new CsvWriter(out);
        }

        @Override
        public void header(List<String> names) throws IOException {
            csv.row(names);
        }

        @Override
        public void row(List<?> cells) throws IOException {
            csv.row(cells);
        }

        @Override
        public void total(List<?> cells) throws IOException {
            csv.row(cells);
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }

    /**
     * XLSX: every text is a string cell (never a formula, so no apostrophe is needed as in CSV and "+86 10 1234 5678"
     * stays as typed), every number a number cell.
     */
    final class Xlsx implements Table {
        private final Workbook workbook;
        private final Worksheet summary;
        private final Set<String> names = new HashSet<>();
        private Worksheet sheet;
        private List<String> header;
        private int row;

        Xlsx(OutputStream out, String name, String summaryName) {
            workbook = new Workbook(out, "ForumPass", "1.0");
            if (summaryName != null) {
                // created first so it is the first tab; filled and written at the end, when the totals are known
                summary = workbook.newWorksheet(unique(summaryName));
            } else {
                summary = null;
                sheet = workbook.newWorksheet(unique(name));
            }
        }

        @Override
        public boolean sheetPerGroup() {
            return summary != null;
        }

        @Override
        public void header(List<String> names) throws IOException {
            header = names;
            if (sheet != null) {
                writeHeader();
            }
        }

        private void writeHeader() throws IOException {
            write(sheet, header, true);
            sheet.freezePane(0, 1);
        }

        @Override
        public String sheet(String group) throws IOException {
            if (summary == null) {
                return null;
            }
            if (sheet != null) {
                sheet.finish(); // one sheet is written at a time
            }
            String name = unique(group);
            sheet = workbook.newWorksheet(name);
            row = 0;
            if (header != null) {
                writeHeader();
            }
            return name;
        }

        @Override
        public void row(List<?> cells) throws IOException {
            write(sheet, cells, false);
        }

        @Override
        public void total(List<?> cells) throws IOException {
            write(sheet, cells, true);
        }

        @Override
        public void summary(List<String> titles, List<String> head, List<List<?>> rows, List<?> total) throws IOException {
            if (summary == null) {
                return;
            }
            if (sheet != null) {
                sheet.finish();
                sheet = null;
            }
            int r = 0;
            for (String t : titles) {
                summary.value(r, 0, t);
                if (r == 0) {
                    summary.style(r, 0).bold().fontSize(14).set();
                }
                r++;
            }
            r++;
            r = put(summary, r, head, true);
            for (List<?> cells : rows) {
                r = put(summary, r, cells, false);
            }
            put(summary, r, total, true);
            summary.width(0, 40);
            summary.finish();
        }

        private void write(Worksheet ws, List<?> cells, boolean bold) throws IOException {
            if (ws == null) {
                throw new IllegalStateException("no sheet started");
            }
            row = put(ws, row, cells, bold);
            if (row % 1000 == 0) {
                ws.flush(); // rows leave memory as they are written
            }
        }

        private static int put(Worksheet ws, int row, List<?> cells, boolean bold) {
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
                if (v == null) {
                    continue;
                }
                if (v instanceof Number n) {
                    ws.value(row, c, n);
                } else {
                    ws.value(row, c, v.toString());
                }
                if (bold) {
                    ws.style(row, c).bold().set();
                }
            }
            return row + 1;
        }

        /**
         * A valid sheet name: none of [ ] : * ? / \, no apostrophe at either end, at most 31 characters, and not one
         * already used (Excel compares names without regard to case).
         */
        private String unique(String wanted) {
            String base = (wanted == null ? "" : wanted).replaceAll("[\\[\\]:*?/\\\\\\p{Cntrl}]", " ").replaceAll("\\s+", " ")
                    .replaceAll("^[' ]+|[' ]+$", "");
            if (base.isEmpty() || base.equalsIgnoreCase("History")) {
                base = base.isEmpty() ? "-" : base + " 1";
            }
            base = cut(base, 31);
            String name = base;
            for (int n = 2; !names.add(name.toLowerCase(Locale.ROOT)); n++) {
                String suffix = " (" + n + ")";
                name = cut(base, 31 - suffix.length()).stripTrailing() + suffix;
            }
            return name;
        }

        /** At most {@code max} UTF-16 units, not splitting a surrogate pair. */
        private static String cut(String s, int max) {
            if (s.length() <= max) {
                return s;
            }
            int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
            return s.substring(0, end);
        }

        @Override
        public void close() throws IOException {
            if (sheet != null) {
                sheet.finish();
            }
            if (summary != null) {
                summary.finish(); // a summary never filled is still a (blank) sheet
            }
            workbook.finish();
        }
    }
}
