-- API keys issued through POST /api/v1/keys. Only the SHA-256 of each key is kept: the keys are
-- 256 random bits, so a fast hash cannot be reversed and needs no salt (docs/operations.md).
-- Keys are revoked, never deleted, so that the audit trail keeps its names.
CREATE TABLE api_key (
    id            VARCHAR(16)   PRIMARY KEY,
    name          VARCHAR(64)   NOT NULL,
    role          VARCHAR(16)   NOT NULL CHECK (role IN ('reader', 'operator', 'admin')),
    secret_hash   CHAR(64)      NOT NULL UNIQUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(128),
    last_used_at  TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE
);
