-- Scrape source ids from a sequence, as the session tables do: the bundled EclipseLink fetches
-- identity values with a function H2 2 no longer has, so both databases use a sequence.
CREATE SEQUENCE scrape_source_seq START WITH 1 INCREMENT BY 1;
SELECT setval('scrape_source_seq', COALESCE((SELECT max(id) FROM scrape_source), 0) + 1, false);
