package org.defensefund.tracker.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows for one table, written as multi-row {@code INSERT ... VALUES (...), (...)} statements of up to a few
 * hundred rows each (one round trip per statement, whatever the driver's batching settings): the seeder's rows, and
 * the dashboards' read models when they are made again into emptied tables.
 */
public final class TableBatch {

    private static final int MAX_PARAMETERS = 30_000;
    private static final int MAX_ROWS = 1_000;

    private final String table;
    private final String[] columns;
    private final List<Object[]> rows = new ArrayList<>();

    public TableBatch(String table, String... columns) {
        this.table = table;
        this.columns = columns.clone();
    }

    public void add(Object... values) {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(table + " takes " + columns.length + " values, got " + values.length);
        }
        rows.add(values);
    }

    public int size() {
        return rows.size();
    }

    public List<Object[]> rows() {
        return rows;
    }

    /** Inserts every row held and forgets them; returns how many. */
    public int writeTo(Connection connection) throws SQLException {
        int perStatement = Math.max(1, Math.min(MAX_ROWS, MAX_PARAMETERS / columns.length));
        int written = 0;
        PreparedStatement full = null;
        try {
            while (written < rows.size()) {
                int n = Math.min(perStatement, rows.size() - written);
                if (n == perStatement) {
                    if (full == null) {
                        full = connection.prepareStatement(sql(n));
                    }
                    bind(full, written, n);
                    full.executeUpdate();
                } else {
                    try (PreparedStatement last = connection.prepareStatement(sql(n))) {
                        bind(last, written, n);
                        last.executeUpdate();
                    }
                }
                written += n;
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
        rows.clear();
        return written;
    }

    private void bind(PreparedStatement statement, int from, int n) throws SQLException {
        int index = 1;
        for (int r = from; r < from + n; r++) {
            for (Object value : rows.get(r)) {
                if (value == null) {
                    statement.setNull(index++, Types.NULL);
                } else {
                    statement.setObject(index++, value);
                }
            }
        }
    }

    private String sql(int n) {
        StringBuilder sql = new StringBuilder(64 + n * columns.length * 2).append("INSERT INTO ").append(table)
                .append(" (").append(String.join(", ", columns)).append(") VALUES ");
        String group = "(" + "?, ".repeat(columns.length - 1) + "?)";
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : ", ").append(group);
        }
        return sql.toString();
    }
}
