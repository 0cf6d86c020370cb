-- every change made through the service: who, which VM, what, and how it ended
CREATE TABLE audit (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    user_name VARCHAR(128) NOT NULL,
    vm_uuid   VARCHAR(64)  NOT NULL,
    vm_name   VARCHAR(256) NOT NULL,
    action    VARCHAR(128) NOT NULL,
    result    VARCHAR(512) NOT NULL
);
