package org.defensefund.tracker.shared.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** CSV and XLSX exports: numbers stay numbers, text never turns into a formula. */
class ExportsTest {

    private static final ReportTable TABLE = new ReportTable("Grant: Boston/2026", List.of("Partner", "Start", "Approved", "Cases"),
            List.of(Arrays.asList("=HYPERLINK(\"http://evil\")", LocalDate.of(2026, 1, 31), new BigDecimal("1683.33"), 2L),
                    Arrays.asList("Café Legal, Inc.", null, new BigDecimal("0.01"), 0L)));

    @Test
    void csvQuotesEscapesFormulasAndKeepsCents() {
        String csv = new String(Exports.csv(TABLE), StandardCharsets.UTF_8);
        assertEquals('\uFEFF', csv.charAt(0), "byte-order mark for Excel");
        String[] lines = csv.substring(1).split("\r\n");
        assertEquals("Partner,Start,Approved,Cases", lines[0]);
        assertEquals("\"'=HYPERLINK(\"\"http://evil\"\")\",2026-01-31,1683.33,2", lines[1]);
        assertEquals("\"Café Legal, Inc.\",,0.01,0", lines[2]);
    }

    @Test
    void xlsxHasOneSheetPerTableWithNumbersAsNumbersAndTextAsText() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Exports.xlsx(List.of(TABLE))))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("Grant  Boston 2026", sheet.getSheetName(), "sheet names drop characters Excel refuses");
            assertEquals("Partner", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(CellType.STRING, sheet.getRow(1).getCell(0).getCellType(), "a formula-looking name stays text");
            assertEquals(1683.33, sheet.getRow(1).getCell(2).getNumericCellValue(), 0.0);
            assertEquals("#,##0.00", sheet.getRow(1).getCell(2).getCellStyle().getDataFormatString());
            assertEquals(LocalDate.of(2026, 1, 31), sheet.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(0.01, sheet.getRow(2).getCell(2).getNumericCellValue(), 0.0);
        }
    }
}
