-- Scrape source ids from a sequence (see the PostgreSQL migration). No row can exist yet on H2:
-- inserts through the identity column failed there.
CREATE SEQUENCE scrape_source_seq START WITH 1 INCREMENT BY 1;
