-- Accounts: one-time links to set a password, two-factor sign-in, and ending a user's sessions.

-- Sessions started before this instant are ended on their next request (role change, disabling,
-- password change or reset).
ALTER TABLE user_account
    ADD COLUMN sessions_valid_from DATETIME(6) NULL,
    ADD COLUMN password_changed_at DATETIME(6) NULL,
    -- TOTP (RFC 6238) shared secret, Base32; set once the user has proved their app shows the codes.
    ADD COLUMN totp_secret          VARCHAR(255) NULL,
    ADD COLUMN totp_enabled_at      DATETIME(6)  NULL,
    -- The last 30-second time step whose code was accepted: a code is good once.
    ADD COLUMN totp_last_step       BIGINT       NOT NULL DEFAULT 0,
    -- Accounts opened with a link have no usable password until the user sets one.
    MODIFY COLUMN password_hash     VARCHAR(255) NULL;

-- One-time links sent by e-mail: to set the first password, to reset a forgotten one, or to set up
-- two-factor sign-in (which a password alone may not do). Only the
-- SHA-256 of the token is stored; the token itself exists only in the e-mail.
CREATE TABLE account_token (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id     BIGINT       NOT NULL,
    purpose     VARCHAR(30)  NOT NULL,
    token_hash  CHAR(64)     NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6)  NULL,
    CONSTRAINT uq_account_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_account_token_user FOREIGN KEY (user_id) REFERENCES user_account (id),
    CONSTRAINT ck_account_token_purpose CHECK (purpose IN ('SET_PASSWORD', 'RESET_PASSWORD', 'SET_UP_TWO_FACTOR'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_account_token_user ON account_token (user_id, purpose, created_at);

-- Recovery codes for a lost authenticator: each good once, stored as salted SHA-256 (they carry
-- 120 random bits, so a fast hash is enough).
CREATE TABLE recovery_code (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id     BIGINT       NOT NULL,
    code_hash   CHAR(64)     NOT NULL,
    salt        CHAR(32)     NOT NULL,
    used_at     DATETIME(6)  NULL,
    CONSTRAINT fk_recovery_code_user FOREIGN KEY (user_id) REFERENCES user_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_recovery_code_user ON recovery_code (user_id);
