package org.defensefund.tracker.backup;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the database is, as MariaDB's client programs need it: host, port, database name, user and password,
 * read from the JDBC URL the application uses ({@code jdbc:mariadb://host[:port]/database[?options]}).
 *
 * @param host the server's host name or address
 * @param port its TCP port (3306 when the URL names none)
 * @param database the database (schema) the application uses
 * @param user the account to connect as
 * @param password its password
 */
public record DatabaseAddress(String host, int port, String database, String user, String password) {

    /** The run command's embedded database, the default of the application's settings. */
    public static final String EMBEDDED_URL = "jdbc:mariadb://127.0.0.1:3406/tracker";

    private static final Pattern URL = Pattern.compile(
            "jdbc:(?:mariadb|mysql)://(\\[[^\\]]+\\]|[^:/?,\\[]+)(?::(\\d+))?/([^?/;]+)(?:\\?.*)?");

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + database;
    }

    /** The address of a JDBC URL with the given account; a URL that isn't one MariaDB server and database is refused. */
    public static DatabaseAddress of(String jdbcUrl, String user, String password) {
        Matcher matcher = URL.matcher(jdbcUrl == null ? "" : jdbcUrl.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a database URL of one MariaDB server (jdbc:mariadb://host:port/database): " + jdbcUrl);
        }
        String host = matcher.group(1);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = matcher.group(2) == null ? 3306 : Integer.parseInt(matcher.group(2));
        return new DatabaseAddress(host, port, matcher.group(3), user, password);
    }

    /**
     * The database the application is configured for: {@code TRACKER_DB_URL}, {@code TRACKER_DB_USER},
     * {@code TRACKER_DB_PASSWORD} (or the system properties {@code tracker.db.url}...; a property wins), by
     * default the run command's embedded database.
     */
    public static DatabaseAddress configured() {
        return of(setting("tracker.db.url").filter(url -> !url.isBlank()).orElse(EMBEDDED_URL), setting("tracker.db.user").orElse("tracker"),
                setting("tracker.db.password").orElse("tracker"));
    }

    /** The JDBC URL of this address (for the commands' own connections). */
    public String jdbcUrl() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:mariadb://" + shownHost + ":" + port + "/" + database;
    }

    /**
     * A setting as the application reads them: the system property, else the environment variable (TRACKER_X_Y); an
     * empty value counts as given (an empty password), except for the URL.
     */
    static Optional<String> setting(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
        }
        return Optional.ofNullable(value);
    }
}
