package org.defensefund.tracker.testsupport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** How many SELECTs MariaDB has run on a connection so far, for the tests that count a page's statements. */
public final class SelectCounter {

    private SelectCounter() {
    }

    public static long selects(Statement statement) throws SQLException {
        try (ResultSet status = statement.executeQuery("SHOW SESSION STATUS LIKE 'Com_select'")) {
            status.next();
            return status.getLong(2);
        }
    }
}
