package org.defensefund.tracker.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The scan of every text column of every table of the database (information_schema) for given values. */
public final class TextColumns {

    private TextColumns() {
    }

    /**
     * "table.column" of every text column of every table holding one of the values; audit_entry rows with an id
     * above {@code auditAfter} only (0: all of them; {@code Long.MAX_VALUE}: none).
     */
    public static List<String> holding(DataSource dataSource, List<String> values, long auditAfter) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS c"
                         + " WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE IN ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext')"
                         + " AND EXISTS (SELECT 1 FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = c.TABLE_SCHEMA"
                         + " AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'BASE TABLE')")) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            assertTrue(columns.size() > 100, "every text column of the schema: " + columns.size());
            for (String[] column : columns) {
                StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM `" + column[0] + "` WHERE (");
                for (int i = 0; i < values.size(); i++) {
                    sql.append(i == 0 ? "" : " OR ").append('`').append(column[1]).append("` LIKE ?");
                }
                sql.append(')');
                boolean audit = column[0].equals("audit_entry");
                if (audit && auditAfter > 0) {
                    sql.append(" AND id > ").append(auditAfter);
                }
                try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                    for (int i = 0; i < values.size(); i++) {
                        select.setString(i + 1, "%" + values.get(i) + "%");
                    }
                    try (ResultSet count = select.executeQuery()) {
                        count.next();
                        if (count.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return found;
    }
}
