-- the networks a quota's subject may attach to its VMs: names or uuids, one per line
ALTER TABLE quotas ADD COLUMN networks VARCHAR(4096) DEFAULT '' NOT NULL;
