-- Per-client keys (issue 15, crypto-shredding) and the fund's keys kept under the master key (key rotation).
--
-- client_key: each client's own data key, a Google Tink AEAD keyset (AES256_GCM), stored only wrapped by the master
-- key (Tink's encrypted keyset format, the client's id as associated data) with the id of the master key that wraps
-- it. Destroying it (keyset emptied, destroyed_at set) makes every value under it unreadable: the row stays, so the
-- client can't silently get a new key and their erased state can be told apart from "no key yet". Written on plain JDBC,
-- never through the audit trail (whose old/new values would copy the wrapped key).
CREATE TABLE client_key (
    client_id     BIGINT       NOT NULL PRIMARY KEY,
    keyset        VARBINARY(1024) NULL,
    master_key_id CHAR(16)     NULL,
    created_at    DATETIME(6)  NOT NULL,
    destroyed_at  DATETIME(6)  NULL,
    CONSTRAINT fk_client_key_client FOREIGN KEY (client_id) REFERENCES client (id),
    CONSTRAINT ck_client_key_state CHECK ((keyset IS NULL) = (destroyed_at IS NOT NULL)
        AND (keyset IS NULL) = (master_key_id IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_client_key_master ON client_key (master_key_id);

-- pii_keyset: the fund's own keys, wrapped by the master key: 'fund-v1' holds the AES-GCM key of the v1 values (the
-- users' two-factor secrets, the outbox's and consents' copies) and the HMAC key of the A-number hashes, as the master
-- key derived them before (the first start copies them here), so that rotating the master key changes neither.
CREATE TABLE pii_keyset (
    name          VARCHAR(40)  NOT NULL PRIMARY KEY,
    keyset        VARBINARY(1024) NOT NULL,
    master_key_id CHAR(16)     NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    rewrapped_at  DATETIME(6)  NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
