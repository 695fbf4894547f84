package org.defensefund.tracker.shared;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where connections come from for work that opens several of its own (bulk writing, rebuilding read models on
 * parallel connections): {@code DriverManager} standalone, the datasource in the server.
 */
@FunctionalInterface
public interface Connections {
    Connection open() throws SQLException;
}
