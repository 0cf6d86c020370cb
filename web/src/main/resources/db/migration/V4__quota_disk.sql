-- the disk space (GiB) a quota's subject's VMs may have
ALTER TABLE quotas ADD COLUMN disk_gib BIGINT;
