-- Issue 13: each node caches the lockout state it reads on every sign-in and client-credentials token (almost always
-- "no failures"). Every recorded failure, reset and purge moves this generation on; each node compares it at most every
-- 500 ms, so a lock recorded on one node is enforced on every node within that bound (at once on its own node).
INSERT INTO cache_generation (name, generation) VALUES ('lockouts', 0);
