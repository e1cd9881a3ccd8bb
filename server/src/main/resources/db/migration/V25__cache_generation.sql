-- Issue 13: the token path caches what it reads (applications, service principals, secret hashes, granted roles,
-- tenants). Every write to those moves this generation on after it commits; each node compares its cached generation
-- with this row at most every 500 ms and drops its cache when it moved, so several nodes agree within that bound.
CREATE TABLE cache_generation (
    name        VARCHAR(32) PRIMARY KEY,
    generation  BIGINT NOT NULL
);

INSERT INTO cache_generation (name, generation) VALUES ('directory', 0);
