package org.defensefund.tracker.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the harness reads from a rendered page: the form fields a browser would post back (hidden ones such as
 * {@code jakarta.faces.ViewState} included), the PrimeFaces script nonce, the cases a list links to, and the
 * sortable columns of a data table. Plain regular expressions over the markup the pages render.
 */
public final class Html {

    public static final String SIGN_IN_FORM = "id=\"login:email\"";
    public static final String CODE_FORM = "id=\"verify:code\"";
    public static final String ERROR_PAGE = "id=\"errorText\"";
    public static final String FIELD_ERROR = "ui-message-error";

    private static final Pattern NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");
    private static final Pattern TAG = Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROW = Pattern.compile("<tr\\b[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CASE_LINK = Pattern.compile("detail\\.xhtml\\?id=(\\d+)[^\"]*\"[^>]*>([^<]+)</a>");
    private static final Pattern STATUS = Pattern.compile("status status-([A-Z_]+)");
    private static final Pattern HEADER = Pattern.compile("<th\\b([^>]*)>");
    private static final Pattern DATE = Pattern.compile("\\b(\\d{2})/(\\d{2})/(\\d{4})\\b");

    /** A case as a list shows it. */
    public record CaseLink(long id, String number, String status) {
    }

    private Html() {
    }

    public static String nonce(String html) {
        Matcher m = NONCE.matcher(html);
        return m.find() ? m.group(1) : "";
    }

    /**
     * The fields of the form with this id as a browser would post them without any button: every named input
     * (checkboxes and radios only when checked; no buttons), every select's selected option (else its first),
     * every text area; and the script nonce PrimeFaces adds to each form.
     */
    public static Map<String, String> formFields(String html, String formId) {
        int start = html.indexOf("<form id=\"" + formId + "\"");
        if (start < 0) {
            throw new IllegalStateException("no form " + formId + " on the page");
        }
        int end = html.indexOf("</form>", start);
        String form = html.substring(start, end < 0 ? html.length() : end);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher tag = TAG.matcher(form);
        while (tag.find()) {
            String kind = tag.group(1).toLowerCase();
            String attributes = tag.group(2);
            String name = attribute(attributes, "name");
            if (name == null) {
                continue;
            }
            switch (kind) {
                case "input" -> {
                    String type = String.valueOf(attribute(attributes, "type")).toLowerCase();
                    boolean checkable = type.equals("checkbox") || type.equals("radio");
                    if (type.equals("submit") || type.equals("button") || type.equals("image")
                            || checkable && !attributes.contains("checked")) {
                        continue;
                    }
                    String value = attribute(attributes, "value");
                    fields.put(name, value == null ? (checkable ? "on" : "") : value);
                }
                case "select" -> {
                    int close = form.indexOf("</select>", tag.end());
                    fields.put(name, selectedOption(form.substring(tag.end(), close < 0 ? form.length() : close)));
                }
                default -> {
                    int close = form.indexOf("</textarea>", tag.end());
                    fields.put(name, unescape(form.substring(tag.end(), close < 0 ? tag.end() : close)));
                }
            }
        }
        fields.put("primefaces.nonce", nonce(html));
        return fields;
    }

    /** The values of a select's options, in order (empty ones included). */
    public static List<String> options(String html, String selectName) {
        int start = html.indexOf("name=\"" + selectName + "\"");
        List<String> values = new ArrayList<>();
        if (start < 0) {
            return values;
        }
        int end = html.indexOf("</select>", start);
        Matcher option = OPTION.matcher(html.substring(start, end < 0 ? html.length() : end));
        while (option.find()) {
            String value = attribute(option.group(1), "value");
            values.add(value == null ? "" : value);
        }
        return values;
    }

    /** The cases a list page links to, with their number and status, in the order shown. */
    public static List<CaseLink> cases(String html) {
        List<CaseLink> found = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            Matcher link = CASE_LINK.matcher(row.group(1));
            if (link.find()) {
                Matcher status = STATUS.matcher(row.group(1));
                found.add(new CaseLink(Long.parseLong(link.group(1)), unescape(link.group(2).trim()), status.find() ? status.group(1) : ""));
            }
        }
        return found;
    }

    /** The client ids of a data table's sortable column headers ({@code <th id=... class="... ui-sortable-column">}). */
    public static List<String> sortableColumns(String html, String tableId) {
        List<String> ids = new ArrayList<>();
        Matcher header = HEADER.matcher(html);
        while (header.find()) {
            String id = attribute(header.group(1), "id");
            if (id != null && id.startsWith(tableId + ":") && header.group(1).contains("ui-sortable-column")) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * The latest date in the first column of a table's rows ({@code MM/dd/yyyy}, as the pages write dates), if any:
     * a cost dated so lies in the case's sub-award period, which may have ended.
     */
    public static java.util.Optional<java.time.LocalDate> latestDate(String html, String tableId) {
        int start = html.indexOf("id=\"" + tableId + "_data\"");
        if (start < 0) {
            return java.util.Optional.empty();
        }
        int end = html.indexOf("</tbody>", start);
        Matcher row = ROW.matcher(html.substring(start, end < 0 ? html.length() : end));
        java.time.LocalDate latest = null;
        while (row.find()) {
            int cellEnd = row.group(1).indexOf("</td>");
            Matcher date = DATE.matcher(cellEnd < 0 ? row.group(1) : row.group(1).substring(0, cellEnd));
            if (date.find()) {
                java.time.LocalDate found = java.time.LocalDate.of(Integer.parseInt(date.group(3)), Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)));
                latest = latest == null || found.isAfter(latest) ? found : latest;
            }
        }
        return java.util.Optional.ofNullable(latest);
    }

    private static String selectedOption(String options) {
        Matcher option = OPTION.matcher(options);
        String first = null;
        while (option.find()) {
            String value = attribute(option.group(1), "value");
            if (first == null) {
                first = value;
            }
            if (option.group(1).contains("selected")) {
                return value == null ? "" : value;
            }
        }
        return first == null ? "" : first;
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? unescape(m.group(1)) : null;
    }

    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
