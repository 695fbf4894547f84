-- Run as root on the embedded MariaDB (run command and integration tests) after it starts:
-- the application connects as its own user, never as root.
CREATE USER IF NOT EXISTS 'tracker'@'localhost' IDENTIFIED BY 'tracker';
CREATE USER IF NOT EXISTS 'tracker'@'127.0.0.1' IDENTIFIED BY 'tracker';
CREATE USER IF NOT EXISTS 'tracker'@'%' IDENTIFIED BY 'tracker';
GRANT ALL PRIVILEGES ON `tracker%`.* TO 'tracker'@'localhost';
GRANT ALL PRIVILEGES ON `tracker%`.* TO 'tracker'@'127.0.0.1';
GRANT ALL PRIVILEGES ON `tracker%`.* TO 'tracker'@'%';
FLUSH PRIVILEGES;
