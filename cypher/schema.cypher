// Graph schema (docs/graph-model.md). Applied by `npm run db:migrate` (server/db/migrate.ts), one
// statement at a time. Every statement is idempotent (IF NOT EXISTS), so applying the file again
// changes nothing.

// --- Keys: one node per key. A uniqueness constraint also gives each key a range index. ---
CREATE CONSTRAINT channel_key IF NOT EXISTS FOR (c:Channel) REQUIRE c.key IS UNIQUE;
CREATE CONSTRAINT post_key IF NOT EXISTS FOR (p:Post) REQUIRE p.key IS UNIQUE;
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (e:Entity) REQUIRE e.key IS UNIQUE;
// Followed channels (npm run follow, /api/follows): one follow state per channel username.
CREATE CONSTRAINT follow_channel IF NOT EXISTS FOR (f:Follow) REQUIRE f.channel IS UNIQUE;

// Per type as well, so that a lookup written with the type label, e.g. (m:Model {key: $key}),
// uses an index too. Every typed node also carries :Entity, so the keys stay globally unique.
CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (n:Organization) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT model_key IF NOT EXISTS FOR (n:Model) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT library_key IF NOT EXISTS FOR (n:Library) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT dataset_key IF NOT EXISTS FOR (n:Dataset) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT repository_key IF NOT EXISTS FOR (n:Repository) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT event_key IF NOT EXISTS FOR (n:Event) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT product_key IF NOT EXISTS FOR (n:Product) REQUIRE n.key IS UNIQUE;

// --- Property indexes for the explorer's filters and orderings. ---
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX entity_mention_count IF NOT EXISTS FOR (e:Entity) ON (e.mentionCount);
CREATE INDEX post_date IF NOT EXISTS FOR (p:Post) ON (p.date);
CREATE INDEX post_channel IF NOT EXISTS FOR (p:Post) ON (p.channel);

// Entity-entity relationships carry the key of the post that states them: these find (and on
// re-ingest replace) every relationship a post produced without scanning all relationships.
CREATE INDEX released_post IF NOT EXISTS FOR ()-[r:RELEASED]-() ON (r.post);
CREATE INDEX has_repo_post IF NOT EXISTS FOR ()-[r:HAS_REPO]-() ON (r.post);
CREATE INDEX owns_post IF NOT EXISTS FOR ()-[r:OWNS]-() ON (r.post);
CREATE INDEX uses_post IF NOT EXISTS FOR ()-[r:USES]-() ON (r.post);
CREATE INDEX outperforms_post IF NOT EXISTS FOR ()-[r:OUTPERFORMS]-() ON (r.post);
CREATE INDEX evaluated_on_post IF NOT EXISTS FOR ()-[r:EVALUATED_ON]-() ON (r.post);
CREATE INDEX part_of_post IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.post);
CREATE INDEX works_at_post IF NOT EXISTS FOR ()-[r:WORKS_AT]-() ON (r.post);
CREATE INDEX speaks_at_post IF NOT EXISTS FOR ()-[r:SPEAKS_AT]-() ON (r.post);
CREATE INDEX organized_post IF NOT EXISTS FOR ()-[r:ORGANIZED]-() ON (r.post);
CREATE INDEX presented_at_post IF NOT EXISTS FOR ()-[r:PRESENTED_AT]-() ON (r.post);
// The overview (GET /api/overview) reads the latest months' releases from this one, not every RELEASED.
CREATE INDEX released_date IF NOT EXISTS FOR ()-[r:RELEASED]-() ON (r.date);

// --- Full-text search (Lucene). Neo4j 5 full-text indexes take STRING and LIST<STRING>
// properties, so `aliases` (a list) is searchable as it is. The standard analyzer without stop
// words: posts mix Russian and English, and short names like "The Pile" must stay findable.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
CREATE FULLTEXT INDEX post_text IF NOT EXISTS FOR (p:Post) ON EACH [p.title, p.text]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
