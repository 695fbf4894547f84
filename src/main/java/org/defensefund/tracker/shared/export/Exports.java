package org.defensefund.tracker.shared.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes report tables as CSV (Apache Commons CSV, UTF-8 with a byte-order mark so that Excel reads
 * accents) or as an Excel workbook with one sheet per table (Apache POI). Text that a spreadsheet would
 * take for a formula (starting with =, +, -, @, tab or carriage return) is written with a leading
 * apostrophe in CSV, and always as text in XLSX, so that a name typed into the app can't run in
 * someone's spreadsheet.
 */
public final class Exports {

    public static final String CSV_TYPE = "text/csv; charset=UTF-8";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF_TYPE = "application/pdf";

    private Exports() {
    }

    public static byte[] csv(ReportTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().get())) {
            writer.write('\uFEFF');
            print(printer, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Several tables in one CSV file: each as its title line, its headings and its rows, then an empty line. */
    public static byte[] csv(List<ReportTable> tables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().get())) {
            writer.write('\uFEFF');
            for (ReportTable table : tables) {
                printer.printRecord(safeText(table.title()));
                print(printer, table);
                printer.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void print(CSVPrinter printer, ReportTable table) throws IOException {
        printer.printRecord(table.headings().stream().map(Exports::safeText).toList());
        for (List<Object> row : table.rows()) {
            List<Object> cells = new ArrayList<>(row.size());
            for (Object cell : row) {
                cells.add(cell instanceof BigDecimal number ? number.toPlainString()
                        : cell instanceof LocalDate date ? date.toString()
                        : cell == null ? "" : safeText(cell.toString()));
            }
            printer.printRecord(cells);
        }
    }

    /**
     * A PDF document (OpenPDF): a title, lines of context (scope, period, the suppression rule), then
     * each table under its title. Numbers are written as the tables give them, already suppressed.
     */
    public static byte[] pdf(String title, List<String> lines, List<ReportTable> tables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        com.lowagie.text.Document document = new com.lowagie.text.Document(com.lowagie.text.PageSize.LETTER, 36, 36, 36, 36);
        com.lowagie.text.pdf.PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.open();
        com.lowagie.text.Font heading = com.lowagie.text.FontFactory.getFont(com.lowagie.text.FontFactory.HELVETICA_BOLD, 14);
        com.lowagie.text.Font bold = com.lowagie.text.FontFactory.getFont(com.lowagie.text.FontFactory.HELVETICA_BOLD, 9);
        com.lowagie.text.Font body = com.lowagie.text.FontFactory.getFont(com.lowagie.text.FontFactory.HELVETICA, 9);
        document.add(new com.lowagie.text.Paragraph(title, heading));
        for (String line : lines) {
            document.add(new com.lowagie.text.Paragraph(line, body));
        }
        for (ReportTable table : tables) {
            com.lowagie.text.Paragraph name = new com.lowagie.text.Paragraph(table.title(), bold);
            name.setSpacingBefore(10);
            name.setSpacingAfter(4);
            document.add(name);
            com.lowagie.text.pdf.PdfPTable grid = new com.lowagie.text.pdf.PdfPTable(table.headings().size());
            grid.setWidthPercentage(100);
            grid.setHeaderRows(1);
            table.headings().forEach(h -> grid.addCell(new com.lowagie.text.Phrase(h, bold)));
            for (List<Object> row : table.rows()) {
                for (Object cell : row) {
                    String text = cell instanceof BigDecimal number ? number.toPlainString() : cell == null ? "" : cell.toString();
                    grid.addCell(new com.lowagie.text.Phrase(text, body));
                }
            }
            document.add(grid);
        }
        document.close();
        return out.toByteArray();
    }

    public static byte[] xlsx(List<ReportTable> tables) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle heading = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading.setFont(bold);
            for (ReportTable table : tables) {
                Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
                Row top = sheet.createRow(0);
                for (int i = 0; i < table.headings().size(); i++) {
                    Cell cell = top.createCell(i);
                    cell.setCellValue(table.headings().get(i));
                    cell.setCellStyle(heading);
                }
                int r = 1;
                for (List<Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < values.size(); i++) {
                        write(row.createCell(i), values.get(i), money, date);
                    }
                }
                for (int i = 0; i < table.headings().size(); i++) {
                    sheet.setColumnWidth(i, 18 * 256);
                }
                sheet.createFreezePane(0, 1);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Cell cell, Object value, CellStyle money, CellStyle date) {
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof BigDecimal number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(money);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.longValue());
        } else if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(date);
        } else {
            cell.setCellValue(value.toString());
        }
    }

    /** Text as a spreadsheet can't mistake for a formula. */
    static String safeText(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
