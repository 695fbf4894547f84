package org.defensefund.tracker.shared.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.defensefund.tracker.shared.export.Exports;
import org.defensefund.tracker.shared.export.ReportTable;

/** Sends report tables to the browser as a CSV or XLSX attachment and ends the Faces response. */
public final class Downloads {

    private Downloads() {
    }

    public static void csv(ReportTable table, String baseName) {
        send(Exports.csv(table), baseName + ".csv", Exports.CSV_TYPE);
    }

    /** Several tables in one CSV file, each under its title. */
    public static void csv(List<ReportTable> tables, String baseName) {
        send(Exports.csv(tables), baseName + ".csv", Exports.CSV_TYPE);
    }

    public static void pdf(String title, List<String> lines, List<ReportTable> tables, String baseName) {
        send(Exports.pdf(title, lines, tables), baseName + ".pdf", Exports.PDF_TYPE);
    }

    public static void xlsx(List<ReportTable> tables, String baseName) {
        send(Exports.xlsx(tables), baseName + ".xlsx", Exports.XLSX_TYPE);
    }

    /** The file name is made by the app from ids and dates only, never from typed text. */
    private static void send(byte[] content, String fileName, String contentType) {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        external.responseReset();
        external.setResponseContentType(contentType);
        external.setResponseContentLength(content.length);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        external.setResponseHeader("Cache-Control", "no-store");
        try (OutputStream out = external.getResponseOutputStream()) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }
}
