package org.forumpass.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.forumpass.common.CsvWriter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** A table written row by row to CSV or XLSX, never held whole in memory. */
interface Table extends AutoCloseable {
    void header(List<String> names) throws IOException;

    void row(List<?> cells) throws IOException;

    /** A subtotal or total line, set apart (bold in XLSX). */
    void total(List<?> cells) throws IOException;

    @Override
    void close() throws IOException;

    static Table csv(OutputStream out) throws IOException {
        return new Csv(out);
    }

    static Table xlsx(OutputStream out, String sheet) {
        return new Xlsx(out, sheet);
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

    final class Xlsx implements Table {
        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        Xlsx(OutputStream out, String name) {
            workbook = new Workbook(out, "ForumPass", "1.0");
            sheet = workbook.newWorksheet(name);
        }

        @Override
        public void header(List<String> names) throws IOException {
            write(names, true);
            sheet.freezePane(0, 1);
        }

        @Override
        public void row(List<?> cells) throws IOException {
            write(cells, false);
        }

        @Override
        public void total(List<?> cells) throws IOException {
            write(cells, true);
        }

        private void write(List<?> cells, boolean bold) throws IOException {
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
                if (v == null) {
                    continue;
                }
                if (v instanceof Number n) {
                    sheet.value(row, c, n);
                } else if (v instanceof Instant || v instanceof OffsetDateTime) {
                    sheet.value(row, c, v.toString());
                } else {
                    sheet.value(row, c, v.toString());
                }
                if (bold) {
                    sheet.style(row, c).bold().set();
                }
            }
            row++;
            if (row % 1000 == 0) {
                sheet.flush(); // rows leave memory as they are written
            }
        }

        @Override
        public void close() throws IOException {
            sheet.finish();
            workbook.finish();
        }
    }
}
