package org.defensefund.tracker.shared;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections for start-up work whose statements may take minutes on a large database (migrations, rebuilding
 * read models): the datasource's connections answer within a few seconds or fail, so that requests fail fast
 * when the database hangs (README "Health, metrics and outages"); these wait up to {@link #START_UP_WAIT}
 * instead, and give the connection back to the pool with its own timeout again.
 */
public final class PatientConnections {

    /** The longest a single statement of start-up work may take. */
    public static final Duration START_UP_WAIT = Duration.ofMinutes(30);

    private PatientConnections() {
    }

    /** A connection of the datasource that waits up to {@link #START_UP_WAIT}; closing it restores its timeout. */
    public static Connection open(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        int usual = connection.getNetworkTimeout();
        connection.setNetworkTimeout(Runnable::run, (int) START_UP_WAIT.toMillis());
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            if ("close".equals(method.getName()) && method.getParameterCount() == 0) {
                try {
                    if (!connection.isClosed()) {
                        connection.setNetworkTimeout(Runnable::run, usual);
                    }
                } finally {
                    connection.close();
                }
                return null;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** A datasource handing out such connections (for Flyway). */
    public static DataSource of(DataSource dataSource) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return open(dataSource);
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                throw new SQLFeatureNotSupportedException("the server's datasource has its own credentials");
            }

            @Override
            public PrintWriter getLogWriter() throws SQLException {
                return dataSource.getLogWriter();
            }

            @Override
            public void setLogWriter(PrintWriter out) throws SQLException {
                dataSource.setLogWriter(out);
            }

            @Override
            public void setLoginTimeout(int seconds) throws SQLException {
                dataSource.setLoginTimeout(seconds);
            }

            @Override
            public int getLoginTimeout() throws SQLException {
                return dataSource.getLoginTimeout();
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                return dataSource.getParentLogger();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                return dataSource.unwrap(type);
            }

            @Override
            public boolean isWrapperFor(Class<?> type) throws SQLException {
                return dataSource.isWrapperFor(type);
            }
        };
    }
}
