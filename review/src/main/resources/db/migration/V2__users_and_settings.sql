-- Review app accounts and settings. Passwords are stored as PBKDF2 hashes, never in clear.
CREATE TABLE app_user (
    name        VARCHAR(64) PRIMARY KEY,
    role        VARCHAR(16) NOT NULL,
    pw_hash     VARCHAR(300) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    disabled    BOOLEAN NOT NULL
);

CREATE TABLE app_setting (
    name   VARCHAR(100) PRIMARY KEY,
    setting_value  VARCHAR(1000) NOT NULL
);
