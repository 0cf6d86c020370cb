-- users, groups, ACL entries, quotas and sessions of the web service
CREATE TABLE users (
    name          VARCHAR(128) PRIMARY KEY,
    password_hash VARCHAR(512),
    source        VARCHAR(16)  NOT NULL,
    service_admin BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE group_members (
    group_name VARCHAR(128) NOT NULL,
    user_name  VARCHAR(128) NOT NULL,
    PRIMARY KEY (group_name, user_name)
);

CREATE TABLE acl (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    subject_kind VARCHAR(8)   NOT NULL,
    subject      VARCHAR(128) NOT NULL,
    object_kind  VARCHAR(8)   NOT NULL,
    object_uuid  VARCHAR(64)  NOT NULL,
    role         VARCHAR(16)  NOT NULL,
    CONSTRAINT acl_once UNIQUE (subject_kind, subject, object_kind, object_uuid)
);

CREATE TABLE quotas (
    subject_kind VARCHAR(8)   NOT NULL,
    subject      VARCHAR(128) NOT NULL,
    vcpus        BIGINT,
    memory_mib   BIGINT,
    vms          BIGINT,
    PRIMARY KEY (subject_kind, subject)
);

CREATE TABLE sessions (
    token_sha256 VARCHAR(64)  PRIMARY KEY,
    user_name    VARCHAR(128) NOT NULL,
    csrf         VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen    TIMESTAMP WITH TIME ZONE NOT NULL
);
