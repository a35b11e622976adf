-- Quartz orders the instances of a cluster with a row lock per purpose in qrtz_locks, but creates those rows only
-- when it first needs one: instances starting together on a fresh database could each find the row missing, each
-- go ahead unordered, and insert the same source's trigger twice (a duplicate-key failure at start-up). The rows
-- exist from the start instead, for the scheduler name the service uses (spring.quartz.properties
-- org.quartz.scheduler.instanceName, her2-feeds); a database where Quartz made them already keeps its own.
INSERT INTO qrtz_locks (sched_name, lock_name) VALUES ('her2-feeds', 'TRIGGER_ACCESS') ON CONFLICT DO NOTHING;
INSERT INTO qrtz_locks (sched_name, lock_name) VALUES ('her2-feeds', 'STATE_ACCESS') ON CONFLICT DO NOTHING;
