-- Calendar feeds (issue 16): each staff user may have one private iCalendar feed of the hearings and deadlines
-- of the cases they may see, at a secret address. Only the SHA-256 of the address's random token is stored; the
-- token itself is shown once, to its owner. Turning a feed off (or replacing it) sets revoked_at: the old address
-- stops working. last_read_at is written by the feed itself (not audited), so the owner sees whether it is used.
CREATE TABLE calendar_feed (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id       BIGINT       NOT NULL,
    token_hash    CHAR(64)     NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    revoked_at    DATETIME(6)  NULL,
    last_read_at  DATETIME(6)  NULL,
    CONSTRAINT uq_calendar_feed_token UNIQUE (token_hash),
    CONSTRAINT fk_calendar_feed_user FOREIGN KEY (user_id) REFERENCES user_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_calendar_feed_user ON calendar_feed (user_id, revoked_at);
